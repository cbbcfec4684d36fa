package dev.bibmark.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StringsTest {
    @Test
    void zeroPadIsStringFormatWithLeadingZeros() {
        for (int width = 1; width <= 6; width++) {
            for (int n : new int[] {0, 1, 9, 10, 99, 100, 12345, 99999, 100000, 1234567, Integer.MAX_VALUE}) {
                assertEquals(String.format("%0" + width + "d", n), Strings.zeroPad(n, width), n + " width " + width);
            }
        }
    }

    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

    /** The pattern the scanner replaces: {@link Strings#splitNames} as it was written with it. */
    private static List<String> splitNamesByPattern(String field) {
        List<String> names = new ArrayList<>();
        Matcher m = AND.matcher(field);
        int start = 0;
        while (m.find()) {
            if (Strings.braceDepthAt(field, m.start()) == 0) {
                names.add(field.substring(start, m.start()));
                start = m.end();
            }
        }
        names.add(field.substring(start));
        return names;
    }

    @Test
    void findAndMatchesWhereThePatternDoes() {
        Random rnd = new Random(7);
        String[] pieces = {"and", "AND", "aNd", "an", "nd", "andy", "sand", " ", "  ", "\t", "\n", "\r\n", "\u000B",
            "\f", "\u00A0", "{", "}", "Smith", "A.", ",", "x", "\u212Aand"};
        for (int t = 0; t < 50_000; t++) {
            StringBuilder sb = new StringBuilder();
            int k = rnd.nextInt(12);
            for (int j = 0; j < k; j++) {
                sb.append(pieces[rnd.nextInt(pieces.length)]);
            }
            String s = sb.toString();
            for (int from = 0; from <= s.length(); from++) {
                Matcher m = AND.matcher(s);
                long expected = m.find(from) ? (long) m.start() << 32 | m.end() : -1;
                assertEquals(expected, Strings.findAnd(s, from), "'" + s + "' from " + from);
            }
            assertEquals(splitNamesByPattern(s), Strings.splitNames(s), s);
            assertEquals(splitNamesByPattern(s).get(0), Strings.firstName(s), s);
        }
    }

    @Test
    void namesAreSplitAtAndOutsideBraces() {
        assertEquals(List.of("Smith, A.", "Jones, B."), Strings.splitNames("Smith, A. and Jones, B."));
        assertEquals(List.of("{Barnes and Noble}", "Doe, J."), Strings.splitNames("{Barnes and Noble} AND\nDoe, J."));
        assertEquals("Smith", Strings.firstName("Smith and Jones and Lee"));
        assertEquals("Sandy Andrews", Strings.firstName("Sandy Andrews"));
    }
}
