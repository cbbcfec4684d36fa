package dev.bibmark.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bibmark.text.LineIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link SimpleBlocks} gives the reader exactly what CommonMark's block parser gives, wherever it does not give up. */
class SimpleBlocksTest {
    private static void assertSame(String text) {
        assertEquals(MarkdownReader.readStrictWith(text, false), MarkdownReader.readStrictWith(text, true), text);
    }

    private static boolean simple(String text) {
        int bom = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        return SimpleBlocks.read(text, LineIndex.of(text), 0, bom, text.length()) != null;
    }

    /** Lines a paper list is made of, their near misses, and lines that make the reader give up. */
    private static final List<String> LINES = List.of(
            "# List", "## Paper [`READ`]", "#### Title ##", "#### Title #x", "# #", "#", "#\tTab heading", "######",
            "####### seven", "#no-space", "### trailing   ", "## Escaped \\#",
            "paper link: [here](https://arxiv.org/pdf/2310.19360)", "citation: ", "citation:", "Some *text* and `code`",
            "See [@a; @b] and \\cite{c}.", "<!-- bibmark-disable-next-line -->", "[here](https://x.org)",
            "[ref]: https://example.org", "[a\u00a0b]:x", "``code span`` starts", "`x`", "~~ two tildes", "|a|b|",
            "\u00a0nbsp first", "\u3000ideographic space", "!image", "\u0000nul", "a\u0000b", "caf\u00e9 \uD83D\uDE00",
            "", " ", "    ", "\t", " \t ", "\f", " \u000B", "   indented text", "    indented code", "\tindented",
            "- item", "* item", "+ item", "1. item", "2020 was a year", "---", "===", "***", "___", "*emphasis* first",
            "**bold**", "-x", "+1", "_a_", "= x", "==a", "- - -", "* * *", "-", "*", "1)", "12345678901. x", "3.14 pi", "> quote", "<div>",
            "```bibtex", "```bib", "``` bibtex {.x}", "```  biblatex  ", "```", "````", "```bibtex `x`", "```b\\x",
            "```a&amp;", "~~~", "~~~bib", "~~~ `ok`", "~~~~", " ```", "   ```", "    ```", "\t```", "```   ",
            "``` x", "~~~ ", "@article{k, title={T}}", "  author = {A and B},", "}", "@string{s = \"x\"}");

    private static final List<String> FENCE_LINES = List.of("```bibtex", "```", "~~~", "````", "```bib");

    private static final String[] EOLS = {"\n", "\n", "\n", "\r\n", "\r"};

    @Test
    void randomDocumentsReadTheSameWithAndWithoutTheSimpleReader() {
        Random random = new Random(11);
        int simpleOnes = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder(random.nextInt(20) == 0 ? "\uFEFF" : "");
            int k = 1 + random.nextInt(16);
            // Most documents draw from a few lines, so that the simple ones are common.
            List<String> pool = random.nextBoolean() ? LINES : LINES.subList(0, 16 + random.nextInt(8));
            for (int i = 0; i < k; i++) {
                String line = random.nextInt(4) == 0 ? FENCE_LINES.get(random.nextInt(FENCE_LINES.size())) : pool.get(random.nextInt(pool.size()));
                sb.append(line);
                if (i < k - 1 || random.nextBoolean()) {
                    sb.append(EOLS[random.nextInt(EOLS.length)]);
                }
            }
            String text = sb.toString();
            assertSame(text);
            if (simple(text)) {
                simpleOnes++;
            }
        }
        // The comparison means something only if the simple reader took many of them.
        assertEquals(true, simpleOnes > 2000, "simple documents: " + simpleOnes);
    }

    @Test
    void aGeneratedListIsReadBySimpleBlocksAndTheSame() {
        StringBuilder sb = new StringBuilder("# List\n\n");
        for (int i = 0; i < 500; i++) {
            sb.append("#### Paper ").append(i).append(" [`READ`]\n\npaper link: [here](https://arxiv.org/abs/2001.")
                    .append(i).append(")\n\ncitation:\n```bibtex\n@article{k").append(i).append(",\n  title = {Paper ")
                    .append(i).append("},\n\tauthor = {Zo\u00eb, A},\n}\n```\n    \n\n");
        }
        String text = sb.toString();
        assertNotNull(SimpleBlocks.read(text, LineIndex.of(text), 0, 0, text.length()));
        assertSame(text);
        assertSame(text.replace("\n", "\r\n"));
        assertEquals(500, MarkdownReader.read(text).fences().size());
    }

    @Test
    void itGivesUpOnWhatItDoesNotImplement() {
        for (String text : List.of("- item\n", "   text\n", "```bibtex\n@misc{a}\n", "[x]: /u\n", "[x\ny]: /u\n",
                "<!-- c -->\n", "1. x\n", "para\n===\n", "> q\n", "#x\n", "```a\\b\n```\n", "\f\n", "a\n\u000B\n")) {
            assertNull(SimpleBlocks.read(text, LineIndex.of(text), 0, 0, text.length()), text);
            assertSame(text);
        }
        for (String text : List.of("*emphasis* first\n", "**bold**\nmore\n", "-x\n", "2020 was\n", "_a_\n", "[x]\n: /u\n")) {
            assertNotNull(SimpleBlocks.read(text, LineIndex.of(text), 0, 0, text.length()), text);
            assertSame(text);
        }
    }

    @Test
    void corpusListsReadTheSame() throws IOException {
        Path corpus = Path.of("../shared/corpus");
        assumeTrue(Files.isDirectory(corpus), "../shared/corpus is not there");
        int simpleOnes = 0;
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                assertSame(text);
                simpleOnes += simple(text) ? 1 : 0;
            }
        }
        assertEquals(true, simpleOnes > 0, "no corpus list was simple");
    }

    @Test
    void theFenceLanguageIsWhatThePatternSplitGave() {
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("[\\s{]");
        Random random = new Random(23);
        String alphabet = "bibtex {}. \t\u000B\f\r\n\u00a0x";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String info = sb.toString();
            assertEquals(word.split(info, 2)[0], MarkdownReader.firstWord(info), info);
        }
    }
}
