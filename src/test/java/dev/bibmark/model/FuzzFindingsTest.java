package dev.bibmark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibParser;
import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.markdown.Citation;
import dev.bibmark.markdown.Heading;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bugs fuzzing and the random properties found, one readable case each (their raw inputs also sit in the fuzz
 * targets' Inputs/ folders).
 */
class FuzzFindingsTest {
    private static List<String> keys(BibFile f) {
        return f.entries().stream().map(BibEntry::key).toList();
    }

    @Test
    void aCommentNeverHidesTheEntryOnTheNextLine() {
        assertEquals(List.of("inside"), keys(BibParser.parse("@comment{\n@article{inside, title={t}}\n}\n")));
        assertEquals(List.of("next"), keys(BibParser.parse("@comment\n@misc{next}\n")));
    }

    @Test
    void skippedTextWithAnOpenBraceNeverHidesTheNextEntry() {
        String t = "@article{a, title = {x},\n\u00e9book{next, title = \"open\n@misc{third}\n";
        assertTrue(keys(BibParser.parse(t)).contains("third"), keys(BibParser.parse(t)).toString());
    }

    @Test
    void anErrorRangeNeverSplitsASurrogatePair() {
        String t = "@misc{k, title = \uD83D\uDE00}";
        SyntaxError e = BibParser.parse(t).errors().get(0);
        assertEquals("\uD83D\uDE00", t.substring(e.range().start(), e.range().end()));
        assertTrue(e.message().contains("\uD83D\uDE00"), e.message());
    }

    @Test
    void nulInAFenceStaysNulSoTheKeyIsTheTextAtItsRange() {
        String t = "```bibtex\n@misc{a\0b, title = {T}}\n```\n";
        BibEntry e = Documents.parse("n.md", t).entries().get(0);
        assertEquals("a\0b", e.key());
        assertEquals(e.key(), t.substring(e.keyRange().start(), e.keyRange().end()));
        // An edit typing NUL into a block gives what a full parse gives.
        Document d = Documents.parse("n.md", "```bibtex\n@misc{ab}\n```\n");
        Document edited = Documents.edit(d, 17, 17, "\0");
        assertEquals(Documents.parse("n.md", edited.text()).blocks(), edited.blocks());
    }

    @Test
    void anEditThatJoinsBackticksIntoAClosingFenceIsReparsedInFull() {
        String t = "```bibtex\n@misc{a}\n`x``\n@misc{b}\n```\n";
        Document d = Documents.parse("e.md", t);
        int x = t.indexOf("`x") + 1;
        Document edited = Documents.edit(d, x, x + 1, "");
        Document full = Documents.parse("e.md", edited.text());
        assertEquals(full.markdownIndex(), edited.markdownIndex());
        assertEquals(List.of("a"), edited.entries().stream().map(BibEntry::key).toList());
        // Removing the indentation that kept a run from closing the fence.
        String indented = "```bibtex\n@misc{a}\n    ```\n@misc{b}\n```\n";
        Document d2 = Documents.parse("e.md", indented);
        int sp = indented.indexOf("    ```");
        Document e2 = Documents.edit(d2, sp, sp + 1, "");
        assertEquals(Documents.parse("e.md", e2.text()).markdownIndex(), e2.markdownIndex());
    }

    @Test
    void citationAndStatusRangesHoldTheirTextWithControlCharacters() {
        String t = "# T [`\u0001x`]\n\nSee \\cite{a,\0 b} and \\cite{c,\nd}\n";
        Document d = Documents.parse("c.md", t);
        Heading h = d.markdownIndex().headings().get(0);
        assertEquals(h.status(), t.substring(h.statusRange().start(), h.statusRange().end()));
        for (Citation c : d.markdownIndex().citations()) {
            assertEquals(c.key(), t.substring(c.keyRange().start(), c.keyRange().end()));
        }
    }

    @Test
    void anEditInAnIndentedFenceStripsItsIndentationLikeAFullParse() {
        String t = "  ```bibtex\n@misc{a}\nx\n\n## Q\n  ```\n";
        Document d = Documents.parse("i.md", t);
        int x = t.indexOf("\nx\n") + 1;
        Document edited = Documents.edit(d, x, t.indexOf("##") + 2, "@misc{n,\n");
        assertEquals(Documents.parse("i.md", edited.text()).markdownIndex(), edited.markdownIndex());
        assertEquals(Documents.parse("i.md", edited.text()).blocks(), edited.blocks());
    }
}
