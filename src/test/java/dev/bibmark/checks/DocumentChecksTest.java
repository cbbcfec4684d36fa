package dev.bibmark.checks;

import static dev.bibmark.checks.Fixtures.bib;
import static dev.bibmark.checks.Fixtures.e;
import static dev.bibmark.checks.Fixtures.md;
import static dev.bibmark.checks.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentChecksTest {
    private static final String[] ARTICLE = {"author", "{A. Smith}", "title", "{T}", "journal", "{J}", "year", "2020"};

    private static List<Finding> run(DocumentCheck c, Document d) {
        return c.check(d, Config.DEFAULT);
    }

    @Test
    void syntaxReportsEachError() {
        Document d = bib("a.bib").error("expected '{'").add(e("article", "x", ARTICLE)).build();
        List<Finding> f = run(new SyntaxCheck(), d);
        assertEquals(1, f.size());
        assertEquals("expected '{'", f.get(0).message());
        assertEquals(0, f.get(0).range().start());
        assertEquals(Code.BIBTEX_SYNTAX, f.get(0).code());
    }

    @Test
    void syntaxCleanHasNone() {
        assertTrue(run(new SyntaxCheck(), bib("a.bib").add(e("article", "x", ARTICLE)).build()).isEmpty());
    }

    @Test
    void missingFieldListsAllMissing() {
        Fixtures.Doc b = bib("a.bib").add(e("article", "x", "title", "{T}"));
        List<Finding> f = run(new MissingFieldCheck(), b.build());
        assertEquals(1, f.size());
        assertEquals("@article 'x' is missing required field(s): author, journal, year", f.get(0).message());
        assertEquals(b.entries.get(0).keyRange(), f.get(0).range());
    }

    @Test
    void missingFieldEitherOrGroups() {
        Document ok = bib("a.bib").add(e("book", "b", "editor", "{E}", "title", "{T}", "publisher", "{P}",
                "year", "1999"), e("inbook", "c", "author", "{A}", "title", "{T}", "pages", "{1--2}",
                "publisher", "{P}", "year", "1999")).build();
        assertTrue(run(new MissingFieldCheck(), ok).isEmpty());
        Document bad = bib("a.bib").add(e("inbook", "c", "title", "{T}", "publisher", "{P}", "year", "1999")).build();
        assertEquals("@inbook 'c' is missing required field(s): author or editor, chapter or pages",
                run(new MissingFieldCheck(), bad).get(0).message());
    }

    @Test
    void missingFieldEmptyCountsAsPresentAndMiscNeedsNothing() {
        Document d = bib("a.bib").add(e("article", "x", "author", "{}", "title", "{T}", "journal", "{ }",
                "year", "2020"), e("misc", "m")).build();
        assertTrue(run(new MissingFieldCheck(), d).isEmpty());
    }

    @Test
    void missingFieldConfigExtrasAndKeylessRange() {
        Config c = new Config(Map.of(), Map.of("misc", List.of(List.of("url", "doi"))), 200);
        Fixtures.Doc b = bib("a.bib").add(e("misc", ""));
        List<Finding> f = new MissingFieldCheck().check(b.build(), c);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().endsWith("url or doi"));
        assertEquals(b.entries.get(0).typeRange(), f.get(0).range());
    }

    @Test
    void emptyField() {
        Fixtures.Doc b = bib("a.bib").add(e("misc", "m", "title", "{ {} }", "note", "\"\"", "year", "2020",
                "month", "jan", "url", "{x}"));
        List<Finding> f = run(new EmptyFieldCheck(), b.build());
        assertEquals(2, f.size());
        assertEquals(b.entries.get(0).fields().get(0).range(), f.get(0).range());
        assertEquals("Field 'note' is empty", f.get(1).message());
    }

    @Test
    void emptyFieldNoneWhenFilled() {
        assertTrue(run(new EmptyFieldCheck(), bib("a.bib").add(e("article", "x", ARTICLE)).build()).isEmpty());
    }

    @Test
    void duplicateFieldOnLaterName() {
        Fixtures.Doc b = bib("a.bib").add(e("misc", "m", "title", "{A}", "Title", "{B}", "TITLE", "{C}"));
        List<Finding> f = run(new DuplicateFieldCheck(), b.build());
        assertEquals(2, f.size());
        BibEntry en = b.entries.get(0);
        assertEquals(en.fields().get(1).nameRange(), f.get(0).range());
        assertEquals("Field 'Title' appears twice; BibTeX keeps the first, jbibtex the last", f.get(0).message());
        assertEquals(en.fields().get(0).nameRange(), f.get(0).related().get(0).range());
    }

    @Test
    void duplicateFieldNoneForDistinct() {
        assertTrue(run(new DuplicateFieldCheck(), bib("a.bib").add(e("article", "x", ARTICLE)).build()).isEmpty());
    }

    @Test
    void unknownTypeSuggestions() {
        Fixtures.Doc b = bib("a.bib").add(e("online", "a"), e("report", "b"), e("artcle", "c"), e("zzzzzz", "d"),
                e("thesis", "e"));
        List<Finding> f = run(new UnknownEntryTypeCheck(), b.build());
        assertEquals(5, f.size());
        assertTrue(f.get(0).message().contains("'@misc'"));
        assertTrue(f.get(1).message().contains("'@techreport'"));
        assertTrue(f.get(2).message().contains("'@article'"));
        assertTrue(f.get(3).message().contains("'@misc'"));
        assertTrue(f.get(4).message().contains("'@phdthesis'"));
        assertEquals(b.entries.get(0).typeRange(), f.get(0).range());
    }

    @Test
    void unknownTypeAcceptsStandardAnyCase() {
        Document d = bib("a.bib").add(e("Article", "x", ARTICLE), e("INPROCEEDINGS", "y"), e("conference", "z")).build();
        assertTrue(run(new UnknownEntryTypeCheck(), d).isEmpty());
    }

    @Test
    void undefinedStringBeforeDefinitionAndUnknown() {
        Fixtures.Doc b = md("a.md").fence(e("article", "x", "journal", "jml", "month", "jan", "note", "{a} # foo"))
                .fence(s("jml", "{J. ML}"), e("article", "y", "journal", "JML"));
        List<Finding> f = run(new UndefinedStringCheck(), b.build());
        assertEquals(2, f.size());
        assertTrue(f.get(0).message().startsWith("String 'jml' is not defined"));
        assertEquals(b.entries.get(0).fields().get(0).value().parts().get(0).range(), f.get(0).range());
        assertTrue(f.get(1).message().startsWith("String 'foo'"));
    }

    @Test
    void undefinedStringNoneWhenDefinedEarlier() {
        Document d = bib("a.bib").add(s("jml", "{J}"), s("j2", "jml # { x}"), e("article", "y", "journal", "j2",
                "month", "Dec")).build();
        assertTrue(run(new UndefinedStringCheck(), d).isEmpty());
    }

    @Test
    void invalidKeyCharacters() {
        Fixtures.Doc b = bib("a.bib").add(e("misc", "a b"), e("misc", "x,y{"), e("misc", "ok:key-1_2.3/4"));
        List<Finding> f = run(new InvalidKeyCheck(), b.build());
        assertEquals(2, f.size());
        assertEquals(b.entries.get(0).keyRange(), f.get(0).range());
        assertEquals("Key 'x,y{' contains invalid character(s): ',', '{'", f.get(1).message());
    }

    @Test
    void invalidKeyIgnoresMissingKey() {
        assertTrue(run(new InvalidKeyCheck(), bib("a.bib").add(e("misc", "")).build()).isEmpty());
    }
}
