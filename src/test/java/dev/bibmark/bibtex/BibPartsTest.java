package dev.bibmark.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bibmark.markdown.EmbeddedText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A long .bib file is parsed as parts split before line-start objects, in parallel; whenever the parts are accepted
 * the result must be exactly that of one parse, including around broken entries, comments and strings.
 */
class BibPartsTest {
    private static void assertSame(String text, int parts) {
        EmbeddedText t = EmbeddedText.identity(text);
        BibFile inParts = BibParser.parseInParts(t, parts);
        if (inParts != null) {
            assertEquals(BibParser.parseWhole(t), inParts, text);
        }
    }

    private static final List<String> PIECES = List.of(
            "@article{a1, title={T}, author={A}, journal={J}, year=2020}\n",
            "@book{b, title = {Unclosed {brace}, year=1999}\n",
            "@misc{c, note = \"unterminated\n",
            "@misc{d, title={x}}}\n  year = 2001,\n",
            "@string{j = {Journal}}\n",
            "@comment{ anything @here\n",
            "@preamble{\"\\newcommand\"}\n",
            "@inproceedings{e,\n  title={Missing comma}\n  booktitle={B}\n}\n",
            "mail me@example.org or @ nothing\n",
            "  @misc{f, title={indented}}\n",
            "@misc{g, title={a} # j # \"b\"}\n",
            "@misc(h, title={paren})\n",
            "@misc{i, title=\n",
            "\n",
            "% a comment line\n",
            "@misc{k, abstract={spans\n@notanentry text\nlines}}\n");

    @Test
    void randomFilesParseTheSameInParts() {
        Random random = new Random(99);
        int accepted = 0;
        for (int n = 0; n < 5000; n++) {
            StringBuilder sb = new StringBuilder();
            int k = 2 + random.nextInt(20);
            for (int i = 0; i < k; i++) {
                sb.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = sb.toString();
            int parts = 2 + random.nextInt(4);
            EmbeddedText t = EmbeddedText.identity(text);
            BibFile inParts = BibParser.parseInParts(t, parts);
            if (inParts != null) {
                accepted++;
                assertEquals(BibParser.parseWhole(t), inParts, text);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(accepted > 500, "parts accepted " + accepted);
    }

    @Test
    void aLongCleanFileIsParsedInParts() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append("@article{k").append(i).append(",\n  title = {Paper ").append(i)
                    .append("},\n  author = {Smith, A.},\n  year = 2020,\n}\n\n");
        }
        EmbeddedText t = EmbeddedText.identity(sb.toString());
        BibFile inParts = BibParser.parseInParts(t, 4);
        assertNotNull(inParts, "a clean file splits");
        assertEquals(BibParser.parseWhole(t), inParts);
        assertEquals(5000, BibParser.parse(sb.toString()).entries().size());
    }

    @Test
    void corpusFilesParseTheSameInParts() throws IOException {
        Path corpus = Path.of("../shared/corpus");
        assumeTrue(Files.isDirectory(corpus), "../shared/corpus is not there");
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".bib")).toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                for (int parts = 2; parts <= 8; parts *= 2) {
                    assertSame(text, parts);
                }
            }
        }
    }
}
