package dev.bibmark.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.bibtex.SyntaxError.Kind;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;

class BibParserTest {

    /** "kind@offset" for every error, to compare positions exactly. */
    private static List<String> errors(String text) {
        return BibParser.parse(text).errors().stream().map(e -> e.kind() + "@" + e.range().start()).toList();
    }

    @Test
    void parsesEntryWithExactRanges() {
        String t = "@article{k1,\n  title = {A {B} c},\n  year = 2020,\n  month = jan\n}\n";
        BibFile f = BibParser.parse(t);
        assertEquals(List.of(), f.errors());
        BibEntry e = f.entries().get(0);
        assertEquals("article", e.type());
        assertEquals("k1", t.substring(e.keyRange().start(), e.keyRange().end()));
        assertEquals(3, e.fields().size());
        BibField title = e.fields().get(0);
        assertEquals("title", t.substring(title.nameRange().start(), title.nameRange().end()));
        assertEquals("{A {B} c}", t.substring(title.value().range().start(), title.value().range().end()));
        assertEquals("A {B} c", title.value().raw());
        assertTrue(e.fields().get(1).value().parts().get(0) instanceof BibValue.Number);
        assertTrue(e.fields().get(2).value().parts().get(0) instanceof BibValue.Macro);
        assertEquals("January", e.fields().get(2).value().resolve(Map.of()));
        assertTrue(e.closed());
        assertEquals(t.lastIndexOf('}') + 1, e.range().end());
    }

    /**
     * BibTeX's scanner (and btparse's) counts braces and ends a quoted value at a '"' of depth 0 whatever precedes
     * them: a backslash escapes nothing (found by QA: "C:\" was an unterminated string, "Sch\"on" passed).
     */
    @Test
    void aBackslashEscapesNothingInsideValues() {
        BibFile ok = BibParser.parse("@article{q, title = \"C:\\\", author = {A\\}, year = 2000}\n");
        assertEquals(List.of(), ok.errors());
        assertEquals(List.of("title", "author", "year"), ok.entries().get(0).fields().stream().map(BibField::name).toList());
        assertEquals("C:\\", ((BibValue.Quoted) ok.entries().get(0).fieldOrNull("title").value().parts().get(0)).text());
        BibFile bad = BibParser.parse("@article{q, title = \"Sch\\\"on\", year = 2000}\n");
        assertTrue(!bad.errors().isEmpty(), "a quote after a backslash ends the value, as in BibTeX");
        BibFile closed = BibParser.parse("@misc{b, title = {\\{Set\\}}, note = {\\}\n}\n");
        assertEquals(List.of(), closed.errors(), "{\\} is a whole value in BibTeX");
        BibFile braced = BibParser.parse("@misc{b, title = {T}, note = {a\\{b}\n}\n@misc{c, title = {T}}\n");
        assertEquals(List.of("b", "c"), braced.entries().stream().map(BibEntry::key).toList());
        assertTrue(!braced.errors().isEmpty(), "{a\\{b} never closes in BibTeX");
    }

    /**
     * A '%' comment line inside an entry is one finding on the comment, and the fields around it are read (found by
     * QA: the parser read on to the next comma, reported that comma as extra, and --fix deleted it).
     */
    @Test
    void aPercentCommentInsideAnEntryIsOneFindingAndTheFieldsAreRead() {
        String t = "@misc{k,\n  title={T},\n% comment line\n  author={A},\n% comment line\n  year=2000,\n}\n";
        BibFile f = BibParser.parse(t);
        assertEquals(List.of(Kind.COMMENT_IN_ENTRY, Kind.COMMENT_IN_ENTRY), f.errors().stream().map(SyntaxError::kind).toList());
        assertEquals(t.indexOf("% comment"), f.errors().get(0).range().start());
        assertEquals(t.indexOf("% comment") + "% comment line".length(), f.errors().get(0).range().end());
        assertEquals(List.of("title", "author", "year"), f.entries().get(0).fields().stream().map(BibField::name).toList());
        assertTrue(f.entries().get(0).closed());
    }

    @Test
    void stringsConcatenationAndParens() {
        String t = "@string(jmlr = \"Journal of ML\")\n@misc(k, journal = jmlr # { Research}, note = \"a {\"} b\")";
        BibFile f = BibParser.parse(t);
        assertEquals(List.of(), f.errors());
        assertEquals("jmlr", f.strings().get(0).name());
        BibEntry e = f.entries().get(0);
        Map<String, String> macros = Map.of("jmlr", f.strings().get(0).value().resolve(Map.of()));
        assertEquals("Journal of ML Research", e.field("journal").orElseThrow().value().resolve(macros));
        assertEquals("a {\"} b", e.field("note").orElseThrow().value().raw());
    }

    @Test
    void commentPreambleAndIncludeNeverFollowed() {
        String t = "@comment{ignored {nested} @article{x, } }\n@preamble{\"\\newcommand\"}\n@include{/etc/passwd}\n@misc{m, title={T}}";
        BibFile f = BibParser.parse(t);
        assertEquals(1, f.entries().size());
        assertEquals("m", f.entries().get(0).key());
        assertEquals(List.of("INCLUDE@" + t.indexOf("@include")), errors(t));
        assertTrue(f.objects().stream().anyMatch(o -> o instanceof Include i && i.path().equals("/etc/passwd")));
    }

