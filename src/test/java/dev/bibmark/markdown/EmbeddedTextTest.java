package dev.bibmark.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EmbeddedText#toDocument} against the mapping written out, for texts that are a slice of the document and
 * texts whose lines are indented in it.
 */
class EmbeddedTextTest {
    /** The mapping written out: the line of the offset, then its distance from the line's start. */
    private static int expected(String text, int[] docStarts, int local) {
        List<Integer> localStarts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length() && localStarts.size() < docStarts.length; i++) {
            if (text.charAt(i) == '\n') {
                localStarts.add(i + 1);
            }
        }
        int at = Math.min(local, text.length());
        int line = 0;
        while (line + 1 < localStarts.size() && localStarts.get(line + 1) <= at) {
            line++;
        }
        return docStarts[line] + (at - localStarts.get(line));
    }

    @Test
    void offsetsMapTheSameWhetherTheTextIsASliceOrNot() {
        Random rnd = new Random(5);
        for (int t = 0; t < 5_000; t++) {
            StringBuilder sb = new StringBuilder();
            int lines = 1 + rnd.nextInt(6);
            for (int l = 0; l < lines; l++) {
                if (l > 0) {
                    sb.append('\n');
                }
                sb.append("x".repeat(rnd.nextInt(5)));
            }
            String text = sb.toString();
            int base = rnd.nextInt(100);
            boolean slice = rnd.nextBoolean();
            int[] docStarts = new int[lines];
            int doc = base;
            int local = 0;
            for (int l = 0; l < lines; l++) {
                docStarts[l] = doc;
                int len = text.indexOf('\n', local) < 0 ? text.length() - local : text.indexOf('\n', local) - local;
                // A slice continues on the next document character; otherwise each line is indented a little.
                doc += len + 1 + (slice ? 0 : 1 + rnd.nextInt(3));
                local += len + 1;
            }
            int docEnd = docStarts[lines - 1] + (text.length() - text.lastIndexOf('\n') - 1);
            EmbeddedText e = new EmbeddedText(text, docStarts, docEnd);
            for (int i = 0; i <= text.length() + 1; i++) {
                assertEquals(expected(text, docStarts, i), e.toDocument(i), "'" + text + "' at " + i + " slice " + slice);
            }
        }
    }
}
