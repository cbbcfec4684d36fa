package dev.bibmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bibmark check --fix} and {@code --fix --dry-run} on lists in temporary folders. */
class CheckFixTest {
    private static final String LIST = """
            # Papers

            #### Attention Is All You Need

            paper link: [here](https://arxiv.org/abs/1706.03762)

            ```bibtex
            @article{vaswani2017attention,
              title = {Attention Is All You Need},
              author = {Vaswani, Ashish}
              pages = {},
            }
            ```

            #### Broken

            ```bibtex
            @misc{broken2020,
              title = {Broken,
              note = {kept},
            }
            ```
            """;

    private static final String FIXED = """
            # Papers

            #### Attention Is All You Need

            paper link: [here](https://arxiv.org/abs/1706.03762)

            ```bibtex
            @article{vaswani2017attention,
              title = {Attention Is All You Need},
              author = {Vaswani, Ashish},
              journal = {arXiv preprint arXiv:1706.03762},
              year = {2017},
            }
            ```

            #### Broken

            ```bibtex
            @misc{broken2020,
              title = {Broken},
              note = {kept},
            }
            ```
            """;

    @Test
    void fixWritesTheSafeFixesAndReportsWhatRemains(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("papers.md");
        Files.writeString(list, LIST);
        Files.writeString(dir.resolve("refs.bib"), "@misc{dup, title = {A}}\n@misc{dup, title = {B}}\n");
        CorpusCheckTest.Run r = CorpusCheckTest.check("--fix", dir.toString());
        assertEquals(FIXED, Files.readString(list));
        assertEquals("@misc{dup, title = {A}}\n@misc{dup, title = {B}}\n", Files.readString(dir.resolve("refs.bib")),
                "renaming a key is not a safe fix");
        assertTrue(r.err().contains("bibmark check: fixed 1 file"), r.err());
        assertTrue(r.out().contains("duplicate-key"), r.out());
        assertTrue(!r.out().contains("bibtex-syntax") && !r.out().contains("missing-field"), r.out());
        assertEquals(1, r.status(), "the duplicate keys remain errors");
        // Fixing again changes nothing.
        CorpusCheckTest.Run again = CorpusCheckTest.check("--fix", dir.toString());
        assertTrue(again.err().contains("fixed 0 files"), again.err());
        assertEquals(FIXED, Files.readString(list));
    }

    @Test
    void dryRunPrintsAUnifiedDiffAndWritesNothing(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("papers.md");
        Files.writeString(list, LIST);
        CorpusCheckTest.Run r = CorpusCheckTest.check("--fix", "--dry-run", list.toString());
        assertEquals(LIST, Files.readString(list));
        assertEquals(0, r.status(), "no errors remain once fixed: " + r.out());
        String path = CheckCommand.display(Path.of("").toAbsolutePath(), list);
        assertEquals(UnifiedDiff.of(path, LIST, FIXED), r.out());
        // An absolute path (the temp folder is outside the working directory) is written without a/ and b/.
        assertTrue(r.out().startsWith("--- " + path + "\n+++ " + path + "\n@@ -7,8 +7,9 @@\n"), r.out());
        assertTrue(r.out().contains("-  pages = {},\n+  author = {Vaswani, Ashish},\n"
                + "+  journal = {arXiv preprint arXiv:1706.03762},\n+  year = {2017},\n"), r.out());
        assertTrue(r.err().contains("would fix 1 file"), r.err());
    }

    @Test
    void usageErrorsAndFilesThatAreNotUtf8(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("papers.md");
        Files.writeString(list, LIST);
        assertEquals(2, CorpusCheckTest.check("--dry-run", list.toString()).status());
        // A dry run prints a diff: asking for JSON or annotations with it is refused, not silently ignored.
        CorpusCheckTest.Run json = CorpusCheckTest.check("--fix", "--dry-run", "--format", "json", list.toString());
        assertEquals(2, json.status());
        assertTrue(json.err().contains("prints a diff, not a json report"), json.err());
        assertEquals("", json.out());
        Path latin1 = dir.resolve("latin1.bib");
        byte[] bytes = "@misc{k, title = {Caf\u00e9}, note = {}}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(latin1, bytes);
        CorpusCheckTest.Run r = CorpusCheckTest.check("--fix", latin1.toString());
        assertTrue(r.err().contains("not fixing") && r.err().contains("not valid UTF-8"), r.err());
        assertEquals(java.util.Arrays.toString(bytes), java.util.Arrays.toString(Files.readAllBytes(latin1)));
    }
}
