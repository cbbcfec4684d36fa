package dev.bibmark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.model.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {
    private static final String WORKSPACE = """
            //- a.md
            # Transformers

            #### Attention Is All You Need [`READ`]

            ```bibtex
            @inproceedings{Vaswani2017,
              title = {Attention is all you need},
              year = {2017}
            }
            ```

            See [@vaswani2017; @devlin2018] and \\citep[p.~3]{other, vaswani2017}.
            //- b.md
            # Notes

            As @VASWANI2017 showed, and `@vaswani2017` in code is not a citation.

            ```bibtex
            @inproceedings{chapter1, crossref = { vaswani2017 }, title = {A chapter}}
            @misc{vaswani2017, title = {A copy with the same key}}
            ```
            //- c.bib
            @book{devlin2018, title = {BERT}}
            """;

    private static List<String> shown(List<References.Occurrence> os) {
        return os.stream().map(o -> Fixture.show(o.doc(), o.range()) + " " + o.kind()).toList();
    }

    @Test
    void keyAtOffsetInEntryCitationAndCrossref() {
        Fixture f = Fixture.of(WORKSPACE);
        Document a = f.doc("a.md");
        Document b = f.doc("b.md");
        int entryKey = a.text().indexOf("Vaswani2017") + 3;
        assertEquals("Vaswani2017 DEFINITION", describe(References.at(a, entryKey).orElseThrow()));
        int inGroup = a.text().indexOf("@devlin2018") + 4;
        assertEquals("devlin2018 CITATION", describe(References.at(a, inGroup).orElseThrow()));
        int onAt = a.text().indexOf("@vaswani2017");
        assertEquals("vaswani2017 CITATION", describe(References.at(a, onAt).orElseThrow()));
        int inCite = a.text().indexOf("other");
        assertEquals("other CITATION", describe(References.at(a, inCite).orElseThrow()));
        int crossref = b.text().indexOf("vaswani2017 }") + 2;
        assertEquals("vaswani2017 CROSSREF", describe(References.at(b, crossref).orElseThrow()));
    }

    @Test
    void noKeyInProseTitlesOrCode() {
        Fixture f = Fixture.of(WORKSPACE);
        Document a = f.doc("a.md");
        Document b = f.doc("b.md");
        assertTrue(References.at(a, a.text().indexOf("Attention Is")).isEmpty());
        assertTrue(References.at(a, a.text().indexOf("title =")).isEmpty());
        assertTrue(References.at(b, b.text().indexOf("`@vaswani2017`") + 3).isEmpty());
    }

    @Test
    void definitionsAreEveryEntryWithTheKeyIgnoringCase() {
        Fixture f = Fixture.of(WORKSPACE);
        assertEquals(List.of("a.md:6:16 Vaswani2017 DEFINITION", "b.md:7:7 vaswani2017 DEFINITION"),
                shown(References.definitions(f.docs(), "vaswani2017")));
        assertEquals(List.of("c.bib:1:7 devlin2018 DEFINITION"), shown(References.definitions(f.docs(), "devlin2018")));
        assertEquals(List.of(), References.definitions(f.docs(), "nobody"));
        References.Occurrence d = References.definitions(f.docs(), "devlin2018").get(0);
        assertEquals("@book{devlin2018, title = {BERT}}", d.doc().text().substring(d.fullRange().start(), d.fullRange().end()));
    }

    @Test
    void referencesAreCitationsAndCrossrefsInEveryFile() {
        Fixture f = Fixture.of(WORKSPACE);
        assertEquals(List.of(
                "a.md:12:7 vaswani2017 CITATION",
                "a.md:12:57 vaswani2017 CITATION",
                "b.md:3:5 VASWANI2017 CITATION",
                "b.md:6:39 vaswani2017 CROSSREF"), shown(References.references(f.docs(), "vaswani2017", false)));
        assertEquals(6, References.references(f.docs(), "Vaswani2017", true).size());
        assertEquals(List.of(), References.references(f.docs(), "chapter1", false));
    }

    @Test
    void highlightsInOneDocumentWithReadAndWrite() {
        Fixture f = Fixture.of("""
                See [@vas$0wani2017] and \\cite{vaswani2017}, not @devlin2018.

                ```bibtex
                @article{vaswani2017, title = {T}}
                ```
                """);
        List<String> hs = References.highlights(f.cursorDocument(), f.cursor()).stream()
                .map(h -> Fixture.show(f.cursorDocument(), h.range()) + " " + h.access()).toList();
        assertEquals(List.of("papers.md:1:7 vaswani2017 READ", "papers.md:1:30 vaswani2017 READ",
                "papers.md:4:10 vaswani2017 WRITE"), hs);
        assertEquals(List.of(), References.highlights(f.cursorDocument(), 2));
    }

    @Test
    void citationCountsIncludeCrossrefs() {
        Fixture f = Fixture.of(WORKSPACE);
        var counts = References.citationCounts(f.docs());
        assertEquals(4, counts.get("vaswani2017"));
        assertEquals(1, counts.get("devlin2018"));
        assertEquals(null, counts.get("chapter1"));
    }

    private static String describe(References.Occurrence o) {
        return o.key() + " " + o.kind();
    }
}
