package dev.bibmark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenameTest {
    private static final String TWO_FILES = """
            //- list.md
            #### Attention Is All You Need [`READ`]

            ```bibtex
            @inproceedings{vas$0wani2017,
              title = {Attention is all you need},
              year = {2017}
            }
            ```

            #### BERT [`UNREAD`]

            ```bibtex
            @article{devlin2018, title = {BERT}}
            ```
            //- notes.md
            # Notes

            Both \\cite{devlin2018, vaswani2017} and [@Vaswani2017; @devlin2018] matter; so does @vaswani2017.

            ```bibtex
            @incollection{chapter, crossref = {vaswani2017}, title = {A chapter}}
            ```
            """;

    /** The texts after applying the rename's edits. */
    private static Map<String, String> apply(List<Document> docs, Rename.Result r) {
        assertTrue(r.ok(), r.error());
        java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
        for (Map.Entry<String, List<Edit>> e : r.edits().entrySet()) {
            Document d = docs.stream().filter(x -> x.path().equals(e.getKey())).findFirst().orElseThrow();
            out.put(e.getKey(), Edit.apply(d.text(), e.getValue()));
        }
        return out;
    }

    @Test
    void renamesTheEntryAndEveryCitationInBothFiles() {
        Fixture f = Fixture.of(TWO_FILES);
        Rename.Result r = Rename.rename(f.docs(), f.cursorDocument(), f.cursor(), "vaswani2017attention");
        Map<String, String> after = apply(f.docs(), r);
        assertEquals(List.of("list.md", "notes.md"), List.copyOf(after.keySet()));
        assertEquals(1, r.edits().get("list.md").size());
        assertEquals(4, r.edits().get("notes.md").size());
        assertTrue(after.get("list.md").contains("@inproceedings{vaswani2017attention,\n"));
        assertTrue(after.get("list.md").contains("@article{devlin2018, title = {BERT}}"));
        assertTrue(after.get("notes.md").contains(
                "Both \\cite{devlin2018, vaswani2017attention} and [@vaswani2017attention; @devlin2018] matter; "
                        + "so does @vaswani2017attention."));
        assertTrue(after.get("notes.md").contains("crossref = {vaswani2017attention}"));
        // Nothing of the old key is left anywhere.
        for (String text : after.values()) {
            assertFalse(text.toLowerCase().matches("(?s).*vaswani2017[^a].*"), text);
        }
        // The renamed workspace parses to the same links: the citations now find the entry.
        Document notes = Documents.parse("notes.md", after.get("notes.md"));
        Document list = Documents.parse("list.md", after.get("list.md"));
        assertEquals(4, References.references(List.of(list, notes), "vaswani2017attention", false).size());
    }

    @Test
    void renameFromACitationInTheOtherFileGivesTheSameEdits() {
        Fixture f = Fixture.of(TWO_FILES);
        Document notes = f.doc("notes.md");
        int inCite = notes.text().indexOf("vaswani2017}");
        Rename.Result fromCite = Rename.rename(f.docs(), notes, inCite, "vaswani2017attention");
        Rename.Result fromEntry = Rename.rename(f.docs(), f.cursorDocument(), f.cursor(), "vaswani2017attention");
        assertEquals(fromEntry.edits(), fromCite.edits());
        int inCrossref = notes.text().indexOf("{vaswani2017}") + 1;
        assertEquals(fromEntry.edits(), Rename.rename(f.docs(), notes, inCrossref, "vaswani2017attention").edits());
    }

    /** BibLaTeX's {@code xref} and {@code related} links are renamed with the entry, inside a list of keys too. */
    @Test
    void xrefAndRelatedLinksAreRenamed() {
        Fixture f = Fixture.of("""
                //- refs.bib
                @book{wh$0ole, title = {Whole}}
                @inbook{part, xref = {whole}, title = {Part}}
                @article{review, related = {other, Whole ,x}, title = {Review}}
                """);
        Rename.Result r = Rename.rename(f.docs(), f.cursorDocument(), f.cursor(), "whole2020");
        assertEquals("""
                @book{whole2020, title = {Whole}}
                @inbook{part, xref = {whole2020}, title = {Part}}
                @article{review, related = {other, whole2020 ,x}, title = {Review}}
                """, apply(f.docs(), r).get("refs.bib"));
        // From the related list, the same rename.
        Document refs = f.doc("refs.bib");
        int inRelated = refs.text().indexOf("Whole ,") + 2;
        assertEquals(r.edits(), Rename.rename(f.docs(), refs, inRelated, "whole2020").edits());
    }

    @Test
    void prepareGivesTheKeyRangeOrAnError() {
        Fixture f = Fixture.of(TWO_FILES);
        Rename.Preparation p = Rename.prepare(f.cursorDocument(), f.cursor());
        assertTrue(p.ok());
        assertEquals("vaswani2017", p.placeholder());
        assertEquals("list.md:4:16 vaswani2017", Fixture.show(f.cursorDocument(), p.range()));
        Rename.Preparation none = Rename.prepare(f.cursorDocument(), f.cursorDocument().text().indexOf("Attention"));
        assertFalse(none.ok());
        assertNull(none.range());
        assertTrue(none.error().contains("citation key"), none.error());
    }

    @Test
    void refusesAnInvalidKey() {
        Fixture f = Fixture.of(TWO_FILES);
        for (String bad : List.of("has space", "a,b", "x{y}", "50%", "back\\slash", "")) {
            Rename.Result r = Rename.rename(f.docs(), f.cursorDocument(), f.cursor(), bad);
            assertFalse(r.ok(), bad);
            assertTrue(r.edits().isEmpty());
        }
        assertEquals("Key 'has space' contains invalid character(s): whitespace",
                Rename.rename(f.docs(), f.cursorDocument(), f.cursor(), "has space").error());
    }

    @Test
    void refusesAKeyTakenByAnotherPaperInAnyCase() {
        Fixture f = Fixture.of(TWO_FILES);
        Rename.Result r = Rename.rename(f.docs(), f.cursorDocument(), f.cursor(), "Devlin2018");
        assertFalse(r.ok());
        assertEquals("The key 'Devlin2018' is already used by @article{devlin2018} in list.md:13", r.error());
        assertFalse(Rename.rename(f.docs(), f.cursorDocument(), f.cursor(), "chapter").ok());
    }

    @Test
    void aCaseOnlyChangeIsAllowedButNotTheSameKey() {
        Fixture f = Fixture.of(TWO_FILES);
        Rename.Result same = Rename.rename(f.docs(), f.cursorDocument(), f.cursor(), "vaswani2017");
        assertFalse(same.ok());
        Rename.Result cased = Rename.rename(f.docs(), f.cursorDocument(), f.cursor(), "Vaswani2017");
        assertTrue(cased.ok(), cased.error());
        assertEquals(5, cased.edits().values().stream().mapToInt(List::size).sum());
    }

    @Test
    void aBarePandocCitationGetsBracesWhenTheNewKeyNeedsThem() {
        Fixture f = Fixture.of("""
                See @old$0key and [@{oldkey}].

                ```bibtex
                @misc{oldkey, title = {T}}
                ```
                """);
        Rename.Result r = Rename.rename(f.docs(), f.cursorDocument(), f.cursor(), "new.key.");
        String after = apply(f.docs(), r).get("papers.md");
        assertTrue(after.startsWith("See @{new.key.} and [@{new.key.}]."), after);
        assertTrue(after.contains("@misc{new.key., title"), after);
        Document reparsed = Documents.parse("papers.md", after);
        assertEquals(List.of("new.key.", "new.key."),
                reparsed.markdownIndex().citations().stream().map(c -> c.key()).toList());
    }

    @Test
    void usesTheCurrentSnapshotOverTheWorkspaceCopy() {
        Fixture f = Fixture.of(TWO_FILES);
        Document edited = Documents.parse("notes.md", f.doc("notes.md").text() + "\nAlso [@vaswani2017].\n");
        Rename.Result r = Rename.rename(f.docs(), edited, edited.text().lastIndexOf("vaswani2017"), "v17");
        assertTrue(r.ok(), r.error());
        assertEquals(5, r.edits().get("notes.md").size());
        String after = Edit.apply(edited.text(), r.edits().get("notes.md"));
        assertTrue(after.endsWith("Also [@v17].\n"), after);
    }

    @Test
    void anUndefinedKeyRenamesItsCitations() {
        Fixture f = Fixture.of("""
                //- a.md
                See [@tpyo$02020] and \\cite{tpyo2020}.
                //- b.md
                Again @tpyo2020.
                """);
        Rename.Result r = Rename.rename(f.docs(), f.cursorDocument(), f.cursor(), "typo2020");
        Map<String, String> after = apply(f.docs(), r);
        assertEquals("See [@typo2020] and \\cite{typo2020}.\n", after.get("a.md"));
        assertEquals("Again @typo2020.\n", after.get("b.md"));
    }

    @Test
    void validateFollowsTheInvalidKeyRules() {
        assertNull(Rename.validate("smith2020:deep-learning_v2"));
        assertEquals("Key 'a#b' contains invalid character(s): '#'", Rename.validate("a#b"));
        assertEquals("The new key is empty", Rename.validate(""));
    }
}
