package dev.bibmark.text;

import java.util.Arrays;

/**
 * Line starts of a text, to convert between offsets and (line, character) pairs. Lines end at
 * {@code \n}, {@code \r\n} or {@code \r}, as in LSP and CommonMark. Characters are UTF-16 code
 * units. Immutable and thread-safe.
 *
 * <p>A byte order mark (U+FEFF) at the start of the text is not a character of line 0: editors drop it from the
 * text they show and send (VS Code, Neovim, Emacs), so the text read from a file with one keeps it (it is written
 * back) but its positions are those the editor shows. Line 0 starts after it; the mark itself sits at (0, 0).
 */
public final class LineIndex {
    private final int[] starts;
    private final int length;

    private LineIndex(int[] starts, int length) {
        this.starts = starts;
        this.length = length;
    }

    public static LineIndex of(CharSequence text) {
        if (text instanceof String str && str.indexOf('\r') < 0) {
            return ofLf(str);
        }
        return skipMark(ofChars(text), text);
    }

    /** Line 0 starts after a leading byte order mark (the class comment says why). */
    private static LineIndex skipMark(LineIndex li, CharSequence text) {
        if (li.length > 0 && text.charAt(0) == '\uFEFF') {
            li.starts[0] = 1;
        }
        return li;
    }

    private static LineIndex ofChars(CharSequence text) {
        // Copied out in chunks: a loop over a char array is several times faster than charAt on a long String
        // before the JIT's second tier (the command line never gets there).
        int n = text.length();
        int[] s = new int[16];
        int count = 1;
        char[] buf = new char[Math.min(n, 8192)];
        for (int base = 0; base < n; base += buf.length) {
            int len = Math.min(buf.length, n - base);
            if (text instanceof String str) {
                str.getChars(base, base + len, buf, 0);
            } else {
                for (int j = 0; j < len; j++) {
                    buf[j] = text.charAt(base + j);
                }
            }
            for (int j = 0; j < len; j++) {
                char c = buf[j];
                if (c <= '\r' && (c == '\n' || c == '\r')) {
                    int i = base + j;
                    if (c == '\n' && count > 1 && s[count - 1] == i && i > 0 && text.charAt(i - 1) == '\r') {
                        s[count - 1] = i + 1; // the LF of a CRLF: one line break, which ends here
                        continue;
                    }
                    if (count == s.length) {
                        s = Arrays.copyOf(s, count * 2);
                    }
                    s[count++] = i + 1;
                }
            }
        }
        return new LineIndex(Arrays.copyOf(s, count), n);
    }

    /** {@link #of} for a text without carriage returns: line ends found by {@code indexOf}. */
    private static LineIndex ofLf(String text) {
        int[] s = new int[16];
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == s.length) {
                s = Arrays.copyOf(s, count * 2);
            }
            s[count++] = i + 1;
        }
        return skipMark(new LineIndex(Arrays.copyOf(s, count), text.length()), text);
    }

    public int lineCount() {
        return starts.length;
    }

    public int textLength() {
        return length;
    }

    /** Offset where the 0-based line starts. */
    public int lineStart(int line) {
        return starts[Math.max(0, Math.min(line, starts.length - 1))];
    }

    /** 0-based line of an offset (clamped to the text). */
    public int line(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int i = Arrays.binarySearch(starts, o);
        // Offset 0 of a text with a byte order mark lies before line 0's start: it is on line 0.
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    /** 0-based UTF-16 column of an offset. */
    public int character(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        return Math.max(0, o - starts[line(o)]);
    }

    /**
     * Offset of a (line, character) pair; a line past the end gives the text length, a character
     * past the line's end gives the line's end (LSP says to clamp).
     */
    public int offset(int line, int character, CharSequence text) {
        if (line < 0) {
            return 0;
        }
        if (line >= starts.length) {
            return length;
        }
        int start = starts[line];
        return Math.max(start, Math.min(start + Math.max(0, character), contentEnd(line, text)));
    }

    /** Where a line's text ends, before its line break ({@code text} is the indexed text). */
    public int contentEnd(int line, CharSequence text) {
        int start = starts[line];
        int end = line + 1 < starts.length ? starts[line + 1] : length;
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }
}
