package dev.bibmark.markdown;

import dev.bibmark.text.LineIndex;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;

/**
 * The blocks of Markdown text written the way paper lists are — ATX headings and fenced code blocks at column 0,
 * paragraphs, blank lines — found line by line, as the same nodes and source spans CommonMark's parser would build
 * (with the reader's settings: block source spans, no inline parsing). It decides from the first character of each
 * line outside fences and gives up (returns null) on any line that could start or continue another kind of block,
 * or whose reading depends on rules it does not implement: a line indented by a space or tab, what may be a list
 * marker, thematic break or setext underline ({@code - + * _ =}, digits), {@code >}, {@code <} (HTML),
 * a {@code #} that is no ATX heading, a control character, a fence whose info string has escapes or entities, a
 * fence still open at the end, a paragraph starting with {@code [} that has {@code ]:} (a link reference
 * definition). The caller then parses with CommonMark; a property test and a fuzz target compare both readings.
 *
 * <p>It exists for speed: CommonMark tries every block parser at every line, this looks at one character for most.
 */
final class SimpleBlocks {
    private SimpleBlocks() {}

    /**
     * The leaf blocks of {@code text[from, end)}, which starts at line {@code firstLine} ({@code from} is that line's
     * start, or the offset after a byte order mark) and ends at a line start or the end of the text; spans are
     * relative to {@code from} and {@code firstLine}, as if that range had been parsed alone. Null when the range
     * uses anything this reader leaves to CommonMark.
     */
    static List<Node> read(String text, LineIndex lines, int firstLine, int from, int end) {
        Scanner sc = new Scanner(text, lines, firstLine, from);
        int lineCount = lines.lineCount();
        for (int line = firstLine; line < lineCount; line++) {
            int s = line == firstLine ? from : lines.lineStart(line);
            if (s >= end) {
                break;
            }
            if (!sc.line(line, s)) {
                return null;
            }
        }
        return sc.finish();
    }

    /**
     * The state between lines. Each line is a call of {@link #line}: called once per line, it is compiled after a
     * few hundred lines, where the body of one long loop would wait for on-stack replacement.
     */
    private static final class Scanner {
        private final String text;
        private final LineIndex lines;
        private final int firstLine;
        private final int from;
        private final List<Node> out = new ArrayList<>();
        private Paragraph paragraph;
        private int paragraphStart = -1;
        private SimpleFence fence;

        Scanner(String text, LineIndex lines, int firstLine, int from) {
            this.text = text;
            this.lines = lines;
            this.firstLine = firstLine;
            this.from = from;
        }

        /** Reads the line starting at {@code s}; false to give up. */
        boolean line(int line, int s) {
            int eol = lines.contentEnd(line, text); // the range ends at a line start, so this is inside it
            if (fence != null) {
                int close = closingFence(text, s, eol, fence.getFenceCharacter().charAt(0), fence.getOpeningFenceLength());
                if (close > 0) {
                    fence.addSourceSpan(SourceSpan.of(line - firstLine, 0, s - from, eol - s));
                    fence.setClosingFenceLength(close);
                    fence.contentLines = line - fence.firstContentLine;
                    out.add(fence);
                    fence = null;
                } else if (eol < text.length() && text.charAt(eol) == '\r') {
                    fence.cr = true;
                }
                return true;
            }
            SourceSpan span = SourceSpan.of(line - firstLine, 0, s - from, eol - s);
            int k = s;
            while (k < eol && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k++;
            }
            if (k == eol) { // blank
                return endParagraph();
            }
            if (k > s) {
                return false; // indented: a continuation, an indented code block, a list item…
            }
            char c = text.charAt(s);
            if (c == '#') {
                int level = 0;
                while (s + level < eol && text.charAt(s + level) == '#' && level < 7) {
                    level++;
                }
                if (level > 6 || (s + level < eol && text.charAt(s + level) != ' ' && text.charAt(s + level) != '\t')) {
                    return false;
                }
                if (!endParagraph()) {
                    return false;
                }
                Heading h = new Heading();
                h.setLevel(level);
                h.addSourceSpan(span);
                out.add(h);
            } else if (c == '`' || c == '~') {
                int run = 0;
                while (s + run < eol && text.charAt(s + run) == c) {
                    run++;
                }
                if (run < 3) {
                    if (c == '~') {
                        return false;
                    }
                    paragraphLine(s, span); // a code span opening a paragraph line
                    return true;
                }
                String info = info(text, s + run, eol, c);
                if (info == null) {
                    return false;
                }
                if (!endParagraph()) {
                    return false;
                }
                fence = new SimpleFence(text, lines, line + 1);
                fence.setFenceCharacter(String.valueOf(c));
                fence.setOpeningFenceLength(run);
                fence.setFenceIndent(0);
                fence.setInfo(info);
                fence.addSourceSpan(span);
            } else if (c < ' ' || c == '>' || c == '<' || c == '\u007f' || mayStartBlock(text, s, eol, c)) {
                return false;
            } else {
                paragraphLine(s, span);
            }
            return true;
        }

        private void paragraphLine(int s, SourceSpan span) {
            if (paragraph == null) {
                paragraph = new Paragraph();
                paragraphStart = s;
            }
            paragraph.addSourceSpan(span);
        }

