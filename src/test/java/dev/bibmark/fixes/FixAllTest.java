package dev.bibmark.fixes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.checks.CheckFixtureTexts;
import dev.bibmark.checks.Code;
import dev.bibmark.checks.Finding;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FixAllTest {
    private static List<List<Document>> fixtureWorkspaces() {
        List<List<Document>> out = new ArrayList<>();
        for (List<Document> built : CheckFixtureTexts.workspaces()) {
            out.add(built.stream().map(d -> Documents.parse(d.path(), d.text())).toList());
        }
        out.addAll(FixFixtures.all().values());
        return out;
    }

    private static int entries(List<Document> docs) {
        return docs.stream().mapToInt(d -> (int) d.entries().stream().filter(e -> !e.key().isEmpty()).count()).sum();
    }

    /** One document at a time, one pass: fewer findings, none new, no entry deleted. */
    private static List<String> perDocument(List<Document> ws) {
        List<String> problems = new ArrayList<>();
        FixHarness.Checked before = FixHarness.check(ws);
        for (Document d : ws) {
            List<Edit> edits = FixAll.compute(d, before.all, ws, FixHarness.CONFIG);
            if (edits.isEmpty()) {
                continue;
            }
            FixHarness.Checked after = FixHarness.apply(before, Map.of(d.path(), edits));
            problems.addAll(FixHarness.newFindings(before, after, Map.of(d.path(), edits)).stream()
                    .map(p -> d.path() + ": " + p).toList());
            if (after.all.size() >= before.all.size()) {
                problems.add(d.path() + ": fix-all left " + after.all.size() + " of " + before.all.size() + " findings");
            }
            if (entries(after.docs) < entries(before.docs)) {
                problems.add(d.path() + ": fix-all deleted an entry");
            }
        }
        return problems;
    }

    @Test
    void onePassPerDocumentOverTheFixtures() {
        List<String> problems = new ArrayList<>();
        int fixedDocs = 0;
        for (List<Document> ws : fixtureWorkspaces()) {
            problems.addAll(perDocument(ws));
            FixHarness.Checked before = FixHarness.check(ws);
            fixedDocs += (int) ws.stream()
                    .filter(d -> !FixAll.compute(d, before.all, ws, FixHarness.CONFIG).isEmpty()).count();
        }
        assertEquals(List.of(), problems);
        assertTrue(fixedDocs > 15, "fix-all changed " + fixedDocs + " documents");
    }

    @Test
    void onePassPerDocumentOverTheCorpus() throws IOException {
        List<Document> corpus = FixHarness.corpus();
        Assumptions.assumeFalse(corpus.isEmpty(), "../shared/corpus is absent");
        assertEquals(List.of(), perDocument(corpus));
    }

    @Test
    void allDocumentsAtOnceFixIdenticalCopiesTogether() throws IOException {
        List<Document> corpus = FixHarness.corpus();
        Assumptions.assumeFalse(corpus.isEmpty(), "../shared/corpus is absent");
        FixHarness.Checked before = FixHarness.check(corpus);
        Map<String, List<Edit>> edits = FixAll.computeAll(corpus, before.all, FixHarness.CONFIG);
        FixHarness.Checked after = FixHarness.apply(before, edits);
        assertEquals(List.of(), FixHarness.newFindings(before, after, edits));
        assertEquals(entries(before.docs), entries(after.docs));
        // The corpus's 11 missing commas, 18 empty fields (none required) and the missing year (from a date) are
        // all safe; the two @online entries stay (BibLaTeX's type: changing it to @misc is offered, not safe).
        Map<Code, Integer> fixed = new EnumMap<>(Code.class);
        for (Finding f : before.all) {
            fixed.merge(f.code(), 1, Integer::sum);
        }
        for (Finding f : after.all) {
            fixed.merge(f.code(), -1, Integer::sum);
        }
        assertEquals(11, fixed.get(Code.BIBTEX_SYNTAX));
        assertEquals(18, fixed.get(Code.EMPTY_FIELD));
        assertEquals(0, fixed.get(Code.UNKNOWN_ENTRY_TYPE));
        assertEquals(1, fixed.get(Code.MISSING_FIELD));
        assertEquals(0, fixed.get(Code.DUPLICATE_ENTRY));
    }

    @Test
    void passesUntilNothingSafeIsLeft() {
        List<String> problems = new ArrayList<>();
        for (List<Document> ws : fixtureWorkspaces()) {
            FixHarness.Checked before = FixHarness.check(ws);
            List<Document> fixed = FixAll.applyPasses(ws, FixHarness.CONFIG, 10, msg -> problems.add(msg));
            FixHarness.Checked after = FixHarness.check(fixed);
            Map<Code, Integer> counts = new EnumMap<>(Code.class);
            before.all.forEach(f -> counts.merge(f.code(), 1, Integer::sum));
            after.all.forEach(f -> counts.merge(f.code(), -1, Integer::sum));
            counts.forEach((code, n) -> {
                if (n < 0) {
                    problems.add(ws.get(0).path() + ": " + -n + " more " + code.id() + " after fix-all");
                }
            });
            if (entries(fixed) < entries(ws)) {
                problems.add(ws.get(0).path() + ": fix-all deleted an entry");
            }
            if (!FixAll.computeAll(fixed, after.all, FixHarness.CONFIG).isEmpty()) {
                problems.add(ws.get(0).path() + ": safe fixes left after 10 passes");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void syntaxFirstThenTheRest() {
        // The unclosed brace swallows 'note = {}': pass one closes the brace, pass two removes the empty note.
        List<Document> ws = FixHarness.parse("a.bib", "@misc{k,\n  title = {Foo,\n  note = {},\n  year = 2020\n}\n");
        FixHarness.Checked before = FixHarness.check(ws);
        List<Edit> first = FixAll.compute(ws.get(0), before.all, ws, FixHarness.CONFIG);
        assertEquals(List.of(Edit.insert(23, "}")), first);
        List<Document> fixed = FixAll.applyPasses(ws, FixHarness.CONFIG, 5, msg -> { });
        assertEquals("@misc{k,\n  title = {Foo},\n  year = 2020\n}\n", fixed.get(0).text());
    }
}
