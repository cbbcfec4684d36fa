package dev.bibmark.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibParser;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BibExportTest {
    private static final Path CORPUS = Path.of("../shared/corpus").toAbsolutePath().normalize();
    private static final Set<String> BIBTEX_TYPES = Set.of("article", "book", "booklet", "conference", "inbook",
            "incollection", "inproceedings", "manual", "mastersthesis", "misc", "phdthesis", "proceedings",
            "techreport", "unpublished");

    @TempDir
    Path dir;

    private static Document md(String path, String text) {
        return Documents.parse(path, text);
    }

    private static String fence(String bib) {
        return "```bibtex\n" + bib + "\n```\n";
    }

    /** Our parser finds no syntax error and the given number of entries. */
    private static BibFile assertOursParses(String bib, int entries) {
        BibFile f = BibParser.parse(bib);
        assertEquals(List.of(), f.errors(), bib);
        assertEquals(entries, f.entries().size(), bib);
        return f;
    }

    /** jbibtex in its strict mode (throws on the first error, undefined macro or bad crossref) reads it all. */
    private static BibTeXDatabase assertJbibtexParses(String bib, int entries) throws Exception {
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib));
        assertEquals(entries, db.getEntries().size(), bib);
        return db;
    }

    @Test
    void stringsFirstEntriesInListOrderVerbatim() throws Exception {
        Document a = md("a.md", "# A\n\n#### P1\n" + fence("""
                @article{p1,
                      title={First},   journal = jmlr,
                  year={2020}
                }""") + "\n#### P2\n" + fence("@string{jmlr = {Journal of ML}}\n@misc{p2, title = \"Second\"}"));
        Document b = Documents.parse("b.bib", "@preamble{\"\\newcommand{\\x}{x}\"}\n@misc{p3, title={Third}, month = jan}\n");
        BibExport.Result r = BibExport.run(List.of(a, b));
        assertEquals("""
                @string{jmlr = {Journal of ML}}

                @preamble{"\\newcommand{\\x}{x}"}

                @article{p1,
                      title={First},   journal = jmlr,
                  year={2020}
                }

                @misc{p2, title = "Second"}

                @misc{p3, title={Third}, month = jan}

                """, r.text());
        assertEquals(3, r.entries());
        assertEquals(1, r.strings());
        assertEquals(List.of(), r.notes());
        assertOursParses(r.text(), 3);
        BibTeXDatabase db = assertJbibtexParses(r.text(), 3);
        assertEquals("Journal of ML", db.resolveEntry(new Key("p1")).getField(BibTeXEntry.KEY_JOURNAL).toUserString());
    }

    @Test
    void duplicateCopiesOnceAndDuplicateKeysRenamed() throws Exception {
        String same = "@misc{same, title={Same paper},\n  year={2020}}";
        Document a = md("a.md", "#### S\n" + fence(same) + "#### K\n" + fence("@misc{Clash, title={One}}"));
        Document b = md("b.md", "#### S again\n" + fence("@misc{same,  title = {Same   paper}, year = 2020}")
                + "#### K other\n" + fence("@misc{clash, title={Two}}") + "#### K third\n" + fence("@misc{CLASH, title={Three}}")
                + "#### Taken\n" + fence("@misc{clash-2, title={Four}}"));
        BibExport.Result r = BibExport.run(List.of(a, b));
        assertEquals(1, r.duplicatesSkipped());
        assertEquals(5, r.entries());
        assertTrue(r.text().contains("@misc{clash-3, title={Two}}"), r.text());
        assertTrue(r.text().contains("@misc{CLASH-4, title={Three}}"), r.text());
        assertTrue(r.text().contains("@misc{clash-2, title={Four}}"), r.text());
        assertEquals(2, r.notes().size(), r.notes().toString());
        assertEquals(new BibExport.Note("b.md", 7, "key 'clash' is used for different entries; this one is renamed 'clash-3'"),
                r.notes().get(0));
        assertOursParses(r.text(), 5);
        assertJbibtexParses(r.text(), 5);
    }

    @Test
    void differentKeysForOnePaperAreBothKept() throws Exception {
        Document a = md("a.md", fence("@misc{a2020, title={X}, doi={10.1/x}}") + fence("@misc{b2020, title={X}, doi={10.1/x}}"));
        BibExport.Result r = BibExport.run(List.of(a));
        assertEquals(2, r.entries());
        assertJbibtexParses(r.text(), 2);
    }

    @Test
    void repeatedFieldsUndefinedMacrosAndBrokenEntriesAreRepaired() throws Exception {
        Document a = md("a.md", fence("""
                @article{rep,
                  title = {First title},
                  year = 2020,
                  title = {Second title},
                  journal = nips # { 2020}
                }""") + fence("""
                @misc{broken,
                  title={Husky}
                  author={Kim, J.},
                  url = ,
                  year = 2020
                }""") + fence("@misc{, title={no key}}") + fence("@misc{two words, title={bad key}}"));
        BibExport.Result r = BibExport.run(List.of(a));
        assertTrue(r.text().contains("""
                @article{rep,
                  title = {First title},
                  year = 2020,
                  journal = {nips} # { 2020}
                }"""), r.text());
        assertTrue(r.text().contains("@misc{broken,\n  title = {Husky},\n  author = {Kim, J.},\n  year = 2020\n}"), r.text());
        assertEquals(2, r.entries());
        List<String> messages = r.notes().stream().map(BibExport.Note::message).toList();
        assertTrue(messages.contains("repeated field 'title' of 'rep' left out (BibTeX uses the first)"), messages.toString());
        assertTrue(messages.contains("undefined @string 'nips' in 'rep' written as {nips}"), messages.toString());
        assertTrue(messages.contains("'broken' rebuilt from what was parsed (the source has a syntax error)"), messages.toString());
        assertTrue(messages.contains("field 'url' of 'broken' left out (incomplete)"), messages.toString());
        assertTrue(messages.contains("@misc without key left out"), messages.toString());
        assertTrue(messages.contains("'two words' is not a valid BibTeX key; the entry is left out"), messages.toString());
        assertOursParses(r.text(), 2);
        BibTeXDatabase db = assertJbibtexParses(r.text(), 2);
        assertEquals("First title", db.resolveEntry(new Key("rep")).getField(BibTeXEntry.KEY_TITLE).toUserString());
    }

    @Test
    void quotedFenceLosesItsContainerPrefixesAndCrlf() throws Exception {
        String text = "> #### P\r\n> ```bibtex\r\n> @misc{q,\r\n>   title = {Quoted}\r\n> }\r\n> ```\r\n\r\n"
                + "- item\n\n  ```bibtex\n  @misc{l,\n    title = {Listed}\n  }\n  ```\n";
        BibExport.Result r = BibExport.run(List.of(md("q.md", text)));
        assertEquals("@misc{q,\n  title = {Quoted}\n}\n\n@misc{l,\n  title = {Listed}\n}\n\n", r.text());
        assertOursParses(r.text(), 2);
        assertJbibtexParses(r.text(), 2);
    }

    @Test
    void repeatedStringsOnceFirstWins() throws Exception {
        Document a = Documents.parse("a.bib", "@string{j = {A}}\n@string{J = {A}}\n@misc{x, journal = j}\n");
        Document b = Documents.parse("b.bib", "@string{j = {B}}\n@misc{y, journal = j}\n");
        BibExport.Result r = BibExport.run(List.of(a, b));
        assertEquals(1, r.strings());
        assertEquals(2, r.notes().size());
        assertTrue(r.notes().get(0).message().contains("redefines an earlier @string"), r.notes().toString());
        // b's entry keeps meaning what b says (found by QA: it silently took a's value).
        assertTrue(r.text().contains("@misc{x, journal = j}") && r.text().contains("@misc{y, journal = {B}}"), r.text());
        assertTrue(r.notes().get(1).message().contains("'j' in 'y' written out as {B}"), r.notes().toString());
        assertOursParses(r.text(), 2);
        assertJbibtexParses(r.text(), 2);
        // A broken entry rebuilt from its parse does the same.
        Document c = Documents.parse("c.bib", "@string{j = \"C\"}\n@misc{z, journal = j # { 2}, title = {T\n");
        BibExport.Result rc = BibExport.run(List.of(a, c));
        assertTrue(rc.text().contains("journal = {C} # { 2}"), rc.text());
    }

    /** Found by QA round 2: the same entry text under different @strings, and a @string built from another. */
    @Test
    void stringsMeanWhatTheirOwnFileSays() throws Exception {
        Document one = Documents.parse("one.bib", "@string{j = {Journal A}}\n@article{a, title = {T}, journal = j}\n");
        Document two = Documents.parse("two.bib", "@string{J = {Journal B}}\n@article{a, title = {T}, journal = j}\n");
        BibExport.Result r = BibExport.run(List.of(one, two));
        assertEquals(2, r.entries(), r.text());
        assertTrue(r.text().contains("@article{a-2, title = {T}, journal = {Journal B}}"), r.text());
        Document three = Documents.parse("three.bib", "@string{p = {Pre}}\n@string{j = p # { A}}\n@misc{a1, journal = j}\n");
        Document four = Documents.parse("four.bib", "@string{p = {Other}}\n@string{j = p # { A}}\n@misc{a2, journal = j}\n");
        BibExport.Result nested = BibExport.run(List.of(three, four));
        assertTrue(nested.text().contains("@misc{a1, journal = j}") && nested.text().contains("@misc{a2, journal = {Other A}}"),
                nested.text());
        assertOursParses(nested.text(), 2);
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertEquals("", BibExport.export(List.of()));
        assertEquals("", BibExport.export(List.of(md("e.md", "# Nothing here\n"))));
    }

    // ---- the real corpus

    private static List<Document> corpus() throws IOException {
        List<Document> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                docs.add(Documents.parse(CORPUS.relativize(p).toString(), Files.readString(p)));
            }
        }
        return docs;
    }

    @Test
    void corpusExportParsesWithOurParserAndJbibtex() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent");
        List<Document> docs = corpus();
        int all = docs.stream().mapToInt(d -> d.entries().size()).sum();
        BibExport.Result r = BibExport.run(docs);
        // Every entry is written except identical copies (the corpus has no keyless or invalid keys).
        assertEquals(all, r.entries() + r.duplicatesSkipped());
        assertTrue(r.duplicatesSkipped() >= 19, "identical repeats: " + r.duplicatesSkipped());
        BibFile ours = assertOursParses(r.text(), r.entries());
        Set<String> keys = new TreeSet<>();
        for (BibEntry e : ours.entries()) {
            assertTrue(keys.add(e.key().toLowerCase(Locale.ROOT)), "key written twice: " + e.key());
        }
        assertTrue(keys.contains("wang2022self") && keys.contains("wang2022self-2"), "both wang2022self entries kept");
        assertJbibtexParses(r.text(), r.entries());
    }

    @Test
    void corpusExportParsesWithBibtool() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent");
        Path bibtool = findOnPath("bibtool");
        assumeTrue(bibtool != null, "bibtool is not installed (apt-get install bibtool); the BibTool check is skipped");
        // The oracle must be able to fail: a missing comma and a repeated field are warnings.
        Path bad = dir.resolve("bad.bib");
        Files.writeString(bad, "@misc{a, title={x}\n  year = 2020}\n@misc{b, title = {y}, title={z}}\n");
        assertTrue(bibtool(bibtool, Set.of(), bad, dir.resolve("bad-out.bib")).contains("WARNING"));

        BibExport.Result r = BibExport.run(corpus());
        Path in = dir.resolve("corpus.bib");
        Files.writeString(in, r.text(), StandardCharsets.UTF_8);
        Path out = dir.resolve("bibtool-out.bib");
        // BibTool knows only BibTeX's 14 standard types; the biblatex ones the lists use are declared.
        Set<String> types = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^@([A-Za-z]+)").matcher(r.text());
        while (m.find()) {
            String t = m.group(1).toLowerCase(Locale.ROOT);
            if (!BIBTEX_TYPES.contains(t) && !t.equals("string") && !t.equals("preamble")) {
                types.add(t);
            }
        }
        String log = bibtool(bibtool, types, in, out);
        assertTrue(!log.contains("ERROR") && !log.contains("WARNING"), log);
        long written = Files.readAllLines(out).stream().filter(l -> l.startsWith("@")).count();
        assertEquals(r.entries() + r.strings(), written, log);
    }

    /** Runs BibTool (warnings on, the given extra entry types declared) and returns what it printed. */
    private static String bibtool(Path bibtool, Set<String> types, Path in, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bibtool.toString()));
        for (String t : types) {
            cmd.add("--");
            cmd.add("new.entry.type{" + t + "}");
        }
        cmd.addAll(List.of("-o", out.toString(), "-i", in.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bibtool did not finish");
        assertEquals(0, p.exitValue(), log);
        return log;
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
