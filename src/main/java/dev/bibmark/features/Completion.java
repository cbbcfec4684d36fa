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

    /** What a proposal is; the edge maps it to an editor icon. */
    public enum Kind { KEY, ENTRY_TYPE, FIELD, VALUE, MONTH }

    /**
     * One proposal. {@code replace} is the range {@code insertText} replaces; when {@code snippet} is true the text
     * has {@code ${n:…}} placeholders (offered only to clients that support snippets).
     */
    public record Item(String label, Kind kind, String detail, String filterText, String documentation,
                       TextRange replace, String insertText, boolean snippet, String sortText) {
        static Item key(String key, String detail, String filterText, String documentation, TextRange replace) {
            return new Item(key, Kind.KEY, detail, filterText, documentation, replace, key, false, null);
        }
    }

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

    /** Proposals at the offset, without snippets. */
    public static List<Item> at(Document doc, int offset, List<EntryInfo> entries, boolean withDocumentation) {
        return at(doc, offset, entries, withDocumentation, false);
    }

    /**
     * Proposals at the offset: citation keys (every key of the workspace; the client filters on filterText), or
     * inside a bibtex block entry types, field names and values.
     */
    public static List<Item> at(Document doc, int offset, List<EntryInfo> entries, boolean withDocumentation,
                                boolean snippets) {
        if (offset < 0 || offset > doc.text().length()) {
            return List.of();
        }
        Optional<int[]> ctx = context(doc, offset);
        if (ctx.isEmpty()) {
            return BibCompletion.at(doc, offset, entries, snippets);
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
            out.add(Item.key(e.key(), detail, filter, withDocumentation ? Hover.markdown(e) : null, replace));
        }
        return out;
    }
}
