package dev.bibmark.features;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.markdown.Fence;
import dev.bibmark.markdown.Link;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document links the editor does not make itself: URLs, DOIs (→ https://doi.org/…) and arXiv ids
 * (→ https://arxiv.org/abs/…) in BibTeX field values, and bare {@code doi:}/{@code 10.…} DOIs and
 * {@code arXiv:} ids in Markdown prose. Markdown links and bare URLs in prose are left to the editor.
 */
public final class Links {
    private Links() {}

    /** A link: the text it covers and where it goes. */
    public record DocLink(TextRange range, String target) {}

    private static final Pattern URL = Pattern.compile("https?://[^\\s{}\"<>\\\\]+");
    private static final Pattern DOI = Pattern.compile("(?<![\\w./])10\\.\\d{4,9}/[^\\s{}\"<>\\\\]+");
    private static final String ARXIV_ID = "(?:\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?(?!\\d)";
    private static final Pattern ARXIV_PREFIXED = Pattern.compile("(?i:arxiv):\\s*(" + ARXIV_ID + ")");
    private static final Pattern ARXIV_BARE = Pattern.compile("\\s*(" + ARXIV_ID + ")\\s*");
    private static final String TRAILING = ".,;:)]'*";

    public static List<DocLink> of(Document doc) {
        List<DocLink> out = new ArrayList<>();
        for (BibEntry e : doc.entries()) {
            for (BibField f : e.fields()) {
                if (f.value() != null) {
                    field(doc, e, f, out);
                }
            }
        }
        if (doc.markdown()) {
            prose(doc, out);
        }
        out.sort(Comparator.comparingInt(l -> l.range().start()));
        return out;
    }

    private static void field(Document doc, BibEntry e, BibField f, List<DocLink> out) {
        TextRange v = f.value().range();
        String text = doc.text();
        List<DocLink> found = new ArrayList<>();
        scan(text, v, URL, 0, found, m -> m);
        if (f.nameLower().equals("eprint") && isArxiv(e)) {
            int s = v.start();
            int end = v.end();
            // {id} or "id": the id fills the value apart from the delimiters.
            if (v.length() >= 2 && (text.charAt(s) == '{' || text.charAt(s) == '"')) {
                s++;
                end--;
            }
            Matcher m = ARXIV_BARE.matcher(text).region(s, end);
            if (m.matches()) {
                add(found, new TextRange(m.start(1), m.end(1)), "https://arxiv.org/abs/" + m.group(1));
            }
        }
        scan(text, v, ARXIV_PREFIXED, 1, found, id -> "https://arxiv.org/abs/" + id);
        scan(text, v, DOI, 0, found, d -> "https://doi.org/" + d);
        out.addAll(found);
    }

    private static boolean isArxiv(BibEntry e) {
        return e.field("archiveprefix").or(() -> e.field("eprinttype"))
                .map(p -> p.value() == null || p.value().raw().trim().equalsIgnoreCase("arxiv"))
                .orElse(true);
    }

    private static void prose(Document doc, List<DocLink> out) {
        String text = doc.text();
        List<TextRange> skip = new ArrayList<>();
        for (Fence f : doc.markdownIndex().fences()) {
            skip.add(f.range());
        }
        for (Link l : doc.markdownIndex().links()) {
            skip.add(l.range());
        }
        List<DocLink> candidates = new ArrayList<>();
        TextRange all = new TextRange(0, text.length());
        scan(text, all, ARXIV_PREFIXED, 1, candidates, id -> "https://arxiv.org/abs/" + id);
        scan(text, all, DOI, 0, candidates, d -> "https://doi.org/" + d);
        for (DocLink c : candidates) {
            if (skip.stream().noneMatch(r -> overlaps(r, c.range())) && outsideCode(doc, c.range().start())) {
                add(out, c.range(), c.target());
            }
        }
    }

    /** Outside inline code spans, judged on the line: an odd number of backticks before the match opens one. */
    private static boolean outsideCode(Document doc, int offset) {
        int lineStart = doc.lines().lineStart(doc.lines().line(offset));
        int ticks = 0;
        for (int i = lineStart; i < offset; i++) {
            if (doc.text().charAt(i) == '`') {
                ticks++;
            }
        }
        return ticks % 2 == 0;
    }

    private interface Target {
        String of(String matched);
    }

    private static void scan(String text, TextRange region, Pattern p, int group, List<DocLink> found, Target target) {
        Matcher m = p.matcher(text).region(region.start(), region.end());
        while (m.find()) {
            int s = m.start(group);
            int e = m.end(group);
            while (e > s && TRAILING.indexOf(text.charAt(e - 1)) >= 0) {
                if (text.charAt(e - 1) == ')' && text.substring(s, e - 1).contains("(")) {
                    break;
                }
                e--;
            }
            if (e > s) {
                add(found, new TextRange(s, e), target.of(text.substring(s, e)));
            }
        }
    }

    private static void add(List<DocLink> found, TextRange r, String target) {
        for (DocLink l : found) {
            if (overlaps(l.range(), r)) {
                return;
            }
        }
        found.add(new DocLink(r, target));
    }

    private static boolean overlaps(TextRange a, TextRange b) {
        return a.start() < b.end() && b.start() < a.end();
    }
}
