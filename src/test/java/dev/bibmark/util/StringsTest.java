package dev.bibmark.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
