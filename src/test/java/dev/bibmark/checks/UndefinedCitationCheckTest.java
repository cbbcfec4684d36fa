package dev.bibmark.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code undefined-citation}: which citations are judged, case, other files, crossrefs, config, suppression, fixes. */
class UndefinedCitationCheckTest {
    private static final String LIST = "# Papers\n\n## Attention Is All You Need [`READ`]\n\n```bibtex\n"
            + "@misc{vaswani2017attention, title = {Attention Is All You Need}}\n```\n";

    /** "key@line:col" of each undefined-citation finding over the documents (0-based, as the server sends them). */
    private static List<String> undefined(Config config, Document... docs) {
        List<String> out = new ArrayList<>();
        for (Finding f : Checker.run(List.of(docs), config)) {
            if (f.code() == Code.UNDEFINED_CITATION) {
                Document d = List.of(docs).stream().filter(x -> x.path().equals(f.path())).findFirst().orElseThrow();
                out.add(d.text().substring(f.range().start(), f.range().end()) + "@" + d.lines().line(f.range().start())
                        + ":" + d.lines().character(f.range().start()));
            }
        }
        return out;
    }

    private static List<String> undefined(Document... docs) {
        return undefined(Config.DEFAULT, docs);
    }

    @Test
    void bracketedPandocAndLatexCitationsOfMissingKeys() {
        Document notes = Documents.parse("notes.md", "# Notes\n\n"
                + "Known [@vaswani2017attention], unknown [@vaswani2017], grouped [see @VASWANI2017ATTENTION, p. 3;"
                + " @nobody2020].\n"
                + "Suppressed author [-@ghost1].\n"
                + "LaTeX \\cite{vaswani2017attention, ghost2} and \\citep[p.~3]{ghost3}; \\nocite{*}.\n");
        Document list = Documents.parse("list.md", LIST);
        assertEquals(List.of("vaswani2017@2:41", "nobody2020@2:98", "ghost1@3:21", "ghost2@4:34", "ghost3@4:59"),
                undefined(notes, list));
        Finding f = Checker.run(List.of(notes, list), Config.DEFAULT).stream()
                .filter(x -> x.code() == Code.UNDEFINED_CITATION).findFirst().orElseThrow();
        assertEquals("Citation key 'vaswani2017' is not the key of any entry", f.message());
        assertEquals(Severity.WARNING, f.severity());
    }

    /** Quarto's and pandoc-crossref's cross-references look like citations but never are (found by QA round 2). */
    @Test
    void crossReferencesAreNotCitations() {
        Document d = Documents.parse("paper.qmd", "# Paper\n\nSee [@fig-plot], [@sec-intro; @tbl-data], [@eq:energy] and"
                + " [@figure2020].\n");
        assertEquals(List.of("figure2020@2:61"), undefined(d, Documents.parse("list.md", LIST)));
    }

    /** Pandoc's inline references in the front matter define keys (found by QA round 2). */
    @Test
    void inlineReferencesInTheFrontMatterDefineKeys() {
        Document d = Documents.parse("notes.md", "---\ntitle: Notes\nreferences:\n- id: inline1\n  type: book\n"
                + "- type: article\n  id: \"inline2\"\nlang: en\n---\n\nSee [@inline1; @inline2] and [@lang].\n");
        assertEquals(List.of("lang@10:31"), undefined(d));
    }

    @Test
    void bareMentionsLinkTextAndCodeAreNotJudged() {
        Document d = Documents.parse("readme.md", "# Readme\n\n"
                + "Thanks to @someone and @team-lead for the list.\n\n"
                + "[@not-a-citation](https://example.org) and [@also-link][ref] are links.\n\n"
                + "`[@in-code]` is code; so is\n\n```\n[@in-fence]\n```\n\n"
                + "[an open bracket\n\nthen @later in another paragraph]\n");
        assertEquals(List.of(), undefined(d));
    }

