package dev.bibmark.features;

import dev.bibmark.markdown.Fence;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citation-key completion: after {@code [@}, {@code @}, in {@code \cite{…}} lists, and in {@code crossref}, {@code xref}
 * and {@code related} values.
 */
public final class Completion {
    private Completion() {}

    /** At most this many keys are sent; more matches make the list incomplete, so the client asks again. */
    public static final int MAX_ITEMS = 300;

    /** Proposals, and whether matches were left out (the client should ask again as the user types). */
    public record Result(List<Item> items, boolean incomplete) {}

    /** What a proposal is; the edge maps it to an editor icon. */
    public enum Kind { KEY, ENTRY_TYPE, FIELD, VALUE, MONTH }

    /**
     * One proposal. {@code replace} is the range {@code insertText} replaces; when {@code snippet} is true the text
     * has {@code ${n:…}} placeholders (offered only to clients that support snippets).
     */
    public record Item(String label, Kind kind, String detail, String filterText, String documentation,
                       TextRange replace, String insertText, boolean snippet, String sortText) {
    }

    private static final Pattern PANDOC = Pattern.compile("(?:^|[\\s\\[;(])-?@([\\w:.#$%&+?<>~/-]*)$");
    private static final Pattern LATEX = Pattern.compile("\\\\[A-Za-z]*cite[A-Za-z]*\\*?(?:\\[[^\\]]*\\]){0,2}\\{([^}]*)$");
    /** In a field that names one key ({@code crossref}, {@code xref}) or a list of them ({@code related}). */
    private static final Pattern CROSSREF = Pattern.compile(
            "(?i)\\b(?:(?:crossref|xref)\\s*=\\s*[{\"]\\s*|related\\s*=\\s*[{\"](?:[^}\"]*,)?\\s*)([^}\",\\s]*)$");

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
        if (inCodeSpan(before) || inOtherCodeBlock(doc, lineStart)) {
            return Optional.empty(); // `@decorator` in code is not a citation (found by QA)
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

    /**
     * Whether the end of {@code before} (a line up to the cursor) is inside an inline code span: a run of backticks
     * opened and not yet closed by a run of the same length (CommonMark's rule, within the line).
     */
    static boolean inCodeSpan(String before) {
        int open = 0;
        for (int i = 0; i < before.length(); ) {
            if (before.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = 0;
            while (i < before.length() && before.charAt(i) == '`') {
                run++;
                i++;
            }
            if (open == 0) {
                open = run;
            } else if (run == open) {
                open = 0;
            }
        }
        return open > 0;
    }

    /**
     * Whether the line starting at {@code lineStart} lies inside a fenced code block of another language (```python):
     * the fence lines are followed from the end of the last bibtex block above it (the index keeps only bibtex
     * blocks, and blocks do not overlap), so only that stretch of text is read. Quote markers and indentation before
     * a fence are skipped, as CommonMark does within a container.
     */
    static boolean inOtherCodeBlock(Document doc, int lineStart) {
        String text = doc.text();
        int from = 0;
        java.util.List<Fence> fences = doc.markdownIndex().fences();
        int i = dev.bibmark.text.Sorted.firstAtOrAfter(fences, lineStart, Fence::range) - 1;
        if (i >= 0) {
            from = Math.min(lineStart, fences.get(i).range().end());
        }
        char open = 0;
        int openRun = 0;
        for (int at = from; at < lineStart; ) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 || nl > lineStart ? lineStart : nl;
            int k = at;
            while (k < end && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '>')) {
                k++;
            }
            char c = k < end ? text.charAt(k) : 0;
            int run = 0;
            while (k + run < end && text.charAt(k + run) == c && (c == '`' || c == '~')) {
                run++;
            }
            if (run >= 3) {
                if (open == 0) {
                    open = c;
                    openRun = run;
                } else if (c == open && run >= openRun && text.substring(k + run, end).isBlank()) {
                    open = 0;
                }
            }
            if (nl < 0 || nl >= lineStart) {
                break;
            }
            at = nl + 1;
        }
        return open != 0;
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
        return complete(doc, offset, entries, withDocumentation, snippets).items();
    }

    /** A citation key that a bibliography lists without a BibTeX entry (a CSL file's item), and that file's name. */
    public record ListedKey(String key, String source) {}

    /** Proposals at the offset, at most {@link #MAX_ITEMS} citation keys, best matches of the typed text first. */
    public static Result complete(Document doc, int offset, List<EntryInfo> entries, boolean withDocumentation,
                                  boolean snippets) {
        return complete(doc, offset, entries, List.of(), withDocumentation, snippets);
    }

    /**
     * The same, with the keys of CSL bibliographies too ({@code listed}): matched on the key only (nothing else of
     * their items is read), after the entries of the same rank, and not twice (an entry of the same key wins).
     */
    public static Result complete(Document doc, int offset, List<EntryInfo> entries, List<ListedKey> listed,
                                  boolean withDocumentation, boolean snippets) {
        if (offset < 0 || offset > doc.text().length()) {
            return new Result(List.of(), false);
        }
        Optional<int[]> ctx = context(doc, offset);
        if (ctx.isEmpty()) {
            return new Result(BibCompletion.at(doc, offset, entries, snippets), false);
        }
        int start = ctx.get()[0];
        int end = offset;
        String text = doc.text();
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_:.-".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        TextRange replace = new TextRange(start, end);
        String typed = text.substring(start, offset).toLowerCase(java.util.Locale.ROOT);
        // Matches ranked: key prefix, then key substring, then any word of title/authors/venue/year.
        List<List<EntryInfo>> ranks = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        java.util.Set<String> seen = new java.util.HashSet<>();
        int matched = 0;
        for (EntryInfo e : entries) {
            String keyLower = e.key().toLowerCase(java.util.Locale.ROOT);
            if (e.key().isEmpty() || !seen.add(keyLower)) {
                continue;
            }
            int rank;
            if (keyLower.startsWith(typed)) {
                rank = 0;
            } else if (keyLower.contains(typed)) {
                rank = 1;
            } else {
                if (!e.summary().haystack().contains(typed)) {
                    continue;
                }
                rank = 2;
            }
            matched++;
            if (ranks.get(rank).size() < MAX_ITEMS) {
                ranks.get(rank).add(e);
            }
        }
        List<List<ListedKey>> listedRanks = List.of(new ArrayList<>(), new ArrayList<>());
        for (ListedKey k : listed) {
            String keyLower = k.key().toLowerCase(java.util.Locale.ROOT);
            if (k.key().isEmpty() || !seen.add(keyLower)) {
                continue;
            }
            int rank = keyLower.startsWith(typed) ? 0 : keyLower.contains(typed) ? 1 : -1;
            if (rank < 0) {
                continue;
            }
            matched++;
            if (listedRanks.get(rank).size() < MAX_ITEMS) {
                listedRanks.get(rank).add(k);
            }
        }
        List<Item> out = new ArrayList<>();
        int n = 0;
        for (int rank = 0; rank < ranks.size(); rank++) {
            for (EntryInfo e : ranks.get(rank)) {
                if (out.size() >= MAX_ITEMS) {
                    break;
                }
                EntryInfo.Summary s = e.summary();
                String title = s.title();
                String shortTitle = title.length() > 60 ? title.substring(0, 57) + "…" : title;
                String detail = (s.firstAuthorSurname() + " " + s.year()).trim() + (shortTitle.isEmpty() ? "" : " · " + shortTitle);
                // The client filters on filterText: the key plus the words that matched here, so it keeps them.
                String filter = e.key() + " " + title + " " + s.authors() + " " + s.year() + " " + s.venue();
                out.add(new Item(e.key(), Kind.KEY, detail, filter, withDocumentation ? Hover.markdown(e) : null, replace,
                        e.key(), false, rank + dev.bibmark.util.Strings.zeroPad(n++, 5)));
            }
            // Then the CSL keys of the same rank (they match by key only: no rank 2).
            for (ListedKey k : rank < listedRanks.size() ? listedRanks.get(rank) : List.<ListedKey>of()) {
                if (out.size() < MAX_ITEMS) {
                    out.add(new Item(k.key(), Kind.KEY, "CSL item · " + k.source(), k.key(), null, replace, k.key(),
                            false, rank + dev.bibmark.util.Strings.zeroPad(n++, 5)));
                }
            }
        }
        return new Result(out, matched > MAX_ITEMS);
    }
}
