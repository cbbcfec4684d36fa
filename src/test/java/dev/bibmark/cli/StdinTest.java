package dev.bibmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -} as a PATH: standard input is checked (or formatted to standard output), as editor plugins that pipe an
 * unsaved buffer expect (ALE, nvim-lint, efm, conform.nvim); {@code --stdin-filename} names it.
 */
class StdinTest {
    private record Run(int status, String out, String err) {}

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkReadsStandardInputAsAMarkdownList() {
        Run r = run("# L\n\n```bibtex\n@misc{a, title={x}\n```\n", "check", "-");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().startsWith("-:4:19: error bibtex-syntax: "), r.out());
        // Named .bib: read as BibTeX.
        Run bib = run("@misc{a, title={x}}\n@misc{a, title={y}}\n", "check", "--stdin-filename", "refs.bib", "-");
        assertEquals(1, bib.status(), bib.err());
        assertTrue(bib.out().startsWith("refs.bib:1:7: error duplicate-key"), bib.out());
    }

    /** The buffer stands in for the file it names when a folder given also holds it: no duplicate of itself. */
    @Test
    void theNamedBufferReplacesItsFileInTheFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("list.md"), "# L\n\n```bibtex\n@misc{old, title={On disk}}\n```\n");
        Files.writeString(dir.resolve("notes.md"), "See [@new].\n");
        String buffer = "# L\n\n```bibtex\n@misc{new, title={In the editor}}\n```\n";
        Run r = run(buffer, "check", "--format", "json", "--stdin-filename", dir.resolve("list.md").toString(), "-",
                dir.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        // No finding at all: [@new] is defined by the buffer, and the file on disk is not checked beside it.
        com.google.gson.JsonObject report = com.google.gson.JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(java.util.List.of(), CorpusCheckTest.findings(report, null), r.out());
        assertEquals(2, report.getAsJsonObject("summary").get("files").getAsInt(), r.out());
    }

    @Test
    void formatPrintsTheFormattedInput() {
        String list = "# L\n\n```bibtex\n@misc{a,title={x}}\n```\n";
        Run r = run(list, "format", "-");
        assertEquals(0, r.status(), r.err());
        assertEquals("# L\n\n```bibtex\n@misc{a,\n      title={x},\n}\n```\n", r.out());
        assertEquals(1, run(list, "format", "--check", "-").status());
        assertEquals(0, run(r.out(), "format", "--check", "-").status());
        assertEquals("", run(list, "format", "--check", "-").out());
        // Unchanged input comes back as it is.
        assertEquals(r.out(), run(r.out(), "format", "-").out());
    }

    @Test
    void misuseIsAClearError() {
        Run fix = run("x", "check", "--fix", "-");
        assertEquals(2, fix.status());
        assertTrue(fix.err().contains("cannot fix standard input"), fix.err());
        Run mixed = run("x", "format", "-", "other.md");
        assertEquals(2, mixed.status());
        assertTrue(mixed.err().contains("give it alone"), mixed.err());
        Run big = run("a".repeat(10 * 1024 * 1024 + 1), "check", "-");
        assertEquals(2, big.status());
        assertTrue(big.err().contains("cannot read standard input: skipped: file larger than 10 MB"), big.err());
    }

    /**
     * What a column counts, for the tools that read the text report: UTF-16 units by default (as LSP), characters
     * or UTF-8 bytes on request (Vim's quickfix counts bytes; found by QA: its jumps landed off on accented lines).
     */
    @Test
    void columnsCountUtf16UnitsCharactersOrBytes() {
        String bib = "@misc{k,\n  title={\u00dcn\u00efc\u00f6d\u00e9 \ud83d\ude00\ud83d\ude00 x} author={A},\n}\n";
        java.util.function.Function<String[], String> col = a -> {
            Run r = run(bib, a);
            return r.out().substring(0, r.out().indexOf(": error")).replaceAll(".*:2:", "");
        };
        assertEquals("25", col.apply(new String[] {"check", "--stdin-filename", "r.bib", "-"}));
        assertEquals("23", col.apply(new String[] {"check", "--columns", "chars", "--stdin-filename", "r.bib", "-"}));
        assertEquals("33", col.apply(new String[] {"check", "--columns=bytes", "--stdin-filename", "r.bib", "-"}));
        Run gh = run(bib, "check", "--format", "github", "--columns", "bytes", "--stdin-filename", "r.bib", "-");
        assertTrue(gh.out().contains(",line=2,col=33,"), gh.out());
        Run bad = run(bib, "check", "--columns", "runes", "-");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("unknown column unit 'runes'"), bad.err());
    }
}
