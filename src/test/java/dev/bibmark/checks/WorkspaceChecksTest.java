package dev.bibmark.checks;

import static dev.bibmark.checks.Fixtures.bib;
import static dev.bibmark.checks.Fixtures.e;
import static dev.bibmark.checks.Fixtures.md;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceChecksTest {
    @Test
    void duplicateKeyAcrossDocumentsIgnoringCase() {
        Fixtures.Doc a = md("a.md").line("# P").fence(e("misc", "Smith2020", "title", "{A}"));
        Fixtures.Doc b = bib("b.bib").add(e("misc", "smith2020", "title", "{B}"));
        List<Finding> f = new DuplicateKeyCheck().check(List.of(a.build(), b.build()), Config.DEFAULT);
        assertEquals(2, f.size());
        assertEquals("a.md", f.get(0).path());
        assertEquals("Key 'Smith2020' is used for 2 different entries (also in b.bib:1)", f.get(0).message());
        assertEquals(a.entries.get(0).keyRange(), f.get(0).range());
        assertEquals("b.bib", f.get(0).related().get(0).path());
        assertEquals("also defined here", f.get(0).related().get(0).message());
        assertEquals("Key 'smith2020' is used for 2 different entries (also in a.md:3)", f.get(1).message());
    }

    @Test
    void duplicateKeyNotForIdenticalOrDistinctKeys() {
        Document d = bib("a.bib").add(e("misc", "x", "title", "{A  B}"), e("MISC", "X", "Title", "{A B}"),
                e("misc", "y", "title", "{C}")).build();
        assertTrue(new DuplicateKeyCheck().check(List.of(d), Config.DEFAULT).isEmpty());
    }

    @Test
    void duplicateEntrySameKeySameContent() {
        Fixtures.Doc a = bib("a.bib").add(e("misc", "x", "title", "{A  B}", "year", "2020"),
                e("misc", "x", "year", "2020", "title", "{A B}"));
        List<Finding> f = new DuplicateEntryCheck().check(List.of(a.build()), Config.DEFAULT);
        assertEquals(1, f.size());
        assertEquals(a.entries.get(1).keyRange(), f.get(0).range());
        assertEquals(a.entries.get(0).keyRange(), f.get(0).related().get(0).range());
    }

    /** Same title and surname, but given names that cannot be one person's: two papers (found by QA). */
    @Test
    void sameTitleAndSurnameWithDifferentGivenNamesAreTwoPapers() {
        Document a = bib("a.bib").add(e("article", "s2001", "title", "{Introduction}", "author", "{Smith, John}"),
                e("article", "s2015", "title", "{Introduction}", "author", "{Smith, Jane}"),
                e("article", "s2016", "title", "{Introduction}", "author", "{J. Smith}"),
                e("article", "s2017", "title", "{Introduction}", "author", "{Smith}")).build();
        List<Finding> f = new DuplicateEntryCheck().check(List.of(a), Config.DEFAULT);
        // J. Smith may be either; a bare Smith too: each is the same paper as the first compatible one.
        assertEquals(List.of("s2016", "s2017"), f.stream().map(x -> a.text().substring(x.range().start(), x.range().end())).toList());
        assertTrue(DuplicateEntryCheck.sameGivenName("j", "john") && DuplicateEntryCheck.sameGivenName("jean", "jeanpierre")
                && !DuplicateEntryCheck.sameGivenName("john", "jane") && DuplicateEntryCheck.sameGivenName("", "jane"));
    }

    @Test
    void duplicateEntryByIdentifiers() {
        Document a = md("a.md").fence(e("misc", "one", "doi", "{10.1000/ABC}"))
                .fence(e("misc", "two", "doi", "{https://doi.org/10.1000/abc}"))
                .fence(e("article", "three", "journal", "{arXiv preprint arXiv:2401.01234}"))
                .fence(e("misc", "four", "eprint", "{2401.01234v2}"))
                .fence(e("misc", "five", "title", "{A {Great} Paper}", "author", "{Smith, John and Doe, J.}"))
                .fence(e("misc", "six", "title", "{A great paper}", "author", "{John Smith}")).build();
        List<Finding> f = new DuplicateEntryCheck().check(List.of(a), Config.DEFAULT);
        assertEquals(3, f.size());
        assertTrue(f.get(0).message().startsWith("Entry 'two' duplicates 'one'"), f.get(0).message());
        assertTrue(f.get(1).message().contains("arXiv"), f.get(1).message());
        assertTrue(f.get(2).message().contains("title"), f.get(2).message());
    }

    @Test
    void duplicateEntryLeavesDuplicateKeyAndDistinctAlone() {
        Document a = bib("a.bib").add(e("misc", "x", "title", "{A}", "doi", "{10.1/a}"),
                e("misc", "X", "title", "{B}", "doi", "{10.1/a}"),
                e("misc", "y", "title", "{Other}", "author", "{Smith}"),
                e("misc", "z", "title", "{Other}", "author", "{Jones}"),
                e("misc", "w", "title", "{Other}")).build();
        assertTrue(new DuplicateEntryCheck().check(List.of(a), Config.DEFAULT).isEmpty());
    }
}
