package dev.bibmark.markdown;

import dev.bibmark.text.LineIndex;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Block;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown document into a {@link MarkdownIndex}: bibtex fences, headings, links, HTML
 * comments and citations. Every range is a document range in UTF-16 code units into the original
 * text, including a leading BOM when there is one. Only block structure is parsed by commonmark;
 * inline constructs are found by scanning the source lines of prose blocks, with inline code spans
 * masked out. Thread-safe; {@link #read} never throws.
 */
public final class MarkdownReader {
    /** CommonMark's parser, made on first use: a plain list is read by {@link SimpleBlocks} alone. */
    private static final class Commonmark {
        static final Parser PARSER = Parser.builder()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .inlineParserFactory(ctx -> (lines, node) -> { })
                .build();
    }

    private static final Pattern STATUS_TAG = Pattern.compile("\\[\\s*`\\s*([^`\\]\\s][^`\\]]*?)\\s*`\\s*\\]\\s*$");
    private static final Pattern INLINE_LINK = Pattern.compile(
            "(!?)\\[([^\\[\\]]*)\\]\\(\\s*(?:<([^<>\\n]*)>|([^\\s()<>]+(?:\\([^\\s()]*\\)[^\\s()<>]*)*))"
                    + "(?:\\s+(?:\"[^\"]*\"|'[^']*'|\\([^()]*\\)))?\\s*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp)://[^\\s<>]+)>");
    private static final Pattern BARE_URL = Pattern.compile("(?<![\\w/])https?://[^\\s<>\\[\\]`\"]+");
    private static final Pattern LINE_BREAK = Pattern.compile("[ \\t]*(\\r\\n|\\r|\\n)[ \\t>]*");
    /** A line that starts a BibTeX object: {@code @type\{} or {@code @type(} after blanks. */
    private static final Pattern BIBTEX_LINE = Pattern.compile("(?m)^[ \\t]*@[A-Za-z]+[ \\t]*[{(]");
    private static final Pattern COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);
    private static final String KEY = "[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_]|[:.#$%&\\-+?<>~/](?=[\\p{L}\\p{N}_]))*";
    private static final Pattern PANDOC = Pattern.compile("(?<![\\p{L}\\p{N}_@\\\\])@(?:\\{([^{}\\n]+)\\}|(" + KEY + "))");
    private static final Pattern LATEX = Pattern.compile(
            "\\\\(?:[Cc]ite|[Cc]itep|[Cc]itet|citealp|citealt|[Cc]iteauthor|citeyear|[Pp]arencite|[Tt]extcite"
                    + "|[Aa]utocite|[Ff]ootcite|nocite)\\*?(?:\\s*\\[[^\\]]*\\]){0,2}\\s*\\{([^{}]*)\\}");

    /** From this length on, {@link #read} reads parts of the document in parallel. */
    static final int PARALLEL_CHARS = 200_000;

    private MarkdownReader() {
    }

    /** Indexes {@code text}; returns {@link MarkdownIndex#EMPTY}-like lists when anything fails. */
    public static MarkdownIndex read(String text) {
        return read(text, null);
    }

    /** {@link #read} with the text's line index, when the caller has one. */
    public static MarkdownIndex read(String text, LineIndex lines) {
        if (text == null || text.isEmpty()) {
            return MarkdownIndex.EMPTY;
        }
        try {
            return new Reader(text, false, lines, PARALLEL_CHARS).run();
        } catch (RuntimeException | StackOverflowError e) {
            return MarkdownIndex.EMPTY;
        }
    }

    /** {@link #read} without the safety nets, so tests and fuzzers see a bug instead of a quietly smaller index. */
    static MarkdownIndex readStrict(String text) {
        return text.isEmpty() ? MarkdownIndex.EMPTY : new Reader(text, true, null, PARALLEL_CHARS).run();
    }

    /**
     * {@link #readStrict}, read in parts whenever the text can be split ({@code inParts}) or never: a test
     * compares the two on any text.
     */
    static MarkdownIndex readStrict(String text, boolean inParts) {
        return text.isEmpty() ? MarkdownIndex.EMPTY
                : new Reader(text, true, null, inParts ? 0 : Integer.MAX_VALUE).run();
    }

    /**
     * {@link #readStrict}, whole, with CommonMark's parser for every block ({@code simple} false) or with
     * {@link SimpleBlocks} wherever it applies: a test compares the two on any text.
     */
    static MarkdownIndex readStrictWith(String text, boolean simple) {
        if (text.isEmpty()) {
            return MarkdownIndex.EMPTY;
        }
        Reader r = new Reader(text, true, null, Integer.MAX_VALUE);
        r.simple = simple;
        return r.run();
    }

    private static final class Reader {
        private final String text;
        private final boolean strict;
        private final int bom;
        private final LineIndex lines;
        /** Where the text this reader parses starts in the document, and on which line. */
        private final int base;
        private final int baseLine;
        private final List<dev.bibmark.markdown.Heading> headings = new ArrayList<>();
        private final List<Fence> fences = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<HtmlComment> comments = new ArrayList<>();
        private final List<Citation> citations = new ArrayList<>();
        private final List<CodeBlock> unmarked = new ArrayList<>();

        /** Documents from this length on are read in parts. */
        private final int partsFrom;

        /**
         * Matchers of this reader, reset for each heading or paragraph: a new matcher allocates its group arrays, and
         * a long list has tens of thousands of headings and links. (Each part has its own reader and thread.)
         */
        private final Matcher statusTag = STATUS_TAG.matcher("");
        private final Matcher inlineLink = INLINE_LINK.matcher("");

        /** Whether {@link SimpleBlocks} is tried before CommonMark's parser. */
        private boolean simple = true;

        Reader(String text, boolean strict, LineIndex lines, int partsFrom) {
            this.partsFrom = partsFrom;
            this.text = text;
            this.strict = strict;
            this.bom = text.charAt(0) == '\uFEFF' ? 1 : 0;
            this.lines = lines != null && lines.textLength() == text.length() ? lines : LineIndex.of(text);
            // YAML front matter (Jekyll, Pandoc, Quarto) is not Markdown: CommonMark would read its closing "---" as
            // a setext heading underline. The reader starts after it, at the start of a line.
            int frontMatter = FrontMatter.end(text);
            if (frontMatter > bom && frontMatter < text.length()) {
                this.baseLine = this.lines.line(frontMatter);
                this.base = this.lines.lineStart(this.baseLine);
            } else if (frontMatter >= text.length()) {
                this.baseLine = this.lines.lineCount() - 1;
                this.base = text.length();
            } else {
                this.base = bom;
                this.baseLine = 0;
            }
        }

        /** A reader of the same document with lists of its own, for the part from {@code base} on. */
        private Reader(Reader of, int base, int baseLine) {
            this.partsFrom = Integer.MAX_VALUE;
            this.text = of.text;
            this.strict = of.strict;
            this.bom = of.bom;
            this.lines = of.lines;
            this.base = base;
            this.baseLine = baseLine;
            this.simple = of.simple;
        }

        MarkdownIndex run() {
            List<Reader> parts = text.length() >= partsFrom ? readInParts() : null;
            if (parts != null) {
                for (Reader r : parts) {
                    headings.addAll(r.headings);
                    fences.addAll(r.fences);
                    links.addAll(r.links);
                    comments.addAll(r.comments);
                    citations.addAll(r.citations);
                    unmarked.addAll(r.unmarked);
                }
            } else {
                List<Node> leaves = simple ? SimpleBlocks.read(text, lines, baseLine, base, text.length()) : null;
                if (leaves == null) {
                    leaves = new ArrayList<>();
                    walk(Commonmark.PARSER.parse(text.substring(base)), leaves);
                }
                visitAll(leaves);
            }
            headings.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
            fences.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
            links.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
            comments.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
            citations.sort((a, b) -> Integer.compare(a.keyRange().start(), b.keyRange().start()));
            unmarked.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
            return new MarkdownIndex(List.copyOf(headings), List.copyOf(fences), List.copyOf(links),
                    List.copyOf(comments), List.copyOf(citations), List.copyOf(unmarked));
        }

        /**
         * Reads a long document as parts parsed in parallel, split before ATX headings at column 0 that follow a
         * blank line. There every block of CommonMark's parse of the whole document has ended, unless a fenced code
         * block or an HTML block runs on over the blank line: a part that ends inside one of those is detected
         * after parsing (an unclosed fence, an HTML block reaching the part's end), and then the document is read
         * whole. The parts' results are then exactly those of one parse (a property test compares them).
         *
         * @return the parts' readers in document order, or null when the document cannot be split
         */
        private List<Reader> readInParts() {
            int count = Math.max(2, 2 * (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1));
            List<Integer> startLines = new ArrayList<>();
            startLines.add(baseLine);
            for (int k = 1; k < count; k++) {
                int from = Math.max(lines.line((int) ((long) text.length() * k / count)),
                        startLines.get(startLines.size() - 1) + 2);
                int split = splitLineFrom(from);
                if (split < 0) {
                    break;
                }
                startLines.add(split);
            }
            if (startLines.size() < 2) {
                return null;
            }
            List<Reader> parts = java.util.stream.IntStream.range(0, startLines.size()).parallel()
                    .mapToObj(k -> {
                        int line = startLines.get(k);
                        int start = k == 0 ? base : lines.lineStart(line);
                        boolean last = k == startLines.size() - 1;
                        int end = last ? text.length() : lines.lineStart(startLines.get(k + 1));
                        Reader part = new Reader(this, start, line);
                        return part.readPart(end, last ? -1 : startLines.get(k + 1) - line) ? part : null;
                    })
                    .toList();
            return parts.contains(null) ? null : parts;
        }

        /** The first line at or after {@code from} where a part may start, or -1. */
        private int splitLineFrom(int from) {
            for (int line = Math.max(1, from); line < lines.lineCount(); line++) {
                int s = lines.lineStart(line);
                if (s < text.length() && text.charAt(s) == '#' && isAtxStart(s) && isBlankLine(line - 1)) {
                    return line;
                }
            }
            return -1;
        }

        /** {@code #} to {@code ######} followed by a blank or the end of the line. */
        private boolean isAtxStart(int s) {
            int k = s;
            while (k < text.length() && text.charAt(k) == '#' && k - s < 7) {
                k++;
            }
            int level = k - s;
            return level >= 1 && level <= 6
                    && (k == text.length() || " \t\r\n".indexOf(text.charAt(k)) >= 0);
        }

        private boolean isBlankLine(int line) {
            int end = line + 1 < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
            for (int k = lines.lineStart(line); k < end; k++) {
                char c = text.charAt(k);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && !(k == 0 && c == '\uFEFF')) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Parses and reads {@code [base, end)}; false when a fenced code or HTML block may run on past the end
         * (then this split is not where the whole document's blocks end). {@code lineCount} is the part's number
         * of lines (the last one blank), -1 for the last part.
         */
        private boolean readPart(int end, int lineCount) {
            List<Node> simpleLeaves = simple ? SimpleBlocks.read(text, lines, baseLine, base, end) : null;
            if (simpleLeaves != null) {
                visitAll(simpleLeaves); // it gives up on a fence still open at the end
                return true;
            }
            Node doc = Commonmark.PARSER.parse(text.substring(base, end));
            List<Node> leaves = new ArrayList<>();
            walk(doc, leaves);
            if (lineCount >= 0) {
                for (Node n : leaves) {
                    if (n instanceof FencedCodeBlock f && f.getClosingFenceLength() == null) {
                        return false;
                    }
                    if (n instanceof HtmlBlock && unterminatedHtml(n)) {
                        return false;
                    }
                }
            }
            visitAll(leaves);
            return true;
        }

        /**
         * Whether an HTML block of the kinds that end only at a marker ({@code <!--} … {@code -->}, {@code <?},
         * {@code <!X}, CDATA, {@code <script>}, {@code <pre>}, {@code <style>}, {@code <textarea>}) lacks that
         * marker on its last line: then it ran to the end of the part and would go on in the whole document.
         * (Blank lines inside such a block have no source span, so where its spans end says nothing.)
         */
        private boolean unterminatedHtml(Node n) {
            List<SourceSpan> spans = n.getSourceSpans();
            if (spans.isEmpty()) {
                return true;
            }
            SourceSpan f = spans.get(0);
            SourceSpan l = spans.get(spans.size() - 1);
            String first = text.substring(doc(f), doc(f) + f.getLength()).stripLeading().toLowerCase(Locale.ROOT);
            String last = text.substring(doc(l), doc(l) + l.getLength()).toLowerCase(Locale.ROOT);
            if (first.startsWith("<!--")) {
                return !last.contains("-->");
            }
            if (first.startsWith("<?")) {
                return !last.contains("?>");
            }
            // The openers are matched loosely (a superset): a block taken for one of these kinds that is not only
            // makes this part fall back to reading the document whole.
            if (first.startsWith("<![")) {
                return !last.contains("]]>");
            }
            if (first.startsWith("<!")) {
                return !last.contains(">");
            }
            for (String tag : List.of("script", "pre", "style", "textarea")) {
                if (first.startsWith("<" + tag) && (first.length() == tag.length() + 1
                        || !Character.isLetterOrDigit(first.charAt(tag.length() + 1)))) {
                    return !(last.contains("</script>") || last.contains("</pre>") || last.contains("</style>")
                            || last.contains("</textarea>"));
                }
            }
            return false; // the other kinds end at a blank line, which every part ends with
        }

        /**
         * Visits every block below {@code root} depth-first. Iterative, so lists and quotes nested thousands deep
         * (commonmark builds such trees without recursing) cannot overflow the stack here.
         */
        private static void walk(Node root, List<Node> leaves) {
            java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>();
            pending.push(root);
            while (!pending.isEmpty()) {
                Node node = pending.pop();
                // The order of visits does not matter: run() sorts every list afterwards.
                for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                    if (isContainer(child)) {
                        pending.push(child);
                    }
                }
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    leaves.add(child);
                }
            }
        }

        private void visitAll(List<Node> nodes) {
            for (Node node : nodes) {
                // One bad block must not cost the whole index.
                try {
                    visit(node);
                } catch (RuntimeException e) {
                    if (strict) {
                        throw e;
                    }
                }
            }
        }

        private static boolean isContainer(Node node) {
            return node instanceof Block && !(node instanceof FencedCodeBlock) && !(node instanceof Heading)
                    && !(node instanceof Paragraph) && !(node instanceof HtmlBlock)
                    && !(node instanceof org.commonmark.node.IndentedCodeBlock);
        }

        private void visit(Node node) {
            if (node instanceof FencedCodeBlock fcb) {
                fence(fcb);
            } else if (node instanceof Heading h) {
                heading(h);
                prose(h);
            } else if (node instanceof Paragraph p) {
                prose(p);
            } else if (node instanceof HtmlBlock hb) {
                Segments seg = Segments.of(this, hb);
                if (seg != null) {
                    scanComments(seg, new StringBuilder(seg.text));
                }
            }
        }

        /**
         * Records a code block of another language (or none) that holds a line starting a BibTeX object; {@code lang}
         * is the info string's first token as written ({@code latex}, {@code {.tex}}), "" when there is none.
         */
        private void unmarked(FencedCodeBlock fcb, String lang) {
            List<SourceSpan> spans = fcb.getSourceSpans();
            String literal = fcb.getLiteral();
            if (spans.isEmpty() || literal == null || literal.indexOf('@') < 0 || !BIBTEX_LINE.matcher(literal).find()) {
                return;
            }
            SourceSpan open = spans.get(0);
            SourceSpan last = spans.get(spans.size() - 1);
            int start = doc(open);
            int end = Math.max(start, doc(last) + last.getLength());
            // The info string's first word on the opening line, or where one would go after the fence characters.
            TextRange info = null;
            int k = start;
            int lineEnd = lines.contentEnd(lines.line(start), text);
            while (k < lineEnd && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k++;
            }
            char f = k < lineEnd ? text.charAt(k) : 0;
            int run = 0;
            while (k < lineEnd && text.charAt(k) == f && (f == '`' || f == '~')) {
                k++;
                run++;
            }
            if (run >= 3) {
                while (k < lineEnd && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                    k++;
                }
                int w = k;
                while (w < lineEnd && !Character.isWhitespace(text.charAt(w))) {
                    w++;
                }
                if (text.substring(k, w).equals(lang)) {
                    info = new TextRange(k, w);
                }
            }
            unmarked.add(new CodeBlock(new TextRange(start, end), info, lang));
        }

        int doc(SourceSpan span) {
            return span.getInputIndex() + base;
        }

        private void fence(FencedCodeBlock fcb) {
            String info = fcb.getInfo() == null ? "" : fcb.getInfo().trim();
            String lang = firstWord(info);
            boolean chunk = false;
            if (lang.isEmpty() && info.startsWith("{")) {
                lang = pandocClass(info); // ```{.bibtex} (Pandoc's attribute syntax)
                if (lang.isEmpty()) {
                    lang = chunkLanguage(info); // ```{r setup, echo=FALSE}: a Quarto / R Markdown code chunk
                    chunk = !lang.isEmpty();
                }
            }
            String lower = lang.toLowerCase(Locale.ROOT);
            if (!lower.equals("bibtex") && !lower.equals("bib") && !lower.equals("biblatex")) {
                if (!chunk) {
                    // A chunk is code that is run (R, Python): its lines are not BibTeX, whatever they start with.
                    unmarked(fcb, info.isEmpty() ? "" : info.split("[ \t]", 2)[0]);
                }
                return;
            }
            List<SourceSpan> spans = fcb.getSourceSpans();
            if (spans.isEmpty()) {
                return;
            }
            SourceSpan open = spans.get(0);
            SourceSpan last = spans.get(spans.size() - 1);
            int start = doc(open);
            int end = Math.max(start, doc(last) + last.getLength());
            EmbeddedText simple = fcb instanceof SimpleBlocks.SimpleFence sf ? sf.content() : null;
            if (simple != null) {
                fences.add(new Fence(new TextRange(start, end), lang, simple, true));
                return;
            }
            String fullLiteral = fcb.getLiteral();
            String literal = fullLiteral == null ? "" : fullLiteral;
            if (literal.endsWith("\n")) {
                literal = literal.substring(0, literal.length() - 1);
            }
            int openLine = open.getLineIndex() + baseLine;
            EmbeddedText content;
            if (literal.isEmpty() && (fullLiteral == null || fullLiteral.isEmpty())) {
                int at = openLine + 1 < lines.lineCount() ? lines.lineStart(openLine + 1) : lines.contentEnd(openLine, text);
                at = Math.min(at, end);
                content = new EmbeddedText("", new int[] {at}, at);
            } else {
                String[] parts = literal.split("\n", -1);
                int[] starts = new int[parts.length];
                int docEnd = 0;
                for (int k = 0; k < parts.length; k++) {
                    int line = Math.min(openLine + 1 + k, lines.lineCount() - 1);
                    int ls = lines.lineStart(line);
                    int le = lines.contentEnd(line, text);
                    // Literal lines keep the text right of the container prefix, so align on the right.
                    starts[k] = Math.max(0, le - parts[k].length());
                    if (k == parts.length - 1) {
                        docEnd = Math.max(starts[k] + parts[k].length(), ls);
                    }
                }
                content = new EmbeddedText(restoreNul(literal, parts, starts), starts, docEnd);
            }
            fences.add(new Fence(new TextRange(start, end), lang, content, fcb.getClosingFenceLength() != null));
        }

        /**
         * CommonMark replaces U+0000 by U+FFFD in a literal; putting the document's character back keeps the
         * content equal to the document text it maps to (so a key's text is the text at its range).
         */
        private String restoreNul(String literal, String[] parts, int[] starts) {
            if (literal.indexOf('\uFFFD') < 0) {
                return literal;
            }
            StringBuilder sb = new StringBuilder(literal.length());
            for (int k = 0; k < parts.length; k++) {
                if (k > 0) {
                    sb.append('\n');
                }
                String part = parts[k];
                for (int j = 0; j < part.length(); j++) {
                    char c = part.charAt(j);
                    int o = starts[k] + j;
                    sb.append(c == '\uFFFD' && o < text.length() && text.charAt(o) == 0 ? '\0' : c);
                }
            }
            return sb.toString();
        }

        private void heading(Heading h) {
            List<SourceSpan> spans = h.getSourceSpans();
            if (spans.isEmpty()) {
                return;
            }
            SourceSpan first = spans.get(0);
            SourceSpan last = spans.get(spans.size() - 1);
            TextRange range = new TextRange(doc(first), doc(last) + last.getLength());
            int ts;
            int te;
            if (spans.size() == 1 && isAtx(first)) {
                ts = doc(first);
                te = ts + first.getLength();
                while (ts < te && isBlank(text.charAt(ts))) {
                    ts++;
                }
                while (ts < te && text.charAt(ts) == '#') {
                    ts++;
                }
                te = trimEnd(ts, te);
                int k = te;
                while (k > ts && text.charAt(k - 1) == '#') {
                    k--;
                }
                if (k == ts || isBlank(text.charAt(k - 1))) {
                    te = k;
                }
            } else {
                SourceSpan lastText = spans.size() > 1 ? spans.get(spans.size() - 2) : first;
                ts = doc(first);
                te = doc(lastText) + lastText.getLength();
            }
            ts = trimStart(ts, te);
            te = trimEnd(ts, te);
            String status = null;
            TextRange statusRange = null;
            Matcher m = statusTag.reset(text.substring(ts, te));
            if (m.find()) {
                // The pattern keeps blanks out of group 1, so its text is exactly what the range covers.
                status = m.group(1);
                int ss = ts + m.start(1);
                statusRange = new TextRange(ss, ss + status.length());
                te = trimEnd(ts, ts + m.start());
            }
            String raw = text.substring(ts, te);
            String title = raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 ? raw : LINE_BREAK.matcher(raw).replaceAll(" ");
            headings.add(new dev.bibmark.markdown.Heading(h.getLevel(), title, range, new TextRange(ts, te),
                    status, statusRange));
        }

        private boolean isAtx(SourceSpan span) {
            int s = doc(span);
            int e = s + span.getLength();
            while (s < e && isBlank(text.charAt(s))) {
                s++;
            }
            return s < e && text.charAt(s) == '#';
        }

        private int trimStart(int s, int e) {
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            return s;
        }

        private int trimEnd(int s, int e) {
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            return e;
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        private void prose(Block block) {
            List<SourceSpan> spans = block.getSourceSpans();
            if (spans.size() == 1 && nothingToScan(doc(spans.get(0)), doc(spans.get(0)) + spans.get(0).getLength())) {
                return; // "citation:", a title: most one-line prose has none of what the scans below look for
            }
            Segments seg = Segments.of(this, block);
            if (seg == null) {
                return;
            }
            String t = seg.text;
            // Each scan runs only when the characters it needs are there: most prose has no links or citations,
            // and the patterns are the costly part of reading a long list.
            boolean comments = t.contains("<!--");
            boolean links = t.contains("](") || t.contains("://");
            boolean latex = t.indexOf('\\') >= 0;
            boolean pandoc = t.indexOf('@') >= 0;
            if (!comments && !links && !latex && !pandoc) {
                return;
            }
            StringBuilder masked = new StringBuilder(t);
            boolean codeSpans = t.indexOf('`') >= 0;
            if (codeSpans) {
                maskCodeSpans(masked);
            }
            if (comments) {
                scanComments(seg, masked);
            }
            if (links) {
                // Until code spans or comments are masked the text is the same, and a String is faster to match.
                scanLinks(seg, masked, codeSpans || comments ? masked : t);
            }
            if (latex || pandoc) {
                scanCitations(seg, masked, latex, pandoc);
            }
        }

        /** Whether {@code text[from, to)} has none of "<!--", "](", "://", a backslash or "@" (see {@link #prose}). */
        private boolean nothingToScan(int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '\\' || c == '@') {
                    return false;
                }
                if (i + 1 < to) {
                    char d = text.charAt(i + 1);
                    if ((c == '<' && d == '!') || (c == ']' && d == '(') || (c == ':' && d == '/')) {
                        return false;
                    }
                }
            }
            return true;
        }

        private void scanComments(Segments seg, StringBuilder masked) {
            Matcher m = COMMENT.matcher(masked);
            while (m.find()) {
                comments.add(new HtmlComment(seg.text.substring(m.start(1), m.end(1)).trim(),
                        seg.range(m.start(), m.end())));
                blank(masked, m.start(), m.end());
            }
        }

        /** Links in {@code masked}; {@code subject} is {@code masked} or a String equal to it. */
        private void scanLinks(Segments seg, StringBuilder masked, CharSequence subject) {
            List<int[]> found = new ArrayList<>();
            Matcher m = inlineLink.reset(subject);
            // A link starts at its '[' (or the '!' before it): the search starts there, not at every character.
            int bracket = seg.text.contains("](") ? seg.text.indexOf('[') : -1;
            for (boolean hit = bracket >= 0 && m.find(Math.max(0, bracket - 1)); hit; hit = m.find()) {
                if (!m.group(1).isEmpty()) {
                    continue;
                }
                int us = m.group(3) != null ? m.start(3) : m.start(4);
                int ue = m.group(3) != null ? m.end(3) : m.end(4);
                found.add(new int[] {m.start(), m.end(), us, ue, m.start(2), m.end(2)});
            }
            for (int[] f : found) {
                blank(masked, f[0], f[1]);
            }
            boolean urls = seg.text.contains("://");
            boolean angle = urls && seg.text.indexOf('<') >= 0;
            if (angle) {
                m = AUTOLINK.matcher(masked);
                List<int[]> auto = new ArrayList<>();
                while (m.find()) {
                    auto.add(new int[] {m.start(), m.end(), m.start(1), m.end(1), m.start(1), m.end(1)});
                }
                for (int[] f : auto) {
                    blank(masked, f[0], f[1]);
                }
                found.addAll(auto);
            }
            // A bare URL needs "://" outside the links found so far (usually there is none left).
            boolean bareUrls = urls && (found.isEmpty() || masked.indexOf("://") >= 0);
            m = bareUrls ? BARE_URL.matcher(masked) : null;
            List<int[]> bare = new ArrayList<>();
            while (bareUrls && m.find()) {
                int e = m.end();
                // Parentheses balance of [start, e), kept up to date as the end moves (not recounted: linear).
                int open = balance(masked, m.start(), e);
                while (e > m.start() && ".,;:!?')*_".indexOf(masked.charAt(e - 1)) >= 0) {
                    if (masked.charAt(e - 1) == ')') {
                        if (open >= 0) {
                            break;
                        }
                        open++;
                    }
                    e--;
                }
                bare.add(new int[] {m.start(), e, m.start(), e, m.start(), e});
            }
            for (int[] f : bare) {
                blank(masked, f[0], f[1]);
            }
            found.addAll(bare);
            found.sort((a, b) -> Integer.compare(a[0], b[0]));
            int prevEnd = -1;
            // Line starts are tracked forward (links are sorted), so a long line with many links stays linear.
            int lineStart = 0;
            int scanned = 0;
            for (int[] f : found) {
                for (; scanned < f[0]; scanned++) {
                    if (seg.text.charAt(scanned) == '\n') {
                        lineStart = scanned + 1;
                    }
                }
                int from = Math.max(lineStart, prevEnd);
                prevEnd = f[1];
                String role = role(seg.text.substring(from, f[0]));
                links.add(new Link(seg.text.substring(f[4], f[5]), seg.text.substring(f[2], f[3]),
                        seg.range(f[0], f[1]), seg.range(f[2], f[3]), role));
            }
        }

        private static int balance(CharSequence s, int from, int to) {
            int b = 0;
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == '(') {
                    b++;
                } else if (s.charAt(i) == ')') {
                    b--;
                }
            }
            return b;
        }

        /** The words before a link, lower-cased, without heading markers, emphasis and trailing colons or dashes. */
        private static String role(String before) {
            String r = before.trim().toLowerCase(Locale.ROOT);
            int s = 0;
            int e = r.length();
            while (s < e && "*_# \t\n\u000B\f\r".indexOf(r.charAt(s)) >= 0) {
                s++;
            }
            while (e > s && "*_:- \t\n\u000B\f\r".indexOf(r.charAt(e - 1)) >= 0) {
                e--;
            }
            return r.substring(s, e);
        }

        private void scanCitations(Segments seg, StringBuilder masked, boolean latex, boolean pandoc) {
            Matcher m = LATEX.matcher(masked);
            while (latex && m.find()) {
                int gs = m.start(1);
                String body = seg.text.substring(gs, m.end(1));
                int pos = 0;
                for (String part : body.split(",", -1)) {
                    // The same notion of blank as trim(), so the range starts where the key does.
                    int lead = 0;
                    while (lead < part.length() && part.charAt(lead) <= ' ') {
                        lead++;
                    }
                    String key = part.trim();
                    // A key never spans lines (and a range across a line break would not match the text).
                    if (!key.isEmpty() && key.indexOf('\n') < 0) {
                        int ks = gs + pos + lead;
                        citations.add(new Citation(key, seg.range(ks, ks + key.length()), Citation.Kind.LATEX));
                    }
                    pos += part.length() + 1;
                }
                blank(masked, m.start(), m.end());
            }
            m = PANDOC.matcher(masked);
            while (pandoc && m.find()) {
                int g = m.group(1) != null ? 1 : 2;
                String key = seg.text.substring(m.start(g), m.end(g));
                citations.add(new Citation(key, seg.range(m.start(g), m.end(g)), Citation.Kind.PANDOC));
            }
        }
    }

    /** Blanks inline code spans (CommonMark backtick-run matching) so nothing inside them is found. */
    static void maskCodeSpans(StringBuilder s) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                i += 2;
                continue;
            }
            if (c != '`') {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < n && s.charAt(runEnd) == '`') {
                runEnd++;
            }
            int len = runEnd - i;
            int j = runEnd;
            int close = -1;
            while (j < n) {
                if (s.charAt(j) == '`') {
                    int k = j;
                    while (k < n && s.charAt(k) == '`') {
                        k++;
                    }
                    if (k - j == len) {
                        close = k;
                        break;
                    }
                    j = k;
                } else {
                    j++;
                }
            }
            if (close < 0) {
                i = runEnd;
            } else {
                blank(s, i, close);
                i = close;
            }
        }
    }

    /**
     * The first class of a Pandoc attribute block ({@code {.bibtex}}, {@code {#refs .bib .numberLines}}), without its
     * dot; "" when there is none.
     */
    static String pandocClass(String info) {
        int close = info.indexOf('}');
        String inner = info.substring(1, close < 0 ? info.length() : close);
        for (String token : inner.trim().split("[ \t]+")) {
            if (token.length() > 1 && token.charAt(0) == '.') {
                return token.substring(1);
            }
        }
        return "";
    }

    /**
     * The engine of an executable chunk ({@code {r}}, {@code {python echo=FALSE}}, {@code {r setup, include=FALSE}}):
     * the first word inside the braces when it is a bare name (no {@code .} class or {@code #} id); "" otherwise.
     */
    static String chunkLanguage(String info) {
        int i = 1;
        while (i < info.length() && (info.charAt(i) == ' ' || info.charAt(i) == '\t')) {
            i++;
        }
        int start = i;
        while (i < info.length() && (Character.isLetterOrDigit(info.charAt(i)) || info.charAt(i) == '_')) {
            i++;
        }
        if (i == start || !Character.isLetter(info.charAt(start))) {
            return "";
        }
        char next = i < info.length() ? info.charAt(i) : '}';
        return next == '}' || next == ' ' || next == '\t' || next == ',' ? info.substring(start, i) : "";
    }

    /** The info string up to its first blank or {@code {}: the language ({@code ```bibtex {.x}} gives "bibtex"). */
    static String firstWord(String info) {
        for (int i = 0; i < info.length(); i++) {
            char c = info.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '{') {
                return info.substring(0, i);
            }
        }
        return info;
    }

    private static void blank(StringBuilder s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '\n') {
                s.setCharAt(i, ' ');
            }
        }
    }

    /** A block's source lines (after container prefixes) joined by '\n', mapped to the document. */
    private static final class Segments {
        final String text;
        final int[] localStarts;
        final int[] docStarts;
        final int[] lengths;

        private Segments(String text, int[] localStarts, int[] docStarts, int[] lengths) {
            this.text = text;
            this.localStarts = localStarts;
            this.docStarts = docStarts;
            this.lengths = lengths;
        }

        static Segments of(Reader r, Node block) {
            List<SourceSpan> spans = block.getSourceSpans();
            if (spans.isEmpty()) {
                return null;
            }
            if (spans.size() == 1) { // a one-line paragraph or heading: its text, without a builder's copy
                SourceSpan sp = spans.get(0);
                int ds = r.doc(sp);
                return new Segments(r.text.substring(ds, ds + sp.getLength()), new int[] {0}, new int[] {ds},
                        new int[] {sp.getLength()});
            }
            StringBuilder sb = new StringBuilder();
            int[] ls = new int[spans.size()];
            int[] ds = new int[spans.size()];
            int[] lens = new int[spans.size()];
            for (int i = 0; i < spans.size(); i++) {
                SourceSpan sp = spans.get(i);
                if (i > 0) {
                    sb.append('\n');
                }
                ls[i] = sb.length();
                ds[i] = r.doc(sp);
                lens[i] = sp.getLength();
                sb.append(r.text, ds[i], ds[i] + lens[i]);
            }
            return new Segments(sb.toString(), ls, ds, lens);
        }

        int toDoc(int local) {
            int i = java.util.Arrays.binarySearch(localStarts, local);
            int seg = i >= 0 ? i : -i - 2;
            seg = Math.max(0, seg);
            return docStarts[seg] + Math.min(local - localStarts[seg], lengths[seg]);
        }

        TextRange range(int from, int to) {
            int s = toDoc(from);
            return new TextRange(s, Math.max(s, toDoc(to)));
        }
    }
}
