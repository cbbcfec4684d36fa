package dev.bibmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bibmark check} on files it must not choke on: it answers, says what it skipped, and checks the rest. */
class HostileFilesCliTest {
    @Test
    void aFiftyMegabyteFileIsSkippedWithAMessageAndTheRestIsChecked(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("huge.md");
        byte[] line = "## Paper [`READ`]\n\n```bibtex\n@misc{k, title = {T}}\n```\n\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        Files.writeString(dir.resolve("small.md"), "# A\n\n```bibtex\n@misc{a, title = {A}}\n```\n");

        CorpusCheckTest.Run folder = CorpusCheckTest.check("--format", "json", dir.toString());
        assertEquals(2, folder.status(), "a skipped file makes the check incomplete: " + folder.err());
        assertTrue(folder.err().contains("huge.md: skipped: file larger than 10 MB (limit maxFileBytes)"), folder.err());
        JsonObject report = folder.json();
        assertEquals(1, report.getAsJsonObject("summary").get("files").getAsInt());
        assertTrue(report.toString().contains("small.md"));

        CorpusCheckTest.Run named = CorpusCheckTest.check(big.toString());
        assertEquals(2, named.status());
        assertTrue(named.err().contains("skipped: file larger than 10 MB"), named.err());
    }

    @Test
    void invalidUtf8AndUtf16FilesAreChecked(@TempDir Path dir) throws IOException {
        byte[] bad = "@misc{k, title = {\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("latin1.bib"), concat(bad, "}}\n@misc{k, title = {other}}\n".getBytes(StandardCharsets.UTF_8)));
        byte[] utf16 = "# P\n\n```bibtex\n@misc{wide, title = {Ü}}\n@misc{wide, title = {Ö}}\n```\n".getBytes(StandardCharsets.UTF_16LE);
        Files.write(dir.resolve("utf16.md"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, utf16));
        CorpusCheckTest.Run run = CorpusCheckTest.check("--format", "json", dir.toString());
        assertEquals(1, run.status(), run.err());
        String json = run.out();
        assertEquals(2, run.json().getAsJsonObject("summary").get("files").getAsInt(), json);
        // Both files were read and checked: a key clash in each.
        assertEquals(4, CorpusCheckTest.findings(run.json(), "error").stream().filter(f -> f.contains("duplicate-key")).count(), json);
    }

    /**
     * A list's front matter names its bibliography (Pandoc): `check` reads it for the keys it defines, reports the
     * list only, and says when the file cannot be read (the list's citations are then not judged).
     */
    @Test
    void theBibliographyAListNamesIsReadForItsKeys(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("notes.md"), "---\ntitle: Notes\nbibliography: lib/refs.bib\n---\n\n"
                + "See [@smith2020] and [@ghost].\n");
        Files.writeString(dir.resolve("lib/refs.bib"), "@article{smith2020, title = {T}}\n");
        Files.writeString(dir.resolve("other.md"), "---\nbibliography: [missing.bib]\n---\n\nSee [@nobody].\n");
        CorpusCheckTest.Run run = CorpusCheckTest.check("--format", "json", dir.resolve("notes.md").toString(),
                dir.resolve("other.md").toString());
        assertEquals(0, run.status(), run.err());
        JsonObject report = run.json();
        assertEquals(2, report.getAsJsonObject("summary").get("files").getAsInt(), run.out());
        assertEquals(1, report.getAsJsonObject("summary").get("warnings").getAsInt(), run.out());
        assertTrue(run.out().contains("Citation key 'ghost'"), run.out());
        // refs.bib's own missing fields are not reported: it was read for its keys only.
        assertTrue(!run.out().contains("missing-field"), run.out());
        assertTrue(run.err().contains("cannot read the bibliography") && run.err().contains("missing.bib"), run.err());
    }

    /**
     * Pandoc and Quarto also read CSL bibliographies (Zotero's JSON export, CSL YAML): their ids are the keys a list
     * cites. A file that is not CSL JSON is named with the place of the problem, and its list is not judged.
     */
    @Test
    void aCslBibliographyDefinesTheKeysItsItemsName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.md"), "---\nbibliography:\n  - refs.json\n  - more.yaml\n---\n\n"
                + "See [@smith2020; @watson1953], [@Ghost] and [@crick1953].\n\n```bibtex\n@misc{crick1953, title = {T},"
                + " author = {C}, howpublished = {x}, year = 1953}\n```\n");
        Files.writeString(dir.resolve("refs.json"), "[{\"id\": \"smith2020\", \"type\": \"book\", \"title\": \"T\"},"
                + " {\"id\": \"crick1953\", \"title\": \"Other\"}]");
        Files.writeString(dir.resolve("more.yaml"), "references:\n- id: watson1953\n  type: article-journal\n");
        Files.writeString(dir.resolve("broken.md"), "---\nbibliography: bad.json\n---\n\nSee [@nobody].\n");
        Files.writeString(dir.resolve("bad.json"), "[{\"id\": \"a\"},\n {\"id\" \"b\"}]");
        Files.writeString(dir.resolve("ris.md"), "---\nbibliography: refs.ris\n---\n\nSee [@nobody].\n");
        CorpusCheckTest.Run run = CorpusCheckTest.check("--format", "json", dir.resolve("notes.md").toString(),
                dir.resolve("broken.md").toString(), dir.resolve("ris.md").toString());
        assertEquals(0, run.status(), run.err());
        JsonObject report = run.json();
        assertEquals(3, report.getAsJsonObject("summary").get("files").getAsInt(), run.out());
        // Only Ghost is undefined; crick1953 is in the list and in refs.json alike, which is no key clash (CSL items
        // are keys only, not entries).
        assertEquals(1, report.getAsJsonObject("summary").get("warnings").getAsInt(), run.out());
        assertEquals(0, report.getAsJsonObject("summary").get("errors").getAsInt(), run.out());
        assertTrue(run.out().contains("Citation key 'Ghost'"), run.out());
        assertTrue(run.err().contains("bad.json named in ") && run.err().contains(
                "broken.md: not valid JSON: Expected ':' at line 2 column 9 path $[1].id (its citations are not judged)"), run.err());
        assertTrue(run.err().contains("refs.ris named in ") && run.err().contains("ris.md is not BibTeX or CSL JSON/YAML: not read"),
                "another format is skipped with a word: " + run.err());
    }

    /** Quarto and R Markdown documents are Markdown to Pandoc, and to bibmark: their citations and fences are read. */
    @Test
    void quartoAndRMarkdownFilesAreCheckedAsMarkdown(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("paper.qmd"), "---\ntitle: Paper\nbibliography: refs.bib\n---\n\n"
                + "## Intro\n\nAs shown [@smith2020; @ghost].\n\n```{r}\nplot(x)\n```\n");
        Files.writeString(dir.resolve("refs.bib"), "@misc{smith2020, title = {T}, author = {S}, year = 2020}\n");
        Files.writeString(dir.resolve("notes.Rmd"), "# Notes\n\n```{.bibtex}\n@article{broken, title = {T}\n```\n");
        CorpusCheckTest.Run run = CorpusCheckTest.check("--format", "json", dir.toString());
        assertEquals(1, run.status(), run.err());
        assertEquals(3, run.json().getAsJsonObject("summary").get("files").getAsInt(), run.out());
        assertTrue(run.out().contains("Citation key 'ghost'"), run.out());
        assertTrue(run.out().contains("bibtex-syntax"), run.out());
        assertTrue(!run.out().contains("smith2020'"), run.out());
    }

    /**
     * The settings are found from a file's folder upwards, to the repository's root: a file checked alone gets the
     * same findings as in its folder (found by QA: a warning and exit 0 alone, an error and exit 1 in the folder).
     */
    @Test
    void settingsAreFoundUpwardsFromAFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        Files.createDirectories(dir.resolve("repo/lists/sub"));
        Files.writeString(dir.resolve("repo/.bibmark.json"), "{\"checks\": {\"empty-field\": \"error\"}}");
        Path file = dir.resolve("repo/lists/sub/a.bib");
        Files.writeString(file, "@misc{k, title = {T}, note = {}}\n");
        CorpusCheckTest.Run alone = CorpusCheckTest.check("--format", "json", file.toString());
        CorpusCheckTest.Run folder = CorpusCheckTest.check("--format", "json", dir.resolve("repo").toString());
        assertEquals(1, alone.status(), alone.out());
        assertEquals(1, folder.status(), folder.out());
        // Not past the repository's root.
        Files.writeString(dir.resolve(".bibmark.json"), "{\"checks\": {\"empty-field\": \"off\"}}");
        Files.delete(dir.resolve("repo/.bibmark.json"));
        assertEquals(0, CorpusCheckTest.check(file.toString()).status());
        assertTrue(CorpusCheckTest.check(file.toString()).out().contains("empty-field"));
        // Paths under different settings: one run takes the first path's, and says so (found by QA round 2).
        Files.createDirectories(dir.resolve("other/.git"));
        Files.writeString(dir.resolve("other/.bibmark.json"), "{\"checks\": {\"empty-field\": \"error\"}}");
        Files.writeString(dir.resolve("repo/.bibmark.json"), "{\"checks\": {\"empty-field\": \"off\"}}");
        Path b = dir.resolve("other/b.bib");
        Files.writeString(b, "@misc{j, title = {T}, note = {}}\n");
        CorpusCheckTest.Run two = CorpusCheckTest.check(b.toString(), file.toString());
        assertEquals(1, two.status(), two.out());
        assertTrue(two.err().contains("warning: the paths lie under different settings files") && two.err().contains(
                dir.resolve("other/.bibmark.json").toString() + " is used, not " + dir.resolve("repo/.bibmark.json")), two.err());
    }

    /** A list named through a symbolic link is reported by the link's path, and written through it (found by QA). */
    @Test
    void aSymbolicLinkIsReportedByItsOwnPath(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("real")).resolve("target.md");
        Files.writeString(target, "# P\n\n```bibtex\n@misc{k,title={T},note={}}\n```\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), target);
        CorpusCheckTest.Run run = CorpusCheckTest.check(link.toString());
        assertTrue(run.out().startsWith(link + ":4:"), run.out());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Main.run(new String[] {"format", link.toString()}, new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(link.toString())
                || out.toString(StandardCharsets.UTF_8).contains(link.toString()), out + " / " + err);
        assertTrue(!(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).contains("target.md"));
        assertTrue(Files.isSymbolicLink(link));
        // In a folder that holds the file itself too, its own path is the one reported (QA round 2).
        CorpusCheckTest.Run folder = CorpusCheckTest.check(dir.toString());
        assertTrue(folder.out().contains("target.md:") && !folder.out().contains("link.md"), folder.out());
        assertTrue(Files.readString(target).contains("@misc{k,\n"), Files.readString(target));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
