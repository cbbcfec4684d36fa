package dev.bibmark.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.format.FormatOptions.Delimiters;
import dev.bibmark.format.FormatOptions.FieldOrder;
import dev.bibmark.format.FormatOptions.Numbers;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formatter's promises over every entry of ../shared/corpus and of generated lists. */
class FormatCorpusTest {
    static final Path SHARED = Path.of("../shared").toAbsolutePath().normalize();

    /** The defaults, every option changed at once, and a third mix. */
    static final List<FormatOptions> STYLES = List.of(
            FormatOptions.DEFAULT,
            new FormatOptions("  ", true, true, FieldOrder.STANDARD, Delimiters.QUOTES, false, true, true, Numbers.UNBRACED),
            new FormatOptions("\t", false, true, FieldOrder.STANDARD, Delimiters.KEEP, true, false, false, Numbers.KEEP));

    static List<Document> corpus() throws IOException {
        Path dir = SHARED.resolve("corpus");
        assumeTrue(Files.isDirectory(dir), "../shared is absent");
        try (Stream<Path> files = Files.walk(dir)) {
            List<Document> docs = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("README.md"))
                    .sorted().toList()) {
                docs.add(Documents.parse(dir.relativize(p).toString(), Files.readString(p)));
            }
            return docs;
        }
    }

    /** Runs the property check over documents in every style; returns (entries checked, skipped) of the defaults. */
    private static int[] checkAll(List<Document> docs) {
        int[] defaults = new int[2];
        for (FormatOptions style : STYLES) {
            int entries = 0;
            int skipped = 0;
            for (Document doc : docs) {
                FormatProperties.Outcome o = FormatProperties.check(doc, style);
                entries += o.entries();
                skipped += o.skipped().size();
                for (Formatter.Skipped s : o.skipped()) {
                    assertEquals("syntax error", s.reason(), doc.path() + " " + s);
                    assertTrue(touchesError(doc, s), "an entry left as written has a syntax error: " + doc.path() + " " + s);
                }
            }
            if (style == FormatOptions.DEFAULT) {
                defaults[0] = entries;
                defaults[1] = skipped;
            }
        }
        return defaults;
    }

    private static boolean touchesError(Document doc, Formatter.Skipped s) {
        for (Block b : doc.blocks()) {
            for (SyntaxError e : b.bib().errors()) {
                if (e.range().start() <= s.range().end() && e.range().end() >= s.range().start()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void everyCorpusEntryKeepsItsContent() throws IOException {
        List<Document> docs = corpus();
        int total = docs.stream().mapToInt(d -> d.entries().size()).sum();
        int[] r = checkAll(docs);
        assertTrue(total > 700, "the corpus holds its 741 entries: " + total);
        assertEquals(total, r[0] + r[1], "every entry is formatted or left as written for a syntax error");
    }

    @Test
    void defaultsAreTheStyleMostCorpusEntriesFollow() throws IOException {
        StyleSurvey survey = new StyleSurvey();
        for (Document doc : corpus()) {
            for (Block b : doc.blocks()) {
                survey.add(b.fence().content().text());
            }
        }
        FormatOptions best = survey.mostFollowed();
        int following = survey.following(FormatOptions.DEFAULT);
        Map<String, Integer> neighbours = survey.neighbours(FormatOptions.DEFAULT);
        System.out.println("corpus style: " + survey.entries() + " well-formed entries; per option: " + survey.counts);
        System.out.println("entries already following the defaults: " + following + "; with one option changed: " + neighbours);
        assertEquals(survey.following(best), following, "defaults = an option set the most entries follow: " + best);
        // Per option, the defaults are also the choice of most entries, except the trailing comma (see FormatOptions)
        // and the field order, where KEEP changes nothing.
        assertEquals("\"" + FormatOptions.DEFAULT.indent() + "\"", survey.majority("indent", c -> false));
        assertEquals(String.valueOf(FormatOptions.DEFAULT.spaceAroundEquals()), survey.majority("spaceAroundEquals", c -> false));
        assertEquals(String.valueOf(FormatOptions.DEFAULT.alignEquals()), survey.majority("alignEquals", c -> false));
        assertEquals("braces", survey.majority("delimiters", c -> false));
        assertEquals("lower-case", survey.majority("lowercaseTypes", c -> false));
        assertEquals("some upper-case", survey.majority("lowercaseFieldNames", c -> false));
        assertEquals("delimited", survey.majority("numbers", c -> false));
    }

    @Test
    void generatedListsKeepTheirContent(@TempDir Path dir) throws Exception {
        Path gen = SHARED.resolve("bench/gen_papers.py");
        assumeTrue(Files.isRegularFile(gen), "../shared is absent");
        List<Document> docs = new ArrayList<>();
        int planted = 0;
        for (String format : List.of("md", "bib")) {
            Path out = dir.resolve(format);
            Process p = new ProcessBuilder("python3", gen.toString(), "400", "--format", format, "--files", "2",
                    "--out", out.toString(), "--seed", "7", "--truth", dir.resolve(format + ".json").toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "generator timed out");
            assertEquals(0, p.exitValue(), log);
            String truth = Files.readString(dir.resolve(format + ".json"));
            planted += truth.split("\"syntax_error\"", -1).length - 1;
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.sorted().toList()) {
                    docs.add(Documents.parse(f.toString(), Files.readString(f)));
                }
            }
        }
        int total = docs.stream().mapToInt(d -> d.entries().size()).sum();
        int[] r = checkAll(docs);
        assertEquals(800, total);
        assertEquals(total, r[0] + r[1]);
        assertTrue(planted > 0, "the generator planted syntax errors");
        assertEquals(planted, r[1], "exactly the entries with a planted syntax error are left as written");
    }
}
