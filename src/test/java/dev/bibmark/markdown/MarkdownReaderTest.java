package dev.bibmark.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReaderTest {

    private static String at(String doc, TextRange r) {
        return doc.substring(r.start(), r.end());
    }

    /** Every non-blank content character maps to the same character in the document. */
    private static void assertMapsExactly(String doc, Fence f) {
        EmbeddedText c = f.content();
        String t = c.text();
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch != '\n' && ch != ' ') {
                assertEquals(ch, doc.charAt(c.toDocument(i)), "local " + i + " in " + t);
            }
        }
    }

    private static Fence onlyFence(String doc) {
        List<Fence> fences = MarkdownReader.read(doc).fences();
        assertEquals(1, fences.size(), "fences in " + doc);
        return fences.get(0);
    }

    @Test
    void fenceInListItemMapsEveryCharacter() {
        String doc = "# Papers\n\n- item\n  ```bibtex\n  @article{k1,\n    title = {T}\n  }\n  ```\n- next\n";
        Fence f = onlyFence(doc);
        assertEquals("@article{k1,\n  title = {T}\n}", f.content().text());
        assertEquals(doc.indexOf('@'), f.content().toDocument(f.content().text().indexOf('@')));
        assertEquals(doc.indexOf("k1"), f.content().toDocument(f.content().text().indexOf("k1")));
        assertTrue(f.closed());
        assertEquals("bibtex", f.language());
        assertEquals(doc.indexOf("```bibtex"), f.range().start());
        assertEquals(doc.lastIndexOf("```") + 3, f.range().end());
        assertMapsExactly(doc, f);
    }

    @Test
    void fenceInBlockQuoteWithBlankLine() {
        String doc = "> ```bib\n> @book{b,\n>\n>   year = 2020}\n> ```\n";
        Fence f = onlyFence(doc);
        assertEquals("@book{b,\n\n  year = 2020}", f.content().text());
        String t = f.content().text();
        assertEquals(doc.indexOf('@'), f.content().toDocument(t.indexOf('@')));
        assertEquals(doc.indexOf("year"), f.content().toDocument(t.indexOf("year")));
        assertMapsExactly(doc, f);
    }

    @Test
    void crlfAndCrDocuments() {
        for (String eol : new String[] {"\r\n", "\r"}) {
            String doc = "Intro" + eol + eol + "```bibtex" + eol + "@misc{a," + eol + "  note = {x}}" + eol + "```"
                    + eol + "after [@a]" + eol;
            MarkdownIndex idx = MarkdownReader.read(doc);
            Fence f = idx.fences().get(0);
            assertEquals("@misc{a,\n  note = {x}}", f.content().text());
            assertMapsExactly(doc, f);
            assertEquals(doc.indexOf("note"), f.content().toDocument(f.content().text().indexOf("note")));
            assertEquals(doc.lastIndexOf("```") + 3, f.range().end());
            assertEquals(1, idx.citations().size());
            assertEquals(doc.indexOf("@a]") + 1, idx.citations().get(0).keyRange().start());
        }
    }

    @Test
    void tabIndentedContent() {
        String doc = "```bibtex\n@article{t,\n\ttitle = {Tabbed}\n}\n```\n";
        Fence f = onlyFence(doc);
        assertEquals("@article{t,\n\ttitle = {Tabbed}\n}", f.content().text());
        assertEquals(doc.indexOf("title"), f.content().toDocument(f.content().text().indexOf("title")));
        assertMapsExactly(doc, f);
    }

    @Test
    void emojiBeforeFence() {
        String doc = "\uD83D\uDE80 rocket \uD83D\uDCDA\n\n```bibtex\n@misc{e, note = {\uD83D\uDE00 ok}}\n```\n";
        Fence f = onlyFence(doc);
        String t = f.content().text();
        assertEquals(doc.indexOf("ok}"), f.content().toDocument(t.indexOf("ok}")));
        assertEquals(doc.indexOf("```"), f.range().start());
        assertMapsExactly(doc, f);
    }

    @Test
    void bomShiftsEverything() {
        String doc = "\uFEFF# Title [`READ`]\n```bibtex\n@misc{b}\n```\nSee [@b].\n";
        MarkdownIndex idx = MarkdownReader.read(doc);
        Heading h = idx.headings().get(0);
        assertEquals("Title", h.title());
        assertEquals(new TextRange(3, 8), h.titleRange());
        assertEquals("READ", at(doc, h.statusRange()));
        Fence f = idx.fences().get(0);
        assertEquals(doc.indexOf("```"), f.range().start());
        assertEquals(doc.indexOf("@misc"), f.content().toDocument(0));
        assertEquals("b", at(doc, idx.citations().get(0).keyRange()));
        assertEquals(doc.indexOf("@b]") + 1, idx.citations().get(0).keyRange().start());
    }

    /** YAML front matter is not Markdown: its closing "---" is no setext underline, its lines hold no links or citations. */
    @Test
    void frontMatterIsSkipped() {
        String doc = "\uFEFF---\ntitle: Reading list\nurl: https://example.org/x\nbibliography: refs.bib\nsee: \"[@nope]\"\n---\n"
                + "# Papers\n\n## Attention [`READ`]\n\n```bibtex\n@misc{a}\n```\nSee [@a].\n";
        MarkdownIndex idx = MarkdownReader.read(doc);
        assertEquals(List.of("Papers", "Attention"), idx.headings().stream().map(Heading::title).toList());
        assertEquals(doc.indexOf("# Papers"), idx.headings().get(0).range().start());
        assertEquals("READ", at(doc, idx.headings().get(1).statusRange()));
        assertEquals(doc.indexOf("```"), idx.fences().get(0).range().start());
        assertEquals(doc.indexOf("@misc"), idx.fences().get(0).content().toDocument(0));
        assertEquals(List.of("a"), idx.citations().stream().map(Citation::key).toList());
        assertTrue(idx.links().isEmpty(), idx.links().toString());
        // CRLF, and ... as the closing line.
        String crlf = "---\r\ntitle: x\r\n...\r\n## Paper\r\n";
        assertEquals(List.of("Paper"), MarkdownReader.read(crlf).headings().stream().map(Heading::title).toList());
        // A leading thematic break over a paragraph is Markdown (a setext heading), not front matter.
        String rule = "---\nJust a line\n---\n";
        assertEquals(List.of("Just a line"), MarkdownReader.read(rule).headings().stream().map(Heading::title).toList());
        // Front matter and nothing else; never closed: read as Markdown.
        assertTrue(MarkdownReader.read("---\ntitle: x\n---\n").headings().isEmpty());
        assertTrue(MarkdownReader.read("---\ntitle: x\n---").headings().isEmpty());
        assertEquals(1, MarkdownReader.read("---\ntitle: x\n\n# H\n").headings().size());
    }

    /** Code blocks of another language (or none) that hold a line starting a BibTeX object are recorded, with their info word. */
    @Test
    void unmarkedCodeBlocksHoldingBibtex() {
        String doc = "```latex\n@article{a, title={T}}\n```\n\n~~~\n  @misc(b)\n~~~\n\n- item\n\n  ```text\n  @book{c}\n  ```\n\n"
                + "```python\nprint('@x')\nx = '@y{'\n```\n\n```bibtex\n@misc{d}\n```\n\n```{.bib}\n@misc{e}\n```\n";
        MarkdownIndex idx = MarkdownReader.read(doc);
        // ```{.bib} is Pandoc's attribute syntax for a bib block: read, not reported.
        assertEquals(List.of("bibtex", "bib"), idx.fences().stream().map(Fence::language).toList());
        List<CodeBlock> blocks = idx.unmarkedBibtex();
        assertEquals(List.of("latex", "", "text"), blocks.stream().map(CodeBlock::language).toList());
        assertEquals("latex", at(doc, blocks.get(0).info()));
        assertEquals(doc.indexOf("~~~") + 3, blocks.get(1).info().start());
        assertEquals(0, blocks.get(1).info().length());
        assertEquals("text", at(doc, blocks.get(2).info()));
        assertEquals(doc.indexOf("```latex"), blocks.get(0).range().start());
        assertEquals(doc.indexOf("```text"), blocks.get(2).range().start());
    }

    @Test
    void pandocAttributeFences() {
        String doc = "```{.bibtex}\n@misc{a}\n```\n\n~~~ {#refs .BibLaTeX .numberLines startFrom=\"3\"}\n@misc{b}\n~~~\n\n"
                + "```{#only-an-id}\n@misc{c}\n```\n\n```{.python}\nx = 1\n```\n";
        MarkdownIndex idx = MarkdownReader.read(doc);
        assertEquals(List.of("bibtex", "BibLaTeX"), idx.fences().stream().map(Fence::language).toList());
        assertEquals(List.of("{#only-an-id}"), idx.unmarkedBibtex().stream().map(CodeBlock::language).toList());
        assertEquals("", MarkdownReader.pandocClass("{}"));
        assertEquals("x", MarkdownReader.pandocClass("{ .x"));
    }

    /** Quarto / R Markdown chunks ({@code ```{r setup, include=FALSE}}) are code that is run, not BibTeX (QA). */
    @Test
    void executableChunksAreNotBibtex() {
        String doc = "```{r setup, include=FALSE}\n@article{x,\n```\n\n```{python}\n@decorator{y}\n```\n\n"
                + "```{bibtex}\n@misc{z}\n```\n\n```{#id}\n@misc{w}\n```\n";
        MarkdownIndex idx = MarkdownReader.read(doc);
        assertEquals(List.of("bibtex"), idx.fences().stream().map(Fence::language).toList());
        assertEquals(List.of("{#id}"), idx.unmarkedBibtex().stream().map(CodeBlock::language).toList());
        assertEquals("r", MarkdownReader.chunkLanguage("{r setup, include=FALSE}"));
        assertEquals("python", MarkdownReader.chunkLanguage("{ python echo=FALSE}"));
        assertEquals("", MarkdownReader.chunkLanguage("{.r}"));
        assertEquals("", MarkdownReader.chunkLanguage("{#id}"));
        assertEquals("", MarkdownReader.chunkLanguage("{r=1}"));
    }

    @Test
    void unterminatedFenceRunsToEnd() {
        String doc = "text\n\n```bibtex\n@misc{u,\n  title = {Open}";
        Fence f = onlyFence(doc);
        assertFalse(f.closed());
        assertEquals("@misc{u,\n  title = {Open}", f.content().text());
        assertEquals(doc.length(), f.range().end());
        assertEquals(doc.length(), f.content().docEnd());
        assertMapsExactly(doc, f);
    }

    @Test
    void unterminatedFenceInListEndsWithItem() {
        String doc = "- ```bib\n  @misc{x}\n\nOutside @y\n";
        MarkdownIndex idx = MarkdownReader.read(doc);
        Fence f = idx.fences().get(0);
        assertFalse(f.closed());
        // The blank line still belongs to the list item, so CommonMark keeps it in the fence.
        assertEquals("@misc{x}\n", f.content().text());
        assertEquals(doc.indexOf('@'), f.content().toDocument(0));
        assertEquals(doc.indexOf("@misc{x}") + 8, f.range().end());
        assertEquals(1, idx.citations().size());
        assertEquals("y", idx.citations().get(0).key());
    }

    @Test
    void tildeFenceWithAttributesRecognisedAndPythonIgnored() {
        String doc = "~~~BibTeX {.x}\n@misc{a}\n~~~\n\n```python\n@decorator\n```\n\n```\n@misc{z}\n```\n";
        MarkdownIndex idx = MarkdownReader.read(doc);
        assertEquals(1, idx.fences().size());
        assertEquals("BibTeX", idx.fences().get(0).language());
        assertEquals("@misc{a}", idx.fences().get(0).content().text());
        assertTrue(idx.citations().isEmpty(), "code is not prose: " + idx.citations());
    }

    @Test
    void inlineCodeIgnoredForCitations() {
        String doc = "Use `@notkey` and ``x `@also` y`` but cite @real.\n";
        List<Citation> cs = MarkdownReader.read(doc).citations();
        assertEquals(1, cs.size());
        assertEquals("real", cs.get(0).key());
        assertEquals(doc.indexOf("real"), cs.get(0).keyRange().start());
    }

    @Test
    void headingsAtxAndSetext() {
        String doc = "## Attention Is All You Need [`TODO`] ##\n\nSetext title [`READ`]\n---\n\n# Plain #\n";
        List<Heading> hs = MarkdownReader.read(doc).headings();
        assertEquals(3, hs.size());
        Heading a = hs.get(0);
        assertEquals(2, a.level());
        assertEquals("Attention Is All You Need", a.title());
        assertEquals(a.title(), at(doc, a.titleRange()));
        assertEquals("TODO", a.status());
        assertEquals(new TextRange(doc.indexOf("TODO"), doc.indexOf("TODO") + 4), a.statusRange());
        assertEquals(new TextRange(0, doc.indexOf('\n')), a.range());
        Heading s = hs.get(1);
        assertEquals(2, s.level());
        assertEquals("Setext title", s.title());
        assertEquals("READ", at(doc, s.statusRange()));
        assertEquals(doc.indexOf("---") + 3, s.range().end());
        Heading p = hs.get(2);
        assertEquals("Plain", p.title());
        assertNull(p.status());
        assertNull(p.statusRange());
    }

    @Test
    void paperLinkRoleAndUrlRange() {
        String doc = "- paper link: [here](https://arxiv.org/pdf/2310.19360)\n"
                + "- **Code link**: <https://github.com/x/y> and see https://example.org/a_(b).\n";
        List<Link> ls = MarkdownReader.read(doc).links();
        assertEquals(3, ls.size());
        Link p = ls.get(0);
        assertEquals("paper link", p.role());
        assertTrue(p.isPaperLink());
        assertEquals("here", p.label());
        assertEquals("https://arxiv.org/pdf/2310.19360", p.url());
        assertEquals(p.url(), at(doc, p.urlRange()));
        assertEquals("[here](https://arxiv.org/pdf/2310.19360)", at(doc, p.range()));
        Link c = ls.get(1);
        assertEquals("code link", c.role());
        assertEquals("https://github.com/x/y", at(doc, c.urlRange()));
        assertEquals("<https://github.com/x/y>", at(doc, c.range()));
        Link b = ls.get(2);
        assertEquals("https://example.org/a_(b)", b.url());
        assertEquals(b.url(), at(doc, b.urlRange()));
        assertEquals("and see", b.role());
    }

    @Test
    void headingProseIsScanned() {
        String doc = "## Paper: [pdf](https://u.org/x.pdf) `@no` @yes\n";
        MarkdownIndex idx = MarkdownReader.read(doc);
        assertEquals("paper", idx.links().get(0).role());
        assertEquals(List.of("yes"), idx.citations().stream().map(Citation::key).toList());
    }

    @Test
    void urlWithAtSignIsNotACitation() {
        String doc = "See [post](https://medium.com/@user/p) and https://x.org/@bob.\n";
        MarkdownIndex idx = MarkdownReader.read(doc);
        assertEquals(2, idx.links().size());
        assertEquals("https://x.org/@bob", idx.links().get(1).url());
        assertTrue(idx.citations().isEmpty());
    }

    @Test
    void linksInCodeIgnored() {
        String doc = "`[x](https://a.org)`\n\n    https://indented.org\n";
        assertTrue(MarkdownReader.read(doc).links().isEmpty());
    }

    @Test
    void htmlComments() {
        String doc = "<!-- status: draft -->\n\nText <!--  inline note --> end `<!-- no -->`\n";
        List<HtmlComment> cs = MarkdownReader.read(doc).comments();
        assertEquals(2, cs.size());
        assertEquals("status: draft", cs.get(0).text());
        assertEquals("<!-- status: draft -->", at(doc, cs.get(0).range()));
        assertEquals("inline note", cs.get(1).text());
        assertEquals("<!--  inline note -->", at(doc, cs.get(1).range()));
    }

    @Test
    void pandocGroupCitations() {
        String doc = "As shown [@vaswani2017; @devlin:bert.2019, p. 3], and [see @a] or -@b.\n";
        List<Citation> cs = MarkdownReader.read(doc).citations();
        assertEquals(List.of("vaswani2017", "devlin:bert.2019", "a", "b"), cs.stream().map(Citation::key).toList());
        for (Citation c : cs) {
            assertEquals(Citation.Kind.PANDOC, c.kind());
            assertEquals(c.key(), at(doc, c.keyRange()));
        }
        assertEquals(doc.indexOf("devlin"), cs.get(1).keyRange().start());
    }

    @Test
    void latexCitations() {
        String doc = "Prior work \\citep[p.~3]{a, b} and \\citet*{c} and \\parencite[see][12]{ d }.\n";
        List<Citation> cs = MarkdownReader.read(doc).citations();
        assertEquals(List.of("a", "b", "c", "d"), cs.stream().map(Citation::key).toList());
        for (Citation c : cs) {
            assertEquals(Citation.Kind.LATEX, c.kind());
            assertEquals(c.key(), at(doc, c.keyRange()));
        }
        assertEquals(doc.indexOf("{a") + 1, cs.get(0).keyRange().start());
        assertEquals(doc.indexOf(" b}") + 1, cs.get(1).keyRange().start());
    }

    @Test
    void emailIsNotACitation() {
        String doc = "Mail me at someone@example.com or see @key.\n";
        List<Citation> cs = MarkdownReader.read(doc).citations();
        assertEquals(1, cs.size());
        assertEquals("key", cs.get(0).key());
        assertEquals(doc.indexOf("key."), cs.get(0).keyRange().start());
    }

    @Test
    void neverThrows() {
        assertEquals(MarkdownIndex.EMPTY, MarkdownReader.read(""));
        assertEquals(MarkdownIndex.EMPTY, MarkdownReader.read(null));
        MarkdownIndex idx = MarkdownReader.read("```bibtex\n```\n");
        assertEquals("", idx.fences().get(0).content().text());
        MarkdownReader.read("\uFEFF");
        MarkdownReader.read("> - > ```bib\r\n> - > \t@x{\r");
    }
}