        /**
         * Ends the open paragraph, if any; false (give up) when it may begin with a link reference definition:
         * it starts with {@code [} and has {@code ]:} (CommonMark would take such lines out of the paragraph).
         */
        private boolean endParagraph() {
            if (paragraph == null) {
                return true;
            }
            List<SourceSpan> spans = paragraph.getSourceSpans();
            SourceSpan last = spans.get(spans.size() - 1);
            int paragraphEnd = paragraphStart + (last.getInputIndex() - spans.get(0).getInputIndex()) + last.getLength();
            if (text.charAt(paragraphStart) == '[' && text.substring(paragraphStart, paragraphEnd).contains("]:")) {
                return false;
            }
            out.add(paragraph);
            paragraph = null;
            return true;
        }

        /** The blocks, or null when a fence is still open at the end or the last paragraph gives up. */
        List<Node> finish() {
            return fence == null && endParagraph() ? out : null;
        }
    }

    /**
     * Whether a line starting with {@code c} may be a list item, a thematic break or a setext underline: a
     * {@code - + * _} followed by a blank or the end of the line, a line of only that character and blanks
     * ({@code - * _ =}), digits followed by {@code .} or {@code )}. Otherwise ({@code *emphasis*}, {@code -x},
     * {@code 2020 was}) it is paragraph text.
     */
    private static boolean mayStartBlock(String text, int s, int eol, char c) {
        if (c == '-' || c == '+' || c == '*' || c == '_' || c == '=') {
            if (s + 1 == eol || text.charAt(s + 1) == ' ' || text.charAt(s + 1) == '\t') {
                return true;
            }
            for (int k = s + 1; k < eol; k++) {
                char ch = text.charAt(k);
                if (ch != c && ch != ' ' && ch != '\t') {
                    return false;
                }
            }
            return true;
        }
        if (c >= '0' && c <= '9') {
            int k = s;
            while (k < eol && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
                k++;
            }
            return k == eol || text.charAt(k) == '.' || text.charAt(k) == ')';
        }
        return false;
    }

    /**
     * A fenced code block whose content is lines {@code firstContentLine…} of the document. It has the source
     * spans of its opening and closing lines only (all the reader uses), and its literal is built when asked for:
     * the reader takes the content from the document instead ({@link #content}) unless a line ends in a CR.
     */
    static final class SimpleFence extends FencedCodeBlock {
        private final String text;
        private final LineIndex lines;
        private final int firstContentLine;
        private int contentLines;
        private boolean cr;

        SimpleFence(String text, LineIndex lines, int firstContentLine) {
            this.text = text;
            this.lines = lines;
            this.firstContentLine = firstContentLine;
        }

        /** CommonMark's literal: the content lines, each followed by {@code \n}. */
        @Override
        public String getLiteral() {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < contentLines; k++) {
                int line = firstContentLine + k;
                sb.append(text, lines.lineStart(line), lines.contentEnd(line, text)).append('\n');
            }
            return sb.toString();
        }

        /**
         * The content as the reader maps it, taken from the document in one piece (its line ends are all
         * {@code \n}), or null when there is none or a line ends in a CR (then the reader maps the literal).
         */
        EmbeddedText content() {
            if (cr || contentLines == 0) {
                return null;
            }
            int[] starts = new int[contentLines];
            int[] local = new int[contentLines];
            int first = lines.lineStart(firstContentLine);
            for (int k = 0; k < contentLines; k++) {
                starts[k] = lines.lineStart(firstContentLine + k);
                local[k] = starts[k] - first;
            }
            int end = lines.contentEnd(firstContentLine + contentLines - 1, text);
            return new EmbeddedText(text.substring(first, end), starts, local, end);
        }
    }

    /**
     * The info string after an opening fence run, trimmed, or null when this reader leaves it to CommonMark: a
     * backtick in a backtick fence's info (then it is no fence), a backslash or {@code &} (escapes and entities
     * are decoded), a control character.
     */
    private static String info(String text, int from, int eol, char fenceChar) {
        int s = from;
        int e = eol;
        for (int k = s; k < e; k++) {
            char ch = text.charAt(k);
            if ((ch == '`' && fenceChar == '`') || ch == '\\' || ch == '&' || (ch < ' ' && ch != '\t') || ch == '\u007f') {
                return null;
            }
        }
        while (s < e && (text.charAt(s) == ' ' || text.charAt(s) == '\t')) {
            s++;
        }
        while (e > s && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) {
            e--;
        }
        return text.substring(s, e);
    }

    /** The length of the closing fence on {@code [s, eol)}, or 0 when the line does not close the fence. */
    private static int closingFence(String text, int s, int eol, char fenceChar, int openingLength) {
        int k = s;
        while (k < eol && k - s < 4 && text.charAt(k) == ' ') {
            k++;
        }
        if (k - s > 3 || k == eol || text.charAt(k) != fenceChar) {
            return 0;
        }
        int runStart = k;
        while (k < eol && text.charAt(k) == fenceChar) {
            k++;
        }
        int run = k - runStart;
        if (run < openingLength) {
            return 0;
        }
        while (k < eol && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        return k == eol ? run : 0;
    }
}