    @Test
    void missingCommaBetweenFieldsPointsAtTheEndOfTheValue() {
        String t = "@article{k,\n  title = {T}\n  year = {2020}\n}";
        assertEquals(List.of("EXPECTED_COMMA@" + (t.indexOf("{T}") + 3)), errors(t));
        assertEquals(2, BibParser.parse(t).entries().get(0).fields().size());
    }

    @Test
    void missingCommaAfterKey() {
        String t = "@article{k\n  title = {T}}";
        assertEquals(List.of("EXPECTED_COMMA@10"), errors(t));
        assertEquals("k", BibParser.parse(t).entries().get(0).key());
    }

    @Test
    void missingEqualsAndMissingValue() {
        assertEquals(List.of("EXPECTED_EQUALS@17"), errors("@article{k, title {T}}"));
        assertEquals(List.of("EXPECTED_VALUE@20"), errors("@article{k, title = , year = 1}"));
    }

    @Test
    void missingKey() {
        String t = "@article{title = {T}, year = 2020}";
        BibFile f = BibParser.parse(t);
        assertEquals(List.of("EXPECTED_KEY@9"), errors(t));
        assertEquals("", f.entries().get(0).key());
        assertEquals(2, f.entries().get(0).fields().size());
    }

    @Test
    void unbalancedBraceDoesNotHideTheNextEntry() {
        String t = "@article{a,\n  title = {A {B},\n  year = 2020\n}\n@misc{b, title = {ok}}\n";
        BibFile f = BibParser.parse(t);
        assertEquals(List.of("UNBALANCED_BRACES@" + t.indexOf("{A")), errors(t));
        assertEquals(List.of("a", "b"), f.entries().stream().map(BibEntry::key).toList());
    }

    @Test
    void unterminatedEntryAndString() {
        String t = "@article{a,\n  title = {A}\n@misc{b, note = \"open}\n";
        BibFile f = BibParser.parse(t);
        assertEquals(List.of("UNTERMINATED_ENTRY@" + (t.indexOf("{A}") + 3), "UNTERMINATED_STRING@" + t.indexOf('"')), errors(t));
        assertEquals(2, f.entries().size());
        assertFalse(f.entries().get(0).closed());
    }

    @Test
    void extraClosingBraceReportsTheOrphanedFields() {
        String t = "@article{a,\n  title = {A}},\n  year = 2020\n}\n";
        assertEquals(List.of("UNBALANCED_BRACES@" + (t.indexOf("}},") + 1)), errors(t));
    }

    @Test
    void strayAtSignsAndFreeTextAreIgnored() {
        String t = "Mail me at a@b.com.\n@misc{m, title={T}}\ntrailing words";
        BibFile f = BibParser.parse(t);
        assertEquals(List.of(), f.errors());
        assertEquals(1, f.entries().size());
    }

    @Test
    void duplicateFieldsAreKeptInOrder() {
        BibEntry e = BibParser.parse("@misc{m, title={A}, TITLE={B}}").entries().get(0);
        assertEquals(2, e.fields().size());
        assertEquals("A", e.field("title").orElseThrow().value().raw());
    }

    @Test
    void neverThrowsOnRandomInput() {
        Random r = new Random(7);
        String alphabet = "@{}()\",=#% \n\r\tabc12";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(60);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            BibFile f = BibParser.parse(s);
            for (SyntaxError e : f.errors()) {
                assertTrue(e.range().end() <= s.length(), s);
                assertFalse(e.message().startsWith("Internal"), s + " -> " + e.message());
            }
        }
    }

    /** On valid input, our values equal jbibtex's (the oracle). */
    @Test
    void valuesEqualJbibtexOnValidInput() throws Exception {
        String t = """
                @string{pub = "Pub"}
                @article{lindner2023tracr,
                  title={Tracr: Compiled transformers as a laboratory for interpretability},
                  author={Lindner, David and Kram{\\'a}r, J{\\'a}nos},
                  journal={arXiv preprint arXiv:2301.05062},
                  publisher = pub # " House",
                  year={2023},
                  month = feb
                }
                @inproceedings{novak2022fast,
                  title = "Fast finite width neural tangent {K}ernel",
                  pages={17018--17044},
                  year=2022,
                }
                """;
        BibTeXDatabase db = new org.jbibtex.BibTeXParser().parse(new StringReader(t));
        BibFile ours = BibParser.parse(t);
        assertEquals(List.of(), ours.errors());
        Map<String, String> macros = new HashMap<>();
        for (StringDef d : ours.strings()) {
            macros.put(d.name().toLowerCase(), d.value().resolve(macros));
        }
        for (BibEntry e : ours.entries()) {
            BibTeXEntry theirs = db.resolveEntry(new Key(e.key()));
            for (BibField f : e.fields()) {
                assertEquals(theirs.getField(new Key(f.name())).toUserString(), f.value().resolve(macros), f.name());
            }
        }
    }
}
