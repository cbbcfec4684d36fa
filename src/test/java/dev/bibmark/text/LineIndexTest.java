package dev.bibmark.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LineIndex#of}'s fast scans (indexOf without CRs, chunks with them) find the line starts a plain loop finds. */
class LineIndexTest {
    /** The definition: a line ends at LF, CR or CRLF. */
    private static List<Integer> starts(CharSequence text) {
        List<Integer> out = new ArrayList<>(List.of(0));
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
    }
}
