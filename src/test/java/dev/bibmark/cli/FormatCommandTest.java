package dev.bibmark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.format.FormatOptions;
import dev.bibmark.format.Formatter;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bibmark format} over temporary folders. */
class FormatCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 1];
        full[0] = "format";
        System.arraycopy(args, 0, full, 1, args.length);
        int status = Main.run(full, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String LIST = """
            # Papers

            #### Attention [`READ`]

            paper link: [here](https://arxiv.org/abs/1706.03762)

            ```bibtex
            @Article{vaswani2017attention,
              title = {Attention Is All You Need},
              year = 2017
            }
            ```
            """;
    private static final String LIST_FORMATTED = LIST.replace("""
            @Article{vaswani2017attention,
              title = {Attention Is All You Need},
              year = 2017
            }
            """, """
            @article{vaswani2017attention,
                  title={Attention Is All You Need},
                  year={2017},
            }
            """);
    private static final String FORMATTED_BIB = "@misc{done,\n      title={Already formatted},\n}\n";

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static String display(Path p) {
        return CheckCommand.display(Path.of("").toAbsolutePath(), p);
    }

    @Test
    void checkListsFilesThenFormatRewritesThemInPlace() throws Exception {
        Path md = write("lists/papers.md", LIST);
        Path bib = write("refs.bib", "@misc{k, title=\"T\"}\n");
        Path done = write("done.bib", FORMATTED_BIB);
        Files.setLastModifiedTime(done, FileTime.fromMillis(1_000_000_000L));

        Run check = run("--check", dir.toString());
        assertEquals(1, check.status(), check.err());
        assertEquals(List.of(display(md), display(bib)), check.out().lines().sorted().toList());
        assertTrue(check.err().contains("2 of 3 files would be reformatted"), check.err());
        assertEquals(LIST, Files.readString(md), "--check changes nothing");

        Run format = run(dir.toString());
        assertEquals(0, format.status(), format.err());
        assertEquals(check.out().lines().sorted().toList(), format.out().lines().sorted().toList());
        assertEquals(LIST_FORMATTED, Files.readString(md));
        assertEquals("@misc{k,\n      title={T},\n}\n", Files.readString(bib));
        assertEquals(FileTime.fromMillis(1_000_000_000L), Files.getLastModifiedTime(done), "an unchanged file is not written");

        Run again = run("--check", dir.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals("", again.out());
    }

    @Test
    void lineEndingsAndBomStay() throws Exception {
        String text = "\uFEFF# P\r\n\r\n```bibtex\r\n@misc{a, title={x}}\r\n```\r\n";
        Path md = write("crlf.md", text);
        assertEquals(0, run(md.toString()).status());
        byte[] expected = "\uFEFF# P\r\n\r\n```bibtex\r\n@misc{a,\r\n      title={x},\r\n}\r\n```\r\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, Files.readAllBytes(md));
    }

    @Test
    void formatSettingsFromTheConfigFile() throws Exception {
        Path md = write("a/papers.md", LIST);
        write("a/.bibmark.json", "{\"format\": {\"indent\": 2, \"spaceAroundEquals\": true, \"trailingComma\": false,"
                + " \"numbers\": \"unbraced\"}}");
        assertEquals(0, run(dir.resolve("a").toString()).status());
        assertEquals(LIST.replace("@Article", "@article"), Files.readString(md));

        Path other = write("b/other.json", "{\"format\": {\"delimiters\": \"quotes\"}}");
        Path bib = write("b/refs.bib", "@misc{k, title={T}}\n");
        assertEquals(0, run("--config", other.toString(), bib.toString()).status());
        assertEquals("@misc{k,\n      title=\"T\",\n}\n", Files.readString(bib));
    }

    @Test
    void brokenEntriesAreLeftAsWrittenWithANote() throws Exception {
        String text = "@misc{bad, title={x} year={2020}}\n@misc{good, title={y}}\n";
        Path bib = write("refs.bib", text);
        Run r = run(bib.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains(display(bib) + ":1:1: note: entry left as written (syntax error)"), r.err());
        String expected = Edit.apply(text, Formatter.format(Documents.parse("refs.bib", text), FormatOptions.DEFAULT));
        assertEquals(expected, Files.readString(bib));
        assertTrue(expected.startsWith("@misc{bad, title={x} year={2020}}\n@misc{good,\n"), expected);
    }

    @Test
    void badUsageAndUnreadableInput() throws Exception {
        assertEquals(2, run().status());
        assertEquals(2, run("--frobnicate", dir.toString()).status());
        assertEquals(2, run("--config").status());
        Path badConfig = write("bad.json", "{\"format\": {\"indent\": \"x\"}}");
        Run r = run("--config", badConfig.toString(), dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("$.format.indent"), r.err());

        // A missing path and a file that is not UTF-8: exit 2, and the other files are still formatted.
        Path latin1 = dir.resolve("latin1.bib");
        byte[] bytes = "@misc{k, title={Caf\u00e9}}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(latin1, bytes);
        Path good = write("good.bib", "@misc{g, title={G}}\n");
        r = run(latin1.toString(), good.toString(), dir.resolve("missing.md").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("not valid UTF-8"), r.err());
        assertTrue(r.err().contains("missing.md"), r.err());
        assertArrayEquals(bytes, Files.readAllBytes(latin1));
        assertEquals("@misc{g,\n      title={G},\n}\n", Files.readString(good));
    }

    @Test
    void helpMentionsFormat() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("format [--check] [--config FILE] PATH..."));
    }
}
