package dev.bibmark.util;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexTest {
    @Test
    void asciiTitlesNormalizeAsTheFullPathDoes() {
        String alphabet = "aZ09 -_.,:;!?()[]{}\\$~'\"`\t\n\u001F@#%&^*+=/|<>";
        java.util.Random random = new java.util.Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(16);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            org.junit.jupiter.api.Assertions.assertEquals(Latex.normalizeFull(s), Latex.normalizeTitle(s), s);
        }
    }

    @Test
    void decodesBracedAccent() {
        assertEquals("Kramár", Latex.toUnicode("Kram{\\'a}r"));
    }

    @Test
    void stripsProtectingBraces() {
        assertEquals("BERT: Pre-training", Latex.toUnicode("{{BERT}}: Pre-training"));
    }

    @Test
    void mathDoesNotThrowAndKeepsText() {
        String s = assertDoesNotThrow(() -> Latex.toUnicode("$\\alpha$-divergence"));
        assertTrue(s.contains("divergence"), s);
        assertTrue(!s.contains("$"), s);
    }

    @Test
    void umlaut() {
        assertEquals("Schrödinger", Latex.toUnicode("Schr{\\\"o}dinger"));
    }

    @Test
    void dotlessI() {
        assertEquals("ı", Latex.toUnicode("{\\i}"));
        assertEquals("í", Latex.toUnicode("\\'{\\i}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\\c{c}a|ça",
        "\\v{s}|š",
        "Erd\\H{o}s|Erdős",
        "\\={a}|ā",
        "\\k{a}|ą",
        "{\\ss}|ß",
        "{\\o}|ø",
        "\\`e\\^e\\~n|èêñ",
        "A \\& B|A & B",
        "50\\%|50%",
        "a\\_b|a_b",
        "\\$5|$5",
        "1--10|1–10",
        "a---b|a—b",
        "Na\\\"ive~Bayes|Naïve Bayes",
        "\\emph{Foo} bar|Foo bar",
    })
    void commonMarkup(String latex, String expected) {
        assertEquals(expected, Latex.toUnicode(latex));
    }

    @Test
    void unbalancedBracesFallBack() {
        assertEquals("unbalanced", Latex.toUnicode("{unbalanced"));
        assertEquals("closed", Latex.toUnicode("closed}"));
    }

    @Test
    void nullAndEmpty() {
        assertEquals("", Latex.toUnicode(null));
        assertEquals("", Latex.toUnicode(""));
    }

    @Test
    void normalizeTitle() {
        assertEquals("bert pre training of deep transformers",
                Latex.normalizeTitle("{{BERT}}: Pre-training of Deep   Transformers."));
        assertEquals("schrodinger s cat", Latex.normalizeTitle("Schr{\\\"o}dinger's Cat"));
        assertEquals(Latex.normalizeTitle("Kram{\\'a}r"), Latex.normalizeTitle("KRAMAR"));
        assertEquals("", Latex.normalizeTitle("{}"));
    }

    /** The fast path for plain text must give what the parser gives: checked on every value of the corpus. */
    @org.junit.jupiter.api.Test
    void plainValuesSkipTheParserWithTheSameResult() throws java.io.IOException {
        java.nio.file.Path corpus = java.nio.file.Path.of("../shared/corpus");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(corpus), "../shared/corpus is absent");
        int plain = 0;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(corpus)) {
            for (java.nio.file.Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                dev.bibmark.model.Document d = dev.bibmark.model.Documents.parse(p.toString(), java.nio.file.Files.readString(p));
                for (dev.bibmark.bibtex.BibEntry e : d.entries()) {
                    for (dev.bibmark.bibtex.BibField f : e.fields()) {
                        String v = f.value() == null ? "" : f.value().raw();
                        if (!v.isEmpty() && Latex.isPlain(v)) {
                            plain++;
                            org.junit.jupiter.api.Assertions.assertEquals(Latex.decodeWithParser(v), v, p + ": " + v);
                        }
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(plain > 1000, "plain values: " + plain);
    }
}
