package dev.bibmark.checks;

import static dev.bibmark.checks.Fixtures.bib;
import static dev.bibmark.checks.Fixtures.e;
import static dev.bibmark.checks.Fixtures.md;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckerTest {
    private static List<String> codes(List<Finding> f) {
        return f.stream().map(x -> x.code().id()).toList();
    }

    @Test
    void runsAllChecksSorted() {
        Document b = bib("b.bib").add(e("online", "k", "title", "{}")).build();
        Document a = md("a.md").fence(e("misc", "k", "title", "{X}")).build();
        List<Finding> f = Checker.run(List.of(b, a), Config.DEFAULT, s -> { });
        assertEquals(List.of("duplicate-key", "unknown-entry-type", "duplicate-key", "empty-field"), codes(f));
        assertEquals("a.md", f.get(0).path());
        assertEquals("b.bib", f.get(1).path());
        assertTrue(f.get(2).range().start() < f.get(3).range().start());
    }

    @Test
    void failingCheckIsLoggedAndOthersRun() {
        DocumentCheck boom = new DocumentCheck() {
            @Override
            public Code code() {
                return Code.INVALID_KEY;
            }

            @Override
            public List<Finding> check(Document doc, Config config) {
                throw new IllegalStateException("boom");
            }
        };
        WorkspaceCheck boomWs = new WorkspaceCheck() {
            @Override
            public Code code() {
                return Code.DUPLICATE_KEY;
            }

            @Override
            public List<Finding> check(List<Document> docs, Config config) {
                throw new IllegalStateException("bang");
            }
        };
        Document d = bib("a.bib").add(e("online", "k")).build();
        List<String> log = new ArrayList<>();
        List<Finding> f = Checker.runDocument(d, Config.DEFAULT, List.of(boom, new UnknownEntryTypeCheck()), log::add);
        assertEquals(List.of("unknown-entry-type"), codes(f));
        List<Finding> w = Checker.runWorkspace(List.of(d, d), Config.DEFAULT,
                List.of(boomWs, new DuplicateEntryCheck()), log::add);
        assertEquals(List.of("duplicate-entry"), codes(w));
        assertEquals(2, log.size());
        assertTrue(log.get(0).contains("invalid-key") && log.get(0).contains("boom"));
        assertTrue(log.get(1).contains("bang"));
    }

    @Test
    void severityOverrideAndOff() {
        Document d = bib("a.bib").add(e("online", "k", "title", "{}")).build();
        Config c = new Config(Map.of(Code.UNKNOWN_ENTRY_TYPE, Optional.of(Severity.HINT),
                Code.EMPTY_FIELD, Optional.empty()), Map.of(), 200);
        List<Finding> f = Checker.run(List.of(d), c, s -> { });
        assertEquals(List.of("unknown-entry-type"), codes(f));
        assertEquals(Severity.HINT, f.get(0).severity());
        assertEquals(Severity.WARNING, Checker.run(List.of(d), Config.DEFAULT, s -> { }).get(0).severity());
    }

    @Test
    void workspaceFindingsAreSuppressedInTheirDocument() {
        Document a = md("a.md").line("<!-- bibmark-disable-next-line duplicate-key -->")
                .fence(e("misc", "k", "title", "{X}")).build();
        Document b = bib("b.bib").add(e("misc", "k", "title", "{Y}")).build();
        List<Finding> f = Checker.run(List.of(a, b), Config.DEFAULT, s -> { });
        assertEquals(1, f.size());
        assertEquals("b.bib", f.get(0).path());
    }
}
