package dev.bibmark.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The incremental cross-document index gives exactly the findings of running the checks in full, after any
 * sequence of edits: keys, DOIs, arXiv ids and titles that start or stop colliding, in the edited document or
 * another, with suppressions, and with the checks switched off; citations and crossrefs whose key appears or
 * disappears elsewhere.
 */
class CrossDocumentTest {
    private static final String[] KEYS = {"smith2020", "Smith2020", "doe2021", "lee2019", "kim2022"};
    private static final String[] TITLES = {"Deep Nets", "Deep nets", "Wide Nets", "Graph Things"};
    private static final String[] AUTHORS = {"Smith, John", "Doe, Jane", "John Smith"};
    private static final String[] DOIS = {null, "10.1000/abc", "https://doi.org/10.1000/ABC", "10.1000/xyz"};
    private static final String[] ARXIV = {null, "2401.01234", "2401.01234v2", "2302.00001"};
    /** Cited keys: the entries' keys in other cases, and one no entry has. */
    private static final String[] CITED = {"smith2020", "SMITH2020", "doe2021", "lee2019", "kim2022", "nobody1999"};

    private static String entry(Random r) {
        StringBuilder sb = new StringBuilder("@article{").append(KEYS[r.nextInt(KEYS.length)]).append(",\n");
        sb.append("  title = {").append(TITLES[r.nextInt(TITLES.length)]).append("},\n");
        sb.append("  author = {").append(AUTHORS[r.nextInt(AUTHORS.length)]).append("},\n");
        String doi = DOIS[r.nextInt(DOIS.length)];
        if (doi != null) {
            sb.append("  doi = {").append(doi).append("},\n");
        }
        String arxiv = ARXIV[r.nextInt(ARXIV.length)];
        if (arxiv != null) {
            sb.append("  eprint = {").append(arxiv).append("},\n");
        }
        if (r.nextInt(6) == 0) {
            sb.append("  crossref = {").append(CITED[r.nextInt(CITED.length)]).append("},\n");
        }
        sb.append("  year = ").append(2019 + r.nextInt(3)).append(",\n}\n");
        return sb.toString();
    }

    private static Document doc(String path, Random r) {
        int n = r.nextInt(5);
        StringBuilder sb = new StringBuilder("# List\n\n");
        for (int i = 0; i < n; i++) {
            sb.append("## Paper ").append(i).append("\n\n");
            if (r.nextInt(10) == 0) {
                sb.append("<!-- bibmark-disable-next-line duplicate-entry -->\n");
            }
            sb.append("```bibtex\n").append(entry(r)).append("```\n\n");
        }
        if (r.nextInt(2) == 0) {
            sb.append("See [@").append(CITED[r.nextInt(CITED.length)]).append("] and \\cite{")
                    .append(CITED[r.nextInt(CITED.length)]).append("}.\n");
        }
        return Documents.parse(path, sb.toString());
    }

    @Test
    void incrementalEqualsFullOverRandomEdits() {
        Random r = new Random(17);
        int withFindings = 0;
        int withUndefined = 0;
        for (Config config : List.of(Config.DEFAULT,
                Config.DEFAULT.withSeverity(Code.DUPLICATE_KEY, Optional.empty()),
                Config.DEFAULT.withSeverity(Code.UNDEFINED_CITATION, Optional.empty()),
                Config.DEFAULT.withSeverity(Code.DUPLICATE_ENTRY, Optional.of(Severity.ERROR)))) {
            for (int run = 0; run < 40; run++) {
                List<Document> docs = new ArrayList<>();
                int files = 1 + r.nextInt(8);
                for (int i = 0; i < files; i++) {
                    docs.add(doc("list-" + i + ".md", r));
                }
                List<String> log = new ArrayList<>();
                CrossDocument index = new CrossDocument(log::add);
                assertEquals(Checker.runWorkspace(docs, config, log::add), index.update(docs, config));
                for (int step = 0; step < 30; step++) {
                    int edits = 1 + r.nextInt(2);
                    for (int k = 0; k < edits; k++) {
                        int i = r.nextInt(docs.size());
                        docs.set(i, doc(docs.get(i).path(), r));
                    }
                    if (r.nextInt(15) == 0) {
                        docs.add(doc("list-" + (10 + step) + ".md", r)); // a new file
                    } else if (r.nextInt(15) == 0 && docs.size() > 1) {
                        docs.remove(r.nextInt(docs.size())); // a deleted one
                    }
                    List<Finding> expected = Checker.runWorkspace(docs, config, log::add);
                    if (!expected.isEmpty()) {
                        withFindings++;
                    }
                    if (expected.stream().anyMatch(f -> f.code() == Code.UNDEFINED_CITATION)) {
                        withUndefined++;
                    }
                    assertEquals(expected, index.update(docs, config), "run " + run + " step " + step);
                }
                assertTrue(log.isEmpty(), log.toString());
            }
        }
        assertTrue(withFindings > 1000, "steps with findings: " + withFindings);
        assertTrue(withUndefined > 300, "steps with an undefined citation: " + withUndefined);
    }

