package dev.bibmark.features;

import dev.bibmark.markdown.Fence;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Citation-key completion: after {@code [@}, {@code @}, in {@code \cite{…}} lists and in {@code crossref}. */
public final class Completion {
    private Completion() {}

    /** One proposal; {@code replace} is the range the key replaces. */
    public record Item(String key, String detail, String filterText, String documentation, TextRange replace) {}

    private static final Pattern PANDOC = Pattern.compile("(?:^|[\\s\\[;(])-?@([\\w:.#$%&+?<>~/-]*)$");
    private static final Pattern LATEX = Pattern.compile("\\\\[A-Za-z]*cite[A-Za-z]*\\*?(?:\\[[^\\]]*\\]){0,2}\\{([^}]*)$");
    private static final Pattern CROSSREF = Pattern.compile("(?i)crossref\\s*=\\s*[{\"]([^}\",]*)$");

    /** The typed part of the key before the cursor, or empty when the cursor is not in a key context. */
    static Optional<int[]> context(Document doc, int offset) {
        String text = doc.text();
        int lineStart = doc.lines().lineStart(doc.lines().line(offset));
        String before = text.substring(lineStart, offset);
        boolean inFence = !doc.markdown();
        for (Fence f : doc.markdownIndex().fences()) {
            if (f.range().touches(offset) && offset > f.range().start()) {
                inFence = true;
            }
        }
        Matcher m;
        if (inFence) {
            m = CROSSREF.matcher(before);
            if (!m.find()) {
                return Optional.empty();
            }
            return Optional.of(new int[] {offset - m.group(1).length(), offset});
        }
        m = LATEX.matcher(before);
        if (m.find()) {
            String list = m.group(1);
            String current = list.substring(list.lastIndexOf(',') + 1).stripLeading();
            return Optional.of(new int[] {offset - current.length(), offset});
        }
        m = PANDOC.matcher(before);
        if (m.find()) {
            return Optional.of(new int[] {offset - m.group(1).length(), offset});
        }
        return Optional.empty();
    }

    /** Proposals at the offset (every key of the workspace; the client filters on filterText). */
    public static List<Item> at(Document doc, int offset, List<EntryInfo> entries, boolean withDocumentation) {
        Optional<int[]> ctx = context(doc, offset);
        if (ctx.isEmpty()) {
            return List.of();
        }
        int start = ctx.get()[0];
        int end = offset;
        String text = doc.text();
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_:.-".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        TextRange replace = new TextRange(start, end);
        List<Item> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (EntryInfo e : entries) {
            if (e.key().isEmpty() || !seen.add(e.key().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            String title = e.title();
            String shortTitle = title.length() > 60 ? title.substring(0, 57) + "…" : title;
            String detail = (e.firstAuthorSurname() + " " + e.field("year")).trim() + (shortTitle.isEmpty() ? "" : " · " + shortTitle);
            String filter = e.key() + " " + title + " " + e.field("author") + " " + e.field("year") + " " + e.venue();
            out.add(new Item(e.key(), detail, filter, withDocumentation ? Hover.markdown(e) : null, replace));
        }
        return out;
    }
}
