package dev.bibmark.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A long document is read as parts split before headings and parsed in parallel; the result must be exactly that
 * of reading it whole, including where a block runs on over the split point (fences, HTML blocks, lists, quotes).
 */
class MarkdownPartsTest {
    private static void assertSame(String text) {
        assertEquals(MarkdownReader.readStrict(text, false), MarkdownReader.readStrict(text, true), text);
    }

    private static final List<String> PIECES = List.of(
            "# Heading [`READ`]\n\n",
            "## Paper [`TODO`]\n\npaper link: [here](https://arxiv.org/abs/2001.00001)\n\n",
            "```bibtex\n@article{a, title={T}}\n```\n\n",
            "```bibtex\n@article{b, title={T}}\n\n# not a heading inside a fence\n\n",
            "````bibtex\n```\n\n# still inside\n\n````\n\n",
            "~~~bib\n@misc{c}\n~~~\n\n",
            "<!--\n\n# inside a comment\n\n-->\n\n",
            "<!-- open\ntext\n\n\n\n",
            "<?php\n\n\n",
            "<!DOCTYPE x\n\n\n",
            "<![CDATA[\n\n\n",
            "<pre>\n\n\n\n",
            "<pre\f\ry.\n\n",
            "<SCRIPT\u000B\n\n\n",
            "<textarea\n\n",
            "<!-- closed -->\n\n\n",
            "- <!--\n\n\n",
            "<!-- one line -->\n\n",
            "<div>\n\n# after html\n\n",
            "<script>\n\n# inside script\n\n</script>\n\n",
            "- item\n\n  ```bibtex\n  @misc{d}\n\n# heading closes the list\n\n",
            "> quote\n> ```bib\n> @misc{e}\n\n# after quote\n\n",
            "    indented code\n\n",
            "See [@a; @b] and \\cite{c}.\n\n",
            "#no-space is text\n\n",
            "\n",
            "para\n# heading right after text\n\n",
            "\uFEFF# bom\n\n",
            "---\ntitle: front matter\n---\n",
            "\r\n# crlf heading\r\n\r\n",
            "```\n\n");

    @Test
    void randomDocumentsReadTheSameInParts() {
        Random random = new Random(2026);
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            int k = 1 + random.nextInt(14);
            for (int i = 0; i < k; i++) {
                sb.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            assertSame(sb.toString());
        }
    }

    @Test
    void aLongListIsReadTheSameInParts() {
        StringBuilder sb = new StringBuilder("# List\n\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("## Paper ").append(i).append(" [`READ`]\n\npaper link: [here](https://arxiv.org/abs/2001.")
                    .append(i).append(")\n\n```bibtex\n@article{k").append(i).append(", title={Paper ").append(i)
                    .append("}}\n```\n\n");
        }
        String text = sb.toString();
        assertSame(text);
        MarkdownIndex md = MarkdownReader.read(text);
        assertEquals(3000, md.fences().size());
        assertEquals(3001, md.headings().size());
        // Behind YAML front matter, the parts start after it.
        String withFrontMatter = "---\ntitle: List\nbibliography: refs.bib\n---\n" + text;
        assertSame(withFrontMatter);
        assertEquals(3001, MarkdownReader.read(withFrontMatter).headings().size());
    }

    @Test
    void corpusListsReadTheSameInParts() throws IOException {
        Path corpus = Path.of("../shared/corpus");
        assumeTrue(Files.isDirectory(corpus), "../shared/corpus is not there");
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                assertSame(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
    }
}
