package dev.bibmark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bibmark.model.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldingTest {
    /** "KIND firstLine-lastLine" (1-based, inclusive), as an editor folds them. */
    private static List<String> folds(Document d) {
        return Folding.of(d).stream().map(f -> f.kind() + " " + (d.lines().line(f.range().start()) + 1) + "-"
                + (d.lines().line(f.range().end()) + 1)).toList();
    }

    @Test
    void sectionsFoldToBeforeTheNextHeadingOfTheSameOrHigherLevel() {
        Document d = Fixture.of("""
                # List

                ## Part one

                #### Paper A [`READ`]

                ```bibtex
                @misc{a, title = {A}}
                ```

                #### Paper B

                text

                ## Part two
                #### Paper C
                # One-line heading
                """).doc("papers.md");
        assertEquals(List.of(
                "SECTION 1-16",
                "SECTION 3-13",
                "SECTION 5-9",
                "BLOCK 7-9",
                "SECTION 11-13",
                "SECTION 15-16"), folds(d));
    }

    @Test
    void aFenceWithSeveralEntriesFoldsEachMultiLineEntry() {
        Document d = Fixture.of("""
                ```bibtex
                @misc{a,
                  title = {A}}
                @misc{b, title = {B}}
                ```
                """).doc("papers.md");
        assertEquals(List.of("BLOCK 1-5", "ENTRY 2-3"), folds(d));
    }

    @Test
    void bibFilesFoldEntries() {
        Document d = Fixture.of("""
                //- refs.bib
                @article{k1,
                  title = {One},
                  year = 2020
                }

                @misc{k2, title = {Two}}
                """).doc("refs.bib");
        assertEquals(List.of("ENTRY 1-4"), folds(d));
    }

    @Test
    void nothingToFoldInPlainProse() {
        assertEquals(List.of(), Folding.of(Fixture.of("one line\nanother line\n").doc("papers.md")));
    }
}
