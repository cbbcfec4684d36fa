package dev.bibmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bibmark export} through {@link Main#run}. */
class ExportCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run export(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 1];
        full[0] = "export";
        System.arraycopy(args, 0, full, 1, args.length);
        int status = Main.run(full, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void writeLists() throws Exception {
        Files.writeString(dir.resolve("a.md"), """
                #### Paper A [`READ`]

                ```bibtex
                @misc{a2020, title={A}, journal = jmlr}
                ```
                """);
        Files.writeString(dir.resolve("b.md"), """
                #### Paper A again

                ```bibtex
                @misc{a2020, title={A}, journal = jmlr}
                ```

                ```bibtex
                @string{jmlr = {JMLR}}
                @misc{b2021, title={B}}
                ```
                """);
    }

    @Test
    void writesOneBibToStdout() throws Exception {
        writeLists();
        Run r = export(dir.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("@string{jmlr = {JMLR}}\n\n@misc{a2020, title={A}, journal = jmlr}\n\n@misc{b2021, title={B}}\n\n",
                r.out());
        assertTrue(r.err().contains("exported 2 entries and 1 @strings from 2 files (1 identical copies written once)"),
                r.err());
    }

    @Test
    void writesToAFileAndNeverReadsItsOwnOutput() throws Exception {
        writeLists();
        Path out = dir.resolve("all.bib");
        for (int i = 0; i < 2; i++) {
            Run r = export("--out", out.toString(), dir.toString());
            assertEquals(0, r.status(), r.err());
            assertEquals("", r.out());
            BibFile f = BibParser.parse(Files.readString(out));
            assertEquals(List.of(), f.errors());
            assertEquals(2, f.entries().size());
        }
        Run eq = export("--out=" + dir.resolve("sub/x.bib"), dir.resolve("a.md").toString());
        assertEquals(0, eq.status(), eq.err());
        assertTrue(Files.readString(dir.resolve("sub/x.bib")).contains("@misc{a2020"));
    }

    @Test
    void notesGoToStderr() throws Exception {
        Files.writeString(dir.resolve("c.md"), "```bibtex\n@misc{k, title={One}}\n```\n```bibtex\n@misc{k, title={Two}}\n```\n");
        Run r = export(dir.toString());
        assertEquals(0, r.status());
        assertTrue(r.out().contains("@misc{k-2, title={Two}}"), r.out());
        assertTrue(r.err().contains("c.md:5: note: key 'k' is used for different entries; this one is renamed 'k-2'"),
                r.err());
    }

    @Test
    void usage() {
        assertEquals(2, export().status());
        assertEquals(2, export("--format", "json", dir.toString()).status());
        assertEquals(2, export("--out").status());
        Run help = export("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("bibmark export [--out FILE] PATH..."));
        Run missing = export(dir.resolve("missing.md").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("missing.md"), missing.err());
    }
}
