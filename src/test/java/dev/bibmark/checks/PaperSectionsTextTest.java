package dev.bibmark.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written text helpers of {@link PaperSections} against the patterns they replace. */
class PaperSectionsTextTest {
    @Test
    void collapseSpacesEqualsTrimAndPattern() {
        String alphabet = " \t\n\u000B\f\r\u001Fab\u00A0\u2003";
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertEquals(s.trim().replaceAll("\\s+", " "), dev.bibmark.util.Strings.collapseWhitespace(s), () -> "input " + escape(s));
        }
    }

    @Test
    void plainHeadingsWithoutMarkupAreCollapsed() {
        assertEquals("Attention Is All You Need", PaperSections.plain("  Attention  Is\tAll You Need "));
        assertEquals("BERT: x", PaperSections.plain("**BERT**: x"));
        assertEquals("a & b", PaperSections.plain("a &amp; b"));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }
}