    @Test
    void crossrefToAMissingKeyInAnyFile() {
        Document bib = Documents.parse("refs.bib", "@inproceedings{part, title = {P}, crossref = { proc2020 }}\n"
                + "@inproceedings{other, title = {Q}, crossref = {Proc2021}}\n"
                + "@proceedings{proc2021, title = {Proceedings}}\n");
        assertEquals(List.of("proc2020@0:47"), undefined(bib));
        assertEquals("crossref 'proc2020' is not the key of any entry", Checker.run(List.of(bib), Config.DEFAULT).stream()
                .filter(x -> x.code() == Code.UNDEFINED_CITATION).findFirst().orElseThrow().message());
        // Defined in another file: found.
        Document md = Documents.parse("list.md", "```bibtex\n@proceedings{PROC2020, title = {P}}\n```\n");
        assertEquals(List.of(), undefined(bib, md));
    }

    @Test
    void biblatexXrefAndRelatedLinks() {
        Document bib = Documents.parse("refs.bib", "@book{whole, title = {W}}\n"
                + "@inbook{part, xref = {Whole}, title = {P}}\n"
                + "@article{review, related = {whole, gone1 , part,gone2}, title = {R}}\n"
                + "@article{odd, xref = {a, b}, related = jan, title = {R}}\n");
        assertEquals(List.of("gone1@2:35", "gone2@2:48"), undefined(bib));
        assertEquals("related 'gone1' is not the key of any entry", Checker.run(List.of(bib), Config.DEFAULT).stream()
                .filter(x -> x.code() == Code.UNDEFINED_CITATION).findFirst().orElseThrow().message());
    }

    /**
     * A document naming its bibliography in front matter (Pandoc) is judged only when that file is checked with it:
     * keys defined in a file that was not read are never reported.
     */
    @Test
    void aDocumentWithAFrontMatterBibliographyIsJudgedOnlyWithIt() {
        Document notes = Documents.parse("notes.md", "---\nbibliography: lib/refs.bib\n---\n\nSee [@smith2020] and [@ghost].\n");
        Document refs = Documents.parse("lib/refs.bib", "@misc{smith2020, title = {T}}\n");
        Document other = Documents.parse("other.bib", "@misc{x, title = {T}}\n");
        assertEquals(List.of(), undefined(notes));
        assertEquals(List.of(), undefined(notes, other));
        assertEquals(List.of("ghost@4:23"), undefined(notes, refs));
    }

    @Test
    void offInTheConfigAndSuppressedInPlace() {
        Document d = Documents.parse("notes.md", "See [@ghost].\n\n<!-- bibmark-disable-next-line undefined-citation -->\n"
                + "And [@ghost2].\n");
        assertEquals(List.of("ghost@0:6"), undefined(d));
        assertEquals(List.of(), undefined(Config.DEFAULT.withSeverity(Code.UNDEFINED_CITATION, Optional.empty()), d));
    }

    @Test
    void theQuickFixOffersTheNearestKeys() {
        Document list = Documents.parse("list.md", LIST + "\n```bibtex\n@misc{vaswani2018, title = {Other}}\n```\n");
        Document notes = Documents.parse("notes.md", "See [@vaswani2017atention] and [@zzz].\n");
        List<Finding> fs = Checker.run(List.of(notes, list), Config.DEFAULT).stream()
                .filter(x -> x.code() == Code.UNDEFINED_CITATION).toList();
        assertEquals(2, fs.size());
        List<dev.bibmark.fixes.Fix> fixes = dev.bibmark.fixes.QuickFixes.forFinding(notes, fs.get(0), List.of(notes, list),
                Config.DEFAULT);
        assertEquals("Change to 'vaswani2017attention'", fixes.get(0).title());
        assertTrue(fixes.get(0).preferred());
        assertEquals("See [@vaswani2017attention] and [@zzz].\n",
                dev.bibmark.text.Edit.apply(notes.text(), fixes.get(0).edits().get("notes.md")));
        // Nothing near 'zzz': only "Ignore here".
        List<dev.bibmark.fixes.Fix> none = dev.bibmark.fixes.QuickFixes.forFinding(notes, fs.get(1), List.of(notes, list),
                Config.DEFAULT);
        assertEquals(1, none.size(), none.toString());
        assertTrue(none.get(0).title().startsWith("Ignore"), none.get(0).title());
    }
}
