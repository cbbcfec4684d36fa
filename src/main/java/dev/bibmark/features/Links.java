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
        scan(text, v, URL, 0, false, found, m -> m);
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
        scan(text, v, ARXIV_PREFIXED, 1, false, found, id -> "https://arxiv.org/abs/" + id);
        scan(text, v, DOI, 0, false, found, d -> "https://doi.org/" + d);
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
        Spans skipped = Spans.of(skip);
        // Only the text between fences is searched (the fences are most of a list, and a candidate in one is
        // skipped anyway); the patterns look around the gaps' edges as in the whole text (transparent bounds), and a
        // fence starts a line, so no candidate runs from a gap into one.
        List<TextRange> gaps = new ArrayList<>();
        int from = 0;
        for (Fence f : doc.markdownIndex().fences()) {
            if (f.range().start() > from) {
                gaps.add(new TextRange(from, f.range().start()));
            }
            from = Math.max(from, f.range().end());
        }
        if (from < text.length()) {
            gaps.add(new TextRange(from, text.length()));
        }
        List<DocLink> candidates = new ArrayList<>();
        // arXiv ids first, then DOIs (an earlier candidate wins an overlap).
        for (TextRange gap : gaps) {
            scan(text, gap, ARXIV_PREFIXED, 1, true, candidates, id -> "https://arxiv.org/abs/" + id);
        }
        for (TextRange gap : gaps) {
            scan(text, gap, DOI, 0, true, candidates, d -> "https://doi.org/" + d);
        }
        // Looked up by position, not against every fence, link and earlier link (a 10,000-paper list's 20,000
        // DOIs and links made that a quarter of a second per request; the editor asks after every change). Field
        // links lie inside fences, so a prose link can only overlap another prose link.
        java.util.TreeMap<Integer, DocLink> accepted = new java.util.TreeMap<>();
        for (DocLink c : candidates) {
            if (skipped.overlaps(c.range()) || !outsideCode(doc, c.range().start())) {
                continue;
            }
            java.util.Map.Entry<Integer, DocLink> before = accepted.floorEntry(c.range().end() - 1);
            if (before == null || !overlaps(before.getValue().range(), c.range())) {
                accepted.put(c.range().start(), c);
            }
        }
        out.addAll(accepted.values());
    }

    /** Ranges sorted by start, with the largest end up to each: whether a range overlaps any, by binary search. */
    private record Spans(int[] starts, int[] maxEnds) {
        static Spans of(List<TextRange> ranges) {
            List<TextRange> sorted = new ArrayList<>(ranges);
            sorted.sort(Comparator.comparingInt(TextRange::start));
            int[] starts = new int[sorted.size()];
            int[] maxEnds = new int[sorted.size()];
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < starts.length; i++) {
                starts[i] = sorted.get(i).start();
                max = Math.max(max, sorted.get(i).end());
                maxEnds[i] = max;
            }
            return new Spans(starts, maxEnds);
        }

        boolean overlaps(TextRange r) {
            // The last range starting before r ends; any earlier one that reaches into r shows in the running maximum.
            int i = java.util.Arrays.binarySearch(starts, r.end());
            int k = i >= 0 ? i - 1 : -i - 2;
            while (i >= 0 && k >= 0 && starts[k] >= r.end()) {
                k--; // equal starts: binarySearch may land on any of them
            }
            return k >= 0 && maxEnds[k] > r.start();
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

    /** Links found by {@code p} in {@code region}; {@code transparent}: its lookarounds see the text around it. */
    private static void scan(String text, TextRange region, Pattern p, int group, boolean transparent,
                             List<DocLink> found, Target target) {
        Matcher m = p.matcher(text).region(region.start(), region.end()).useTransparentBounds(transparent);
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
