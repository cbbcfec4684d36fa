package dev.bibmark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolsTest {
    private static final String LIST = """
            ```bibtex
            @misc{loose2020, title = {Before any heading}, year = 2020}
            ```

            # Deep learning

            ## Transformers

            #### Attention Is All You Need [`READ`]

            paper link: [here](https://arxiv.org/abs/1706.03762)

            ```bibtex
            @inproceedings{vaswani2017, title = {Attention is all you need},
              author = {Vaswani, Ashish and Shazeer, Noam}, year = {2017}}
            ```

            #### Kramár's survey [`UNREAD`]

            #### No tag, one entry

            ```bibtex
            @article{solo2019, title = {Solo}, author = {Kram{\\'a}r, J{\\'a}nos}, date = {2019-05-01}}
            ```

            ## Collected

            ```bibtex
            @book{a2001, title = {Alpha}}
            @book{b2002, title = {Beta}}
            ```
            """;

    /** The tree as indented "KIND name — detail" lines. */
    private static List<String> tree(List<Symbols.Symbol> symbols) {
        List<String> out = new ArrayList<>();
        walk(symbols, "", out);
        return out;
    }

    private static void walk(List<Symbols.Symbol> symbols, String indent, List<String> out) {
        for (Symbols.Symbol s : symbols) {
            out.add(indent + s.kind() + " " + s.name() + (s.detail().isEmpty() ? "" : " — " + s.detail()));
            walk(s.children(), indent + "  ", out);
        }
    }

    @Test
    void markdownOutlineIsTheHeadingTreeWithPapers() {
        Document d = Fixture.of(LIST).doc("papers.md");
        assertEquals(List.of(
                "ENTRY loose2020 — Before any heading · 2020",
                "SECTION Deep learning — 3 papers",
                "  SECTION Transformers — 3 papers",
                "    PAPER Attention Is All You Need — vaswani2017 · 2017 · READ",
                "    PAPER Kramár's survey — UNREAD",
                "    PAPER No tag, one entry — solo2019 · 2019",
                "  SECTION Collected",
                "    ENTRY a2001 — Alpha",
                "    ENTRY b2002 — Beta"), tree(Symbols.documentSymbols(d)));
    }

    @Test
    void rangesNestAndSelectionIsTheHeadingTitle() {
        Document d = Fixture.of(LIST).doc("papers.md");
        List<Symbols.Symbol> roots = Symbols.documentSymbols(d);
        Symbols.Symbol deep = roots.get(1);
        Symbols.Symbol attention = deep.children().get(0).children().get(0);
        assertEquals("Attention Is All You Need", d.text().substring(attention.selection().start(), attention.selection().end()));
        String section = d.text().substring(attention.range().start(), attention.range().end());
        assertTrue(section.startsWith("#### Attention") && section.endsWith("```\n\n"), section);
        assertNested(roots, null);
    }

    private static void assertNested(List<Symbols.Symbol> symbols, Symbols.Symbol parent) {
        for (Symbols.Symbol s : symbols) {
            assertTrue(s.range().start() <= s.selection().start() && s.selection().end() <= s.range().end(), s.name());
            if (parent != null) {
                assertTrue(parent.range().start() <= s.range().start() && s.range().end() <= parent.range().end(), s.name());
            }
            assertNested(s.children(), s);
        }
    }

    @Test
    void bibFileOutlineIsItsEntries() {
        Document d = Fixture.of("""
                //- refs.bib
                @string{nips = {NeurIPS}}
                @inproceedings{k1, title = {One}, booktitle = nips, year = 2021}
                @article{k2, title = {Two}}
                """).doc("refs.bib");
        assertEquals(List.of("STRING nips — {NeurIPS}", "ENTRY k1 — One · 2021", "  FIELD title — {One}",
                "  FIELD booktitle — nips", "  FIELD year — 2021", "ENTRY k2 — Two", "  FIELD title — {Two}"),
                tree(Symbols.documentSymbols(d)));
        // Every child inside its parent, every selection inside its symbol (LSP requires both), also for an entry
        // that is never closed.
        Document open = Fixture.of("//- o.bib\n@misc{k, title = {T},\n  note = {a\n@string{s = {x}}\n").doc("o.bib");
        for (Document doc : List.of(d, open)) {
            for (Symbols.Symbol sym : Symbols.documentSymbols(doc)) {
                assertTrue(sym.range().start() <= sym.selection().start() && sym.selection().end() <= sym.range().end());
                for (Symbols.Symbol c : sym.children()) {
                    assertTrue(sym.range().start() <= c.range().start() && c.range().end() <= sym.range().end(), c.toString());
                    assertTrue(c.range().start() <= c.selection().start() && c.selection().end() <= c.range().end());
                }
            }
        }
    }

    /** A long .bib file's outline lists its entries without their fields (it is asked for after every change). */
    @Test
    void aLongBibFileHasItsEntriesWithoutFields() {
        for (int n : new int[] {Symbols.MAX_ENTRIES_WITH_FIELDS, Symbols.MAX_ENTRIES_WITH_FIELDS + 1}) {
            StringBuilder sb = new StringBuilder("@string{s = {S}}\n");
            for (int i = 0; i < n; i++) {
                sb.append("@misc{k").append(i).append(", title = {T").append(i).append("}, note = s}\n");
            }
            List<Symbols.Symbol> symbols = Symbols.documentSymbols(Documents.parse("long.bib", sb.toString()));
            assertEquals(n + 1, symbols.size());
            assertEquals(Symbols.Kind.STRING, symbols.get(0).kind());
            assertEquals(n <= Symbols.MAX_ENTRIES_WITH_FIELDS ? 2 : 0, symbols.get(1).children().size(), "entries: " + n);
        }
    }

    @Test
    void noHeadingsNoEntriesNoSymbols() {
        assertEquals(List.of(), Symbols.documentSymbols(Fixture.of("Just prose, no list.\n").doc("papers.md")));
    }

    private static List<String> search(List<Document> ws, String q) {
        return Symbols.workspaceSymbols(ws, q).stream().map(s -> s.kind() + " " + s.name() + " — " + s.detail()).toList();
    }

    @Test
    void workspaceSymbolsFindByKeyTitleWordsAndAuthor() {
        Fixture f = Fixture.of("//- papers.md\n" + LIST + "//- other.bib\n@article{vaswani2019other, title = {Other}}\n");
        List<Document> ws = f.docs();
        assertEquals(List.of("PAPER Attention Is All You Need — vaswani2017 · 2017 · READ",
                "ENTRY Other — vaswani2019other"), search(ws, "vaswani"));
        assertEquals(List.of("PAPER Attention Is All You Need — vaswani2017 · 2017 · READ"), search(ws, "attention NEED"));
        assertEquals(List.of("PAPER Attention Is All You Need — vaswani2017 · 2017 · READ"), search(ws, "shazeer"));
        // Accents fold both ways: the LaTeX-decoded author and the heading.
        assertEquals(List.of("PAPER Kramár's survey — UNREAD", "PAPER No tag, one entry — solo2019 · 2019"),
                search(ws, "kramar"));
        assertEquals(List.of("PAPER Attention Is All You Need — vaswani2017 · 2017 · READ"), search(ws, "vswn17"));
        assertEquals(List.of("ENTRY Alpha — a2001"), search(ws, "alpha"));
        assertEquals(List.of(), search(ws, "quantum"));
        assertEquals(List.of(), search(ws, "attention quantum"));
    }

    @Test
    void emptyQueryListsEveryPaperAndEntryUpToTheCap() {
        Fixture f = Fixture.of(LIST);
        assertEquals(6, Symbols.workspaceSymbols(f.docs(), "").size());
        StringBuilder big = new StringBuilder("//- big.bib\n");
        for (int i = 0; i < Symbols.WORKSPACE_LIMIT + 20; i++) {
            big.append("@misc{key").append(i).append(", title = {Paper ").append(i).append("}}\n");
        }
        assertEquals(Symbols.WORKSPACE_LIMIT, Symbols.workspaceSymbols(Fixture.of(big.toString()).docs(), "key").size());
    }
}
