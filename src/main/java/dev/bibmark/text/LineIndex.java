package dev.bibmark.text;

import java.util.Arrays;

/**
 * Line starts of a text, to convert between offsets and (line, character) pairs. Lines end at
 * {@code \n}, {@code \r\n} or {@code \r}, as in LSP and CommonMark. Characters are UTF-16 code
 * units. Immutable and thread-safe.
 */
public final class LineIndex {
    private final int[] starts;
    private final int length;

    private LineIndex(int[] starts, int length) {
        this.starts = starts;
        this.length = length;
    }

    public static LineIndex of(CharSequence text) {
        int n = text.length();
        int[] s = new int[16];
        int count = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == s.length) {
                    s = Arrays.copyOf(s, count * 2);
                }
                s[count++] = i + 1;
            }
        }
        return new LineIndex(Arrays.copyOf(s, count), n);
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
        return i >= 0 ? i : -i - 2;
    }

    /** 0-based UTF-16 column of an offset. */
    public int character(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        return o - starts[line(o)];
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
        int end = line + 1 < starts.length ? starts[line + 1] : length;
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return Math.max(start, Math.min(start + Math.max(0, character), end));
    }
}
