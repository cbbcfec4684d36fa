package dev.bibmark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bibmark.model.Document;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeLensesTest {
    private static final String LIST = """
            //- list.md
            # Reading list

            ## Transformers

            #### Attention [`READ`]

            ```bibtex
            @misc{vaswani2017, title = {Attention}}
            ```

            #### BERT [`UNREAD`]

            ```bibtex
            @misc{devlin2018, title = {BERT}}
            ```

            #### GPT [`SKIMMED`]

            ## Empty section

            Nothing here yet.
            //- notes.md
            See [@vaswani2017], \\cite{Vaswani2017} and [@devlin2018].

            ```bibtex
            @incollection{part, crossref = {vaswani2017}}
            ```
            """;

    private static List<String> lenses(Document d, List<Document> ws, Set<String> read) {
        return CodeLenses.of(d, ws, read).stream().map(l -> Fixture.show(d, l.range()).split("\n")[0] + " | " + l.title())
                .toList();
    }

    @Test
    void sectionsCountPapersAndReadOnesAndEntriesCountCitations() {
        Fixture f = Fixture.of(LIST);
        assertEquals(List.of(
                "list.md:1:1 # Reading list | 3 papers · 1 read",
                "list.md:3:1 ## Transformers | 3 papers · 1 read",
                "list.md:8:7 vaswani2017 | cited 3 times",
                "list.md:14:7 devlin2018 | cited 1 time"), lenses(f.doc("list.md"), f.docs(), CodeLenses.DEFAULT_READ));
    }

    @Test
    void theReadSetIsConfigurable() {
        Fixture f = Fixture.of(LIST);
        assertEquals("list.md:3:1 ## Transformers | 3 papers · 2 read",
                lenses(f.doc("list.md"), f.docs(), Set.of("read", "skimmed")).get(1));
    }

    @Test
    void aListWithoutStatusTagsCountsPapersOnly() {
        Fixture f = Fixture.of("# Code\n\n#### A\n\npaper link: [here](https://arxiv.org/abs/2107.03374)\n\n#### B\n\n"
                + "```bibtex\n@misc{b, title = {B}}\n```\n");
        assertEquals(List.of("papers.md:1:1 # Code | 2 papers"), lenses(f.doc("papers.md"), f.docs(), CodeLenses.DEFAULT_READ));
    }

    @Test
    void noLensForUncitedEntriesOrSectionsWithoutPapers() {
        Fixture f = Fixture.of(LIST);
        assertEquals(List.of(), lenses(f.doc("notes.md"), f.docs(), CodeLenses.DEFAULT_READ));
        Fixture alone = Fixture.of("# Notes\n\n```bibtex\n@misc{a, title = {A}}\n@misc{b, title = {B}}\n```\n");
        assertEquals(List.of(), lenses(alone.doc("papers.md"), alone.docs(), CodeLenses.DEFAULT_READ));
    }
}
