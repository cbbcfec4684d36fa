package dev.bibmark.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LineIndex#of}'s fast scans (indexOf without CRs, chunks with them) find the line starts a plain loop finds. */
class LineIndexTest {
    /** The definition: a line ends at LF, CR or CRLF; line 0 starts after a leading byte order mark. */
    private static List<Integer> starts(CharSequence text) {
        List<Integer> out = new ArrayList<>(List.of(text.length() > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                out.add(i + 1);
            }
        }
        return out;
    }

    private static void assertStarts(CharSequence text) {
        LineIndex index = LineIndex.of(text);
        List<Integer> got = new ArrayList<>();
        for (int line = 0; line < index.lineCount(); line++) {
            got.add(index.lineStart(line));
        }
        assertEquals(starts(text), got, () -> text.toString().replace("\r", "\\r").replace("\n", "\\n"));
        assertEquals(text.length(), index.textLength());
    }

    @Test
    void randomTextsWithEveryLineEnding() {
        Random random = new Random(5);
        String alphabet = "ab\n\r\u00e9\uD83D\uDE00 ";
        for (int n = 0; n < 5000; n++) {
            int len = random.nextInt(n % 50 == 0 ? 40_000 : 60);
            StringBuilder sb = new StringBuilder(len);
            if (random.nextInt(10) == 0) {
                sb.append('\uFEFF');
            }
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertStarts(sb.toString());
            assertStarts(sb); // not a String: read through charAt
        }
    }

    @Test
    void aCrlfAcrossTheChunkBoundaryIsOneLineBreak() {
        for (int at = 8185; at < 8200; at++) {
            String text = "x".repeat(at) + "\r\n" + "y".repeat(100) + "\r\r\n\n";
            assertStarts(text);
            assertStarts(new StringBuilder(text));
        }
        assertStarts("");
        assertStarts("\r");
        assertStarts("\n");
        assertStarts("\r\n");
        assertStarts("\uFEFF");
        assertStarts("\uFEFF\r\n");
    }

    /** A byte order mark is not a column: positions are those of the text an editor shows (and sends). */
    @Test
    void aByteOrderMarkIsNotACharacterOfLineZero() {
        for (String eol : List.of("\n", "\r\n")) {
            String text = "\uFEFF@misc{k," + eol + "  note={x}}" + eol;
            String shown = text.substring(1);
            LineIndex withMark = LineIndex.of(text);
            LineIndex without = LineIndex.of(shown);
            for (int o = 1; o <= text.length(); o++) {
                assertEquals(without.line(o - 1), withMark.line(o), "line of " + o);
                assertEquals(without.character(o - 1), withMark.character(o), "character of " + o);
            }
            // The mark itself is at (0, 0), and (0, 0) is the offset after it: an edit there goes after the mark.
            assertEquals(0, withMark.line(0));
            assertEquals(0, withMark.character(0));
            assertEquals(1, withMark.offset(0, 0, text));
            assertEquals(7, withMark.offset(0, 6, text));
            assertEquals(text.indexOf("note"), withMark.offset(1, 2, text));
            assertEquals(text.indexOf(eol), withMark.offset(0, 99, text));
        }
        // A mark that is not at the start is an ordinary character.
        LineIndex inside = LineIndex.of("a\uFEFFb");
        assertEquals(2, inside.character(2));
    }

    /** {@link LineIndex#edited} equals a fresh index of the new text, whatever the edit (CR, CRLF, BOM included). */
    @Test
    void anEditedIndexEqualsAFreshOne() {
        java.util.Random rnd = new java.util.Random(20261129L);
        String alphabet = "ab\n\n\r\r\n x\uFEFF";
        String[] bases = {"", "a\nb\nc", "\uFEFFtitle\nline two\n", "x\r\ny\rz\n\n", "one line"};
        int fast = 0;
        for (String base : bases) {
            String text = base;
            LineIndex li = LineIndex.of(text);
            for (int step = 0; step < 3000; step++) {
                int start = rnd.nextInt(text.length() + 1);
                int end = Math.min(text.length(), start + rnd.nextInt(4));
                StringBuilder r = new StringBuilder();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
                    r.append(c != '\r' || rnd.nextInt(8) == 0 ? c : 'c'); // carriage returns now and then
                }
                String next = text.substring(0, start) + r + text.substring(end);
                LineIndex edited = LineIndex.edited(li, text, start, end, r.toString(), next);
                LineIndex fresh = LineIndex.of(next);
                String where = "edit [" + start + "," + end + ") -> " + r.toString().replace("\r", "\\r").replace("\n", "\\n")
                        + " of " + text.replace("\r", "\\r").replace("\n", "\\n");
                assertEquals(fresh.lineCount(), edited.lineCount(), where);
                assertEquals(fresh.textLength(), edited.textLength(), where);
                for (int l = 0; l < fresh.lineCount(); l++) {
                    assertEquals(fresh.lineStart(l), edited.lineStart(l), where + ", line " + l);
                }
                fast += start > 0 && text.indexOf('\r') < 0 && r.indexOf("\r") < 0 ? 1 : 0;
                text = next.length() > 200 ? base : next;
                li = text == base ? LineIndex.of(base) : edited;
            }
        }
        assertTrue(fast > 1000, "the edited path was exercised " + fast + " times");
    }
}
