package dev.bibmark.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fingerprint read through chunks equals the plain character loop it replaced, for entries of any length. */
class EntryHashTest {
    /** The definition: every character of the entry's source, then each non-month macro with its value. */
    private static EntryHash reference(String text, BibEntry e, Map<String, String> macros) {
        long a = 0xcbf29ce484222325L;
        long b = 1125899906842597L;
        for (int i = e.range().start(); i < Math.min(e.range().end(), text.length()); i++) {
            char c = text.charAt(i);
            a = (a ^ c) * 0x100000001b3L;
            b = 31 * b + c;
        }
        for (BibField f : e.fields()) {
            if (f.value() == null) {
                continue;
            }
            for (BibValue.Part p : f.value().parts()) {
                if (p instanceof BibValue.Macro m && !Months.isMonth(m.text())) {
                    String v = macros.get(m.text().toLowerCase(Locale.ROOT));
                    String s = m.text() + "=" + (v == null ? "\u0000" : v);
                    for (int i = 0; i < s.length(); i++) {
                        a = (a ^ s.charAt(i)) * 0x100000001b3L;
                        b = 31 * b + s.charAt(i);
                    }
                }
            }
        }
        return new EntryHash(a, b ^ ((long) e.range().length() << 40));
    }

    @Test
    void chunkedReadingEqualsTheCharacterLoop() {
        Random random = new Random(3);
        Map<String, String> macros = Map.of("jml", "Journal of ML");
        for (int n = 0; n < 300; n++) {
            int len = n % 10 == 0 ? 4090 + random.nextInt(9000) : random.nextInt(200);
            StringBuilder note = new StringBuilder();
            for (int i = 0; i < len; i++) {
                note.append("ab \u0141\u00e9".charAt(random.nextInt(5)));
            }
            String text = "x\n@article{k" + n + ", title = {T}, journal = jml, month = jan, other = undefined, note = {"
                    + note + "}}\n";
            BibEntry e = BibParser.parse(text).entries().get(0);
            assertEquals(reference(text, e, macros), EntryHash.of(text, e, macros), "length " + len);
        }
    }

    @Test
    void theValueOfAMacroIsPartOfIt() {
        String text = "@article{k, journal = jml}";
        BibEntry e = BibParser.parse(text).entries().get(0);
        assertNotEquals(EntryHash.of(text, e, Map.of("jml", "A")), EntryHash.of(text, e, Map.of("jml", "B")));
    }
}