    /**
     * A paper or key repeated thousands of times: each finding names at most a few other places (the report grew
     * with the square of the count and ran out of memory, found by QA), and the incremental index, which looks at
     * the same earliest copies, still equals the full run.
     */
    @Test
    void thousandsOfCopiesStayLinear() {
        StringBuilder same = new StringBuilder("```bibtex\n");
        StringBuilder clash = new StringBuilder("```bibtex\n");
        for (int i = 0; i < 2000; i++) {
            same.append("@misc{k, title = {Same}, author = {A, B}}\n");
            same.append("@misc{t").append(i).append(", title = {Title}, author = {Smith, J}}\n");
            clash.append("@misc{c, title = {T").append(i).append("}}\n");
        }
        List<Document> docs = new ArrayList<>(List.of(Documents.parse("a.md", same + "```\n"),
                Documents.parse("b.md", clash + "```\n")));
        List<Finding> full = Checker.runWorkspace(docs, Config.DEFAULT, m -> { });
        assertEquals(2000, full.stream().filter(f -> f.code() == Code.DUPLICATE_KEY).count());
        assertEquals(1999 + 1999, full.stream().filter(f -> f.code() == Code.DUPLICATE_ENTRY).count());
        assertTrue(full.stream().allMatch(f -> f.related().size() <= 10), "at most 10 related places each");
        assertTrue(full.get(0).message().endsWith("and 1989 more)") || full.stream().anyMatch(
                f -> f.message().contains("and 1989 more)")), full.get(0).message());
        CrossDocument index = new CrossDocument(m -> { });
        assertEquals(full, index.update(docs, Config.DEFAULT));
        docs.set(1, Documents.parse("b.md", clash.toString().replace("@misc{c, title = {T7}}", "@misc{c, title = {T6}}") + "```\n"));
        assertEquals(Checker.runWorkspace(docs, Config.DEFAULT, m -> { }), index.update(docs, Config.DEFAULT));
    }

    @Test
    void anUnchangedWorkspaceKeepsItsFindingsAndAnEditReachesOtherFiles() {
        Document a = Documents.parse("a.md", "```bibtex\n@misc{k, title={A}}\n```\n");
        Document b = Documents.parse("b.md", "```bibtex\n@misc{j, title={B}}\n```\n");
        CrossDocument index = new CrossDocument(m -> { });
        assertTrue(index.update(List.of(a, b), Config.DEFAULT).isEmpty());
        // b now uses a's key for another paper: both files get duplicate-key.
        Document b2 = Documents.edit(b, b.text().indexOf("{j") + 1, b.text().indexOf("{j") + 2, "k");
        List<Finding> f = index.update(List.of(a, b2), Config.DEFAULT);
        assertEquals(List.of("a.md", "b.md"), f.stream().map(Finding::path).toList());
        assertEquals(f, index.update(List.of(a, b2), Config.DEFAULT));
        // and back: the finding in the unedited file goes too.
        assertFalse(f.isEmpty());
        assertTrue(index.update(List.of(a, b), Config.DEFAULT).isEmpty());
    }
}
