package dev.bibmark.fixes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.checks.CheckFixtureTexts;
import dev.bibmark.checks.Code;
import dev.bibmark.checks.Finding;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The key property: every fix of every finding, applied and re-checked, removes its finding and adds none, over
 * the check fixtures, the fix fixtures and ../shared/corpus. The one designed exception: a placeholder fix
 * ({@code missing-field} with an unknown value, an "empty value" syntax fix) leaves {@code empty-field}.
 */
class FixRoundTripTest {
    private record Stats(int findings, int fixes) {}

    private static boolean leavesPlaceholder(Fix fix) {
        return fix.title().contains("to fill in");
    }

    /** Runs every fix of every finding; returns counts, adds problems. */
    private static Stats roundTrip(List<Document> ws, List<String> problems, Set<Code> seen) {
        FixHarness.Checked before = FixHarness.check(ws);
        int fixes = 0;
        for (Finding f : before.all) {
            seen.add(f.code());
            List<Fix> list = QuickFixes.forFinding(before.doc(f.path()), f, ws, FixHarness.CONFIG);
            if (list.stream().noneMatch(x -> x.title().startsWith("Ignore "))) {
                problems.add(f.path() + " " + f.code().id() + ": no 'Ignore here'");
            }
            for (Fix fix : list) {
                fixes++;
                Set<Code> allowed = leavesPlaceholder(fix) ? EnumSet.of(Code.EMPTY_FIELD) : EnumSet.noneOf(Code.class);
                // Rewriting an entry from its section (title from the heading, ids from the link) is the user's
                // call and may reveal what the section already says: the linked paper is listed elsewhere
                // (duplicate-entry), or the entry has a copy elsewhere that keeps the old title (duplicate-key).
                if (f.code() == Code.LINK_MISMATCH || f.code() == Code.TITLE_MISMATCH) {
                    allowed = EnumSet.of(Code.DUPLICATE_ENTRY, Code.DUPLICATE_KEY);
                }
                problems.addAll(FixHarness.problems(before, f, fix, allowed));
            }
        }
        return new Stats(before.all.size(), fixes);
    }

    @Test
    void everyFixOfEveryCheckFixture() {
        List<String> problems = new ArrayList<>();
        Set<Code> seen = EnumSet.noneOf(Code.class);
        int findings = 0;
        for (List<Document> built : CheckFixtureTexts.workspaces()) {
            List<Document> ws = built.stream().map(d -> Documents.parse(d.path(), d.text())).toList();
            findings += roundTrip(ws, problems, seen).findings();
        }
        assertEquals(List.of(), problems);
        assertTrue(findings > 20, "fixtures gave " + findings + " findings");
    }

    @Test
    void everyFixOfEveryFixFixture() {
        List<String> problems = new ArrayList<>();
        Set<Code> seen = EnumSet.noneOf(Code.class);
        for (Map.Entry<String, List<Document>> e : FixFixtures.all().entrySet()) {
            List<String> own = new ArrayList<>();
            Stats s = roundTrip(e.getValue(), own, seen);
            if (s.findings() == 0 && !e.getKey().equals("suppressed already")) {
                own.add("no findings");
            }
            own.forEach(p -> problems.add(e.getKey() + ": " + p));
        }
        assertEquals(List.of(), problems);
        // key-convention is off by default; its fixes are covered by the list-check tests.
        assertEquals(EnumSet.complementOf(EnumSet.of(Code.KEY_CONVENTION)), seen, "every code has a fixture");
    }

    @Test
    void everyFixOfEveryCorpusFinding() throws IOException {
        List<Document> corpus = FixHarness.corpus();
        org.junit.jupiter.api.Assumptions.assumeFalse(corpus.isEmpty(), "../shared/corpus is absent");
        List<String> problems = new ArrayList<>();
        Stats s = roundTrip(corpus, problems, EnumSet.noneOf(Code.class));
        assertEquals(List.of(), problems);
        assertTrue(s.findings() > 50 && s.fixes() > s.findings(), s.toString());
    }
}
