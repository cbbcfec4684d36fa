package dev.bibmark.format;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.bibtex.BibParser;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.markdown.EmbeddedText;
import dev.bibmark.markdown.Fence;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Formats the BibTeX entries of a document: every bibtex fence of a Markdown file, or the whole of a .bib file.
 *
 * <p>What it touches: only the text of an entry, from its {@code @} to its closing delimiter. Text between entries
 * (comments, notes), {@code @string}, {@code @preamble} and {@code @comment} objects, and everything outside the
 * fences stay byte-identical. Lines it writes inside a fence start with the fence's container prefix (the list
 * item's indentation, the {@code >} of a block quote, the fence's own indentation), so the block's content reads
 * back as formatted; line breaks are the document's own (CRLF stays CRLF).
 *
 * <p>What it leaves as written (and reports in {@link Result#skipped()}):
 * <ul>
 *   <li>an entry that a syntax error touches, or that is not closed: only the well-formed entries of a block are
 *       formatted, so one broken entry costs only itself;</li>
 *   <li>every entry of a fence that is not closed, or whose lines do not map back to the document exactly (tabs in
 *       the container indentation).</li>
 * </ul>
 *
 * <p>Safety: each formatted entry is parsed again and must have the same type (ignoring case), key, fields and
 * value parts, with no syntax error; then the whole new document is parsed again and every changed block must read
 * back as intended. An entry or block that fails is left as written. So formatting never changes a key, the set of
 * fields, or a value's text (only the outer delimiters of a value part, as the options say), and formatting
 * formatted text changes nothing. Stateless and thread-safe.
 */
public final class Formatter {
    private Formatter() {}

    /**
     * An entry left as written.
     *
     * @param range the entry (document range)
     * @param reason why, for people: "syntax error", "unclosed fence"...
     */
    public record Skipped(TextRange range, String reason) {}

    /**
     * @param edits non-overlapping edits in document order, one per changed entry, each as small as its change
     * @param skipped entries left as written, in document order
     */
    public record Result(List<Edit> edits, List<Skipped> skipped) {}

    /** Edits that format every entry of the document (empty when it is already formatted). */
    public static List<Edit> format(Document doc, FormatOptions opts) {
        return run(doc, null, opts).edits();
    }

    /**
     * Edits that format the entries intersecting {@code range} (for a collapsed range: the entry the offset touches);
     * whole entries are formatted, so an edit may reach outside the range.
     */
    public static List<Edit> formatRange(Document doc, TextRange range, FormatOptions opts) {
        return run(doc, range, opts).edits();
    }

    /** {@link #format} or (with a non-null range) {@link #formatRange}, with the entries left as written. */
    public static Result run(Document doc, TextRange range, FormatOptions opts) {
        List<BlockPlan> plans = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < units(doc).size(); i++) {
            BlockPlan plan = planBlock(doc, i, range, opts);
            skipped.addAll(plan.skipped);
            if (!plan.edits.isEmpty()) {
                plans.add(plan);
            }
        }
        // Verify the whole result; a block that does not read back as planned is left as written.
        for (int round = 0; round < 3 && !plans.isEmpty(); round++) {
            List<BlockPlan> bad = failing(doc, plans);
            if (bad.isEmpty()) {
                break;
            }
            if (bad.size() == plans.size() || round == 2) {
                for (BlockPlan p : plans) {
                    skipped.addAll(p.formatted("could not be formatted safely"));
                }
                plans.clear();
                break;
            }
            for (BlockPlan p : bad) {
                skipped.addAll(p.formatted("could not be formatted safely"));
            }
            plans.removeAll(bad);
        }
        List<Edit> edits = new ArrayList<>();
        for (BlockPlan p : plans) {
            edits.addAll(p.edits);
        }
        skipped.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
        return new Result(List.copyOf(edits), List.copyOf(skipped));
    }

    /** The planned edits of one block and the block's content as it should read afterwards. */
    private static final class BlockPlan {
        final int index;
        final List<Edit> edits = new ArrayList<>();
        final List<Edit> localEdits = new ArrayList<>();
        final List<TextRange> formattedEntries = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();
        String expectedLocal;

        BlockPlan(int index) {
            this.index = index;
        }

        List<Skipped> formatted(String reason) {
            return formattedEntries.stream().map(r -> new Skipped(r, reason)).toList();
        }
    }

    /** What is formatted as one piece: a Markdown file's fences, a .bib file's whole text. */
    private static List<Block> units(Document doc) {
        return doc.markdown() ? doc.blocks() : List.of(doc.fileBlock());
    }

    private static BlockPlan planBlock(Document doc, int index, TextRange range, FormatOptions opts) {
        BlockPlan plan = new BlockPlan(index);
        Block block = units(doc).get(index);
        Fence fence = block.fence();
        String text = doc.text();
        String local = fence == null ? text : fence.content().text();
        EmbeddedText map = fence == null ? null : fence.content();
        String unsafe = fence == null ? null : !fence.closed() ? "unclosed fence" : mapsExactly(text, map) ? null
                : "the fence's lines do not map back exactly (tabs in its indentation)";
        // Parsed again on its own text for local ranges (a .bib file's ranges already are).
        BibFile bib = fence == null ? block.bib() : BibParser.parse(local);
        ErrorIndex errors = new ErrorIndex(bib.errors());
        String prefix = fence == null ? "" : containerPrefix(text, doc, fence);
        for (BibObject o : bib.objects()) {
            if (!(o instanceof BibEntry e)) {
                continue;
            }
            int start = e.range().start();
            int end = e.range().end();
            TextRange docRange = map == null ? e.range() : new TextRange(map.toDocument(start), map.toDocument(end));
            if (range != null && !intersects(docRange, range)) {
                continue;
            }
            if (unsafe != null) {
                plan.skipped.add(new Skipped(docRange, unsafe));
                continue;
            }
            if (!e.closed() || errors.touches(e.range())) {
                plan.skipped.add(new Skipped(docRange, "syntax error"));
                continue;
            }
            if (!onlyTokens(local, e)) {
                plan.skipped.add(new Skipped(docRange, "unexpected text in the entry"));
                continue;
            }
            String eol = map == null ? lineBreakAt(text, start) : lineBreakAt(text, docRange.start());
            EntryWriter w = new EntryWriter(local, text, map, map == null ? eol : "\n", eol + prefix, opts)
                    .write(e, base(local, start));
            if (!readsBackAs(w.localText(), e, opts)) {
                plan.skipped.add(new Skipped(docRange, "could not be formatted safely"));
                continue;
            }
            if (w.docText().contentEquals(text.subSequence(docRange.start(), docRange.end()))) {
                continue;
            }
            plan.edits.add(minimal(text, docRange, w.docText()));
            plan.localEdits.add(new Edit(e.range(), w.localText()));
            plan.formattedEntries.add(docRange);
        }
        if (!plan.edits.isEmpty()) {
            plan.expectedLocal = Edit.apply(local, plan.localEdits);
        }
        return plan;
    }

    private static boolean intersects(TextRange entry, TextRange range) {
        if (range.length() == 0) {
            return entry.touches(range.start());
        }
        return entry.start() < range.end() && range.start() < entry.end();
    }

    /** Answers "does a syntax error touch this range?" in O(log n). */
    private static final class ErrorIndex {
        private final int[] starts;
        /** maxEnds[i]: the largest end among the errors sorted before and at i. */
        private final int[] maxEnds;

        ErrorIndex(List<SyntaxError> errors) {
            List<SyntaxError> sorted = new ArrayList<>(errors);
            sorted.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
            starts = new int[sorted.size()];
            maxEnds = new int[sorted.size()];
            int max = -1;
            for (int i = 0; i < sorted.size(); i++) {
                starts[i] = sorted.get(i).range().start();
                max = Math.max(max, sorted.get(i).range().end());
                maxEnds[i] = max;
            }
        }

        /** Whether an error starts at or before the range's end and ends at or after its start. */
        boolean touches(TextRange r) {
            int lo = 0;
            int hi = starts.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] <= r.end()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo > 0 && maxEnds[lo - 1] >= r.start();
        }
    }

    /**
     * Whether the entry's text is only its tokens (type, key, names, value parts), whitespace and punctuation: the
     * formatter rewrites everything else, so nothing else may be there.
     */
    private static boolean onlyTokens(String s, BibEntry e) {
        int a = e.range().start();
        BitSet covered = new BitSet(e.range().length());
        mark(covered, a, e.typeRange());
        mark(covered, a, e.keyRange());
        int equals = 0;
        int hashes = 0;
        for (BibField f : e.fields()) {
            mark(covered, a, f.nameRange());
            equals++;
            hashes += f.value().parts().size() - 1;
            for (BibValue.Part p : f.value().parts()) {
                mark(covered, a, p.range());
            }
        }
        int at = 0;
        int commas = 0;
        for (int i = a; i < e.range().end(); i++) {
            if (covered.get(i - a)) {
                continue;
            }
            char c = s.charAt(i);
            switch (c) {
                case '@' -> at++;
                case '=' -> equals--;
                case '#' -> hashes--;
                case ',' -> commas++;
                case '{', '}', '(', ')' -> { }
                default -> {
                    if (!Character.isWhitespace(c)) {
                        return false;
                    }
                }
            }
        }
        return at == 1 && equals == 0 && hashes == 0 && commas <= e.fields().size() + 1;
    }

    private static void mark(BitSet covered, int base, TextRange r) {
        covered.set(r.start() - base, r.end() - base);
    }

    /** Whether a formatted entry parses to the same entry: type (any case), key, fields and value parts. */
    private static boolean readsBackAs(String formatted, BibEntry e, FormatOptions opts) {
        BibFile again = BibParser.parse(formatted);
        if (!again.errors().isEmpty() || again.objects().size() != 1 || !(again.objects().get(0) instanceof BibEntry f)) {
            return false;
        }
        if (!f.closed() || !f.type().equalsIgnoreCase(e.type()) || !f.key().equals(e.key())) {
            return false;
        }
        List<BibField> want = EntryWriter.order(e.fields(), opts.fieldOrder());
        if (want.size() != f.fields().size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            BibField x = want.get(i);
            BibField y = f.fields().get(i);
            if (!x.name().equalsIgnoreCase(y.name()) || !sameValue(x.value(), y.value())) {
                return false;
            }
        }
        return true;
    }

    /** Same parts with the same text; only the delimiters of braced, quoted and number parts may differ. */
    static boolean sameValue(BibValue a, BibValue b) {
        if (a.parts().size() != b.parts().size()) {
            return false;
        }
        for (int i = 0; i < a.parts().size(); i++) {
            BibValue.Part p = a.parts().get(i);
            BibValue.Part q = b.parts().get(i);
            if ((p instanceof BibValue.Macro) != (q instanceof BibValue.Macro) || !p.text().equals(q.text())) {
                return false;
            }
        }
        return true;
    }

    /** The blocks whose new content does not read back as planned. */
    private static List<BlockPlan> failing(Document doc, List<BlockPlan> plans) {
        List<Edit> all = new ArrayList<>();
        for (BlockPlan p : plans) {
            all.addAll(p.edits);
        }
        Document after = Documents.parse(doc.path(), Edit.apply(doc.text(), all), doc.markdown());
        if (units(after).size() != units(doc).size()) {
            return plans;
        }
        List<BlockPlan> bad = new ArrayList<>();
        for (BlockPlan p : plans) {
            Block before = units(doc).get(p.index);
            Block now = units(after).get(p.index);
            boolean ok;
            if (before.fence() != null) {
                ok = now.fence() != null && now.fence().closed() && now.fence().content().text().equals(p.expectedLocal);
            } else {
                ok = now.bib().errors().size() == before.bib().errors().size()
                        && now.bib().objects().size() == before.bib().objects().size()
                        && now.bib().entries().stream().map(BibEntry::key).toList()
                                .equals(before.bib().entries().stream().map(BibEntry::key).toList());
            }
            if (!ok) {
                bad.add(p);
            }
        }
        return bad;
    }

    /** Whether every content line of a fence is found at the document offset it maps to. */
    private static boolean mapsExactly(String text, EmbeddedText map) {
        String s = map.text();
        int lineStart = 0;
        while (true) {
            int eol = s.indexOf('\n', lineStart);
            int lineEnd = eol < 0 ? s.length() : eol;
            int at = map.toDocument(lineStart);
            if (lineEnd > lineStart && !text.startsWith(s.substring(lineStart, lineEnd), at)) {
                return false;
            }
            if (eol < 0) {
                return true;
            }
            lineStart = eol + 1;
        }
    }

    /**
     * What a new content line of the fence starts with: the opening fence line up to the fence marker, list markers
     * turned into spaces ({@code "- "} gives {@code "  "}, {@code "> 1. "} gives {@code ">    "}) and a space after a
     * bare {@code >} ({@code ">>"} gives {@code "> > "}), since a quote marker swallows one space of what follows.
     */
    private static String containerPrefix(String text, Document doc, Fence fence) {
        int lineStart = doc.lines().lineStart(doc.lines().line(fence.range().start()));
        StringBuilder sb = new StringBuilder();
        for (int i = lineStart; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`' || c == '~' || c == '\n' || c == '\r') {
                break;
            }
            if (c == '\uFEFF') {
                continue;
            }
            sb.append(c == '>' || c == ' ' || c == '\t' ? c : ' ');
            if (c == '>' && i + 1 < text.length() && text.charAt(i + 1) != ' ' && text.charAt(i + 1) != '\t') {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /** The whitespace before {@code at} on its line, or "" when other text precedes it. */
    private static String base(String s, int at) {
        int i = at;
        while (i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
            i--;
        }
        return i == 0 || s.charAt(i - 1) == '\n' || s.charAt(i - 1) == '\r' ? s.substring(i, at) : "";
    }

    /** The line break ending the line of {@code at}, else the one before it, else {@code \n}. */
    static String lineBreakAt(String text, int at) {
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return "\n";
            }
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
            }
        }
        for (int i = Math.min(at, text.length()) - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i > 0 && text.charAt(i - 1) == '\r' ? "\r\n" : "\n";
            }
            if (c == '\r') {
                return "\r";
            }
        }
        return "\n";
    }

    /**
     * The edit replacing {@code range} by {@code replacement}, shrunk to the part that differs; its ends never split
     * a CRLF or a surrogate pair.
     */
    static Edit minimal(String text, TextRange range, String replacement) {
        int start = range.start();
        int end = range.end();
        int max = Math.min(end - start, replacement.length());
        int p = 0;
        while (p < max && text.charAt(start + p) == replacement.charAt(p)) {
            p++;
        }
        int q = 0;
        while (q < max - p && text.charAt(end - 1 - q) == replacement.charAt(replacement.length() - 1 - q)) {
            q++;
        }
        while (p > 0 && splitsPair(text, start + p)) {
            p--;
        }
        while (q > 0 && splitsPair(text, end - q)) {
            q--;
        }
        return new Edit(new TextRange(start + p, end - q), replacement.substring(p, replacement.length() - q));
    }

    private static boolean splitsPair(String text, int at) {
        if (at <= 0 || at >= text.length()) {
            return false;
        }
        char before = text.charAt(at - 1);
        char after = text.charAt(at);
        return (before == '\r' && after == '\n') || (Character.isHighSurrogate(before) && Character.isLowSurrogate(after));
    }
}
