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
    /** Whether a leading byte order mark is skipped (a file's text) or a character (a text a client sent). */
    private final boolean skipsMark;

    private LineIndex(int[] starts, int length, boolean skipsMark) {
        this.starts = starts;
        this.length = length;
        this.skipsMark = skipsMark;
    }

    /** The index of a file's text: a leading byte order mark is not a character of line 0 (the class comment). */
    public static LineIndex of(CharSequence text) {
        return of(text, true);
    }

    /**
     * The index of a text as a client sent it (didOpen, didChange): a leading byte order mark is a character, since
     * the client counts it in the positions it sends (editors drop the mark from what they send; one that keeps it
     * means it; found by QA).
     */
    public static LineIndex ofSentText(CharSequence text) {
        return of(text, false);
    }

    private static LineIndex of(CharSequence text, boolean skipMark) {
        int[] starts = text instanceof String str && str.indexOf('\r') < 0 ? lfStarts(str) : charStarts(text);
        // Line 0 starts after a leading byte order mark of a file's text (the class comment says why).
        if (skipMark && text.length() > 0 && text.charAt(0) == '\uFEFF') {
            starts[0] = 1;
        }
        return new LineIndex(starts, text.length(), skipMark);
    }

    private static int[] charStarts(CharSequence text) {
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
        return Arrays.copyOf(s, count);
    }

    /** {@link #of} for a text without carriage returns: line ends found by {@code indexOf}. */
    private static int[] lfStarts(String text) {
        int[] s = new int[16];
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == s.length) {
                s = Arrays.copyOf(s, count * 2);
            }
            s[count++] = i + 1;
        }
        return Arrays.copyOf(s, count);
    }

    /**
     * The line index of {@code newText}, made from {@code old} (that of {@code oldText}) when {@code oldText}'s
     * {@code [start, end)} was replaced by {@code replacement}: line starts before the edit are kept, those after it
     * moved, and only the replacement is scanned (a keystroke in a long list scanned every character again). Equal to
     * {@link #of} of the new text; an edit that touches a carriage return (which can join or split a CRLF) or the
     * first character (a byte order mark) is read in full.
     */
    public static LineIndex edited(LineIndex old, CharSequence oldText, int start, int end, String replacement,
                                   String newText) {
        int newEnd = start + replacement.length();
        if (start == 0 || old.length != oldText.length() || replacement.indexOf('\r') >= 0
                || isCr(oldText, start - 1) || isCr(oldText, end - 1) || isCr(oldText, end)
                || isCr(newText, newEnd - 1) || isCr(newText, newEnd)) {
            return of(newText, old.skipsMark);
        }
        int delta = replacement.length() - (end - start);
        // Old line starts up to the edit's start stay; those in (start, end] went with the deleted text.
        int keep = old.line(start) + 1;
        int after = keep;
        while (after < old.starts.length && old.starts[after] <= end) {
            after++;
        }
        int added = 0;
        for (int i = replacement.indexOf('\n'); i >= 0; i = replacement.indexOf('\n', i + 1)) {
            added++;
        }
        int[] s = new int[keep + added + old.starts.length - after];
        System.arraycopy(old.starts, 0, s, 0, keep);
        int k = keep;
        for (int i = replacement.indexOf('\n'); i >= 0; i = replacement.indexOf('\n', i + 1)) {
            s[k++] = start + i + 1;
        }
        for (int j = after; j < old.starts.length; j++) {
            s[k++] = old.starts[j] + delta;
        }
        return new LineIndex(s, newText.length(), old.skipsMark);
    }

    /** Equal when both index texts of the same length with the same line starts, the same way. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LineIndex li && li.length == length && li.skipsMark == skipsMark
                && Arrays.equals(li.starts, starts);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(starts);
    }

    private static boolean isCr(CharSequence text, int i) {
        return i >= 0 && i < text.length() && text.charAt(i) == '\r';
    }

    /** The index of another text, made the same way as this one (a file's text, or a text a client sent). */
    public LineIndex sameKind(CharSequence text) {
        return of(text, skipsMark);
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
