package dev.bibmark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTest {
    private static final String OTHER = """
            # Other

            ```bibtex
            @inproceedings{vaswani2017attention,
              title={Attention Is All You Need},
              author={Vaswani, Ashish and Shazeer, Noam},
              booktitle={Advances in Neural Information Processing Systems},
              year={2017}
            }
            @inproceedings{devlin2019bert,
              title={{BERT}: Pre-training},
              author={Devlin, Jacob},
              booktitle={Advances in Neural Information Processing Systems},
              year={2019}
            }
            @article{kaplan2020scaling,
              title={Scaling Laws},
              author={Kaplan, Jared},
              journal={arXiv preprint arXiv:2001.08361},
              year={2020}
            }
            ```
            """;

    /** Completion at the position of '|' in the text (removed before parsing). */
    private static List<Completion.Item> complete(String withCursor, boolean snippets) {
        int at = withCursor.indexOf('|');
        Document doc = Documents.parse("file:///a.md", withCursor.substring(0, at) + withCursor.substring(at + 1));
        Document other = Documents.parse("file:///b.md", OTHER);
        return Completion.at(doc, at, EntryInfo.all(List.of(doc, other)), true, snippets);
    }

    private static List<String> labels(List<Completion.Item> items) {
        return items.stream().map(Completion.Item::label).toList();
    }

    @Test
    void citationKeysInPandocAndLatexContexts() {
        for (String text : List.of("See [@|]", "See [@vas|", "See @|", "[@a; @|]", "\\cite{a, |}", "\\citep[p.~3]{|}")) {
            List<Completion.Item> items = complete(text, false);
            assertTrue(labels(items).contains("vaswani2017attention"), text);
            assertTrue(items.stream().allMatch(i -> i.kind() == Completion.Kind.KEY), text);
        }
        Completion.Item v = complete("See [@vas|", false).stream()
                .filter(i -> i.label().equals("vaswani2017attention")).findFirst().orElseThrow();
        assertEquals(6, v.replace().start());
        assertTrue(v.filterText().contains("Attention Is All You Need"));
        assertTrue(v.detail().startsWith("Vaswani 2017"));
    }

    @Test
    void noCitationKeysInPlainProseOrEmails() {
        assertEquals(List.of(), complete("plain text |", false));
        assertEquals(List.of(), complete("mail me at me@exa|", false));
    }

    @Test
    void entryTypesAfterAtInsideABlock() {
        List<Completion.Item> items = complete("```bibtex\n@inpro|\n```\n", false);
        assertTrue(labels(items).contains("inproceedings"));
        assertTrue(labels(items).contains("article"));
        Completion.Item ip = items.stream().filter(i -> i.label().equals("inproceedings")).findFirst().orElseThrow();
        assertEquals(Completion.Kind.ENTRY_TYPE, ip.kind());
        assertEquals("inproceedings", ip.insertText());
        assertEquals(11, ip.replace().start());
        assertEquals(16, ip.replace().end());
        assertTrue(ip.detail().contains("booktitle"));
    }

    @Test
    void entryTypeSnippetListsRequiredFieldsWithTheBlocksPrefix() {
        Completion.Item art = complete("> ```bibtex\n> @art|\n> ```\n", true).stream()
                .filter(i -> i.label().equals("article")).findFirst().orElseThrow();
        assertTrue(art.snippet());
        assertEquals("article{${1:key},\n>   author = {${2}},\n>   title = {${3}},\n>   journal = {${4}},\n"
                + ">   year = {${5}}\n> }$0", art.insertText());
        // With the delimiter already typed, only the name is inserted.
        Completion.Item plain = complete("```bibtex\n@art|{x,\n}\n```\n", true).stream()
                .filter(i -> i.label().equals("article")).findFirst().orElseThrow();
        assertFalse(plain.snippet());
        assertEquals("article", plain.insertText());
    }

    @Test
    void fieldNamesRequiredFirstAndPresentOnesLeftOut() {
        List<Completion.Item> items = complete("```bibtex\n@inproceedings{k,\n  title = {T},\n  |\n}\n```\n", false);
        List<String> names = labels(items);
        assertFalse(names.contains("title"));
        assertTrue(names.containsAll(List.of("author", "booktitle", "year", "pages", "doi")));
        List<Completion.Item> sorted = items.stream().sorted(java.util.Comparator.comparing(Completion.Item::sortText)).toList();
        assertEquals(List.of("author", "booktitle", "year"), labels(sorted.subList(0, 3)));
        assertEquals("author = ", items.get(names.indexOf("author")).insertText());
        assertTrue(items.get(names.indexOf("author")).detail().contains("required"));
    }

    @Test
    void fieldNamesAfterACommaOnTheSameLineButNotInsideValues() {
        assertTrue(labels(complete("```bibtex\n@article{k, title = {T}, jo|\n}\n```\n", false)).contains("journal"));
        assertEquals(List.of(), complete("```bibtex\n@article{k, author = {Doe, J|}\n}\n```\n", false));
        assertEquals(List.of(), complete("```bibtex\n@article{k|,\n}\n```\n", false));
        assertEquals(List.of(), complete("```python\n@article{k,\n  |\n}\n```\n", false));
        // A half-typed name swallows the next line in the parse: that line's field is still present (found by QA).
        List<String> half = labels(complete("```bibtex\n@article{k, title = {T},\n  jo|\n  year = {2018}}\n```\n", false));
        assertTrue(half.contains("journal") && !half.contains("year") && !half.contains("title"), half.toString());
    }

    /** `@name` in inline code is code, not a citation (found by QA: keys were offered while typing a decorator). */
    @Test
    void noCitationKeysInsideInlineCode() {
        assertEquals(List.of(), complete("# L\n\nUse `@vas|` here\n", false));
        assertEquals(List.of(), complete("# L\n\nUse ``a ` @vas|`` here\n", false));
        assertTrue(labels(complete("# L\n\n`code` and [@vas|]\n", false)).contains("vaswani2017attention"));
        assertTrue(Completion.inCodeSpan("a `b") && !Completion.inCodeSpan("a `b` c") && Completion.inCodeSpan("``x ` y")
                && !Completion.inCodeSpan("``x ` y`` z"));
        // Fenced code of another language too, also after a bibtex block and inside a quote.
        assertEquals(List.of(), complete("# L\n\n```python\n@vas|\n```\n", false));
        assertEquals(List.of(), complete("# L\n\n```bibtex\n@misc{a}\n```\n\n> ~~~~js\n> x ```\n> [@vas|]\n", false));
        assertTrue(labels(complete("# L\n\n```python\nx = 1\n```\n\nSee [@vas|]\n", false)).contains("vaswani2017attention"));
        assertTrue(labels(complete("# L\n\n```bibtex\n@misc{a}\n```\n\n````md\n```\n````\nSee [@vas|]\n", false))
                .contains("vaswani2017attention"));
    }

    @Test
    void workspaceValuesForVenuesMostUsedFirst() {
        List<Completion.Item> items = complete("```bibtex\n@inproceedings{k,\n  booktitle = {Adv|},\n}\n```\n", false);
        assertEquals("Advances in Neural Information Processing Systems", items.get(0).label());
        assertEquals("Advances in Neural Information Processing Systems", items.get(0).insertText());
        assertEquals("used 2 times", items.get(0).detail());
        List<Completion.Item> bare = complete("```bibtex\n@article{k,\n  journal = |\n}\n```\n", false);
        assertEquals("{arXiv preprint arXiv:2001.08361}", bare.get(0).insertText());
        // The value being typed is not offered back as a venue of its own (found by QA).
        assertFalse(labels(complete("```bibtex\n@article{k,\n  journal = {Zqx|},\n}\n```\n", false)).contains("Zqx"));
    }

    @Test
    void monthMacros() {
        List<Completion.Item> items = complete("```bibtex\n@article{k,\n  month = ju|\n}\n```\n", false);
        assertTrue(labels(items).containsAll(List.of("jan", "jun", "jul", "dec")));
        assertEquals(Completion.Kind.MONTH, items.get(0).kind());
    }

    @Test
    void crossrefCompletesKeys() {
        assertTrue(labels(complete("```bibtex\n@inproceedings{k,\n  crossref = {vas|}\n}\n```\n", false))
                .contains("vaswani2017attention"));
    }

    /** BibLaTeX's {@code xref} (one key) and {@code related} (a list: the key after the last comma is completed). */
    @Test
    void xrefAndRelatedCompleteKeys() {
        for (String text : List.of("  xref = { vas|}", "  related = {vas|}", "  related = {a, vas|}", "  RELATED = \"a,vas|\"")) {
            List<Completion.Item> items = complete("```bibtex\n@inproceedings{k,\n" + text + "\n}\n```\n", false);
            assertTrue(labels(items).contains("vaswani2017attention"), text);
            Completion.Item it = items.stream().filter(i -> i.label().equals("vaswani2017attention")).findFirst().orElseThrow();
            assertEquals(3, it.replace().length(), text); // replaces "vas" only
        }
        // Not in other fields that end in "xref" or hold "related" words.
        assertTrue(complete("```bibtex\n@inproceedings{k,\n  myxref = {vas|}\n}\n```\n", false).stream()
                .noneMatch(i -> i.label().equals("vaswani2017attention")));
    }

    @Test
    void bibFilesToo() {
        int at = "@article{k,\n  ".length();
        String text = "@article{k,\n  \n}\n";
        Document doc = Documents.parse("file:///x.bib", text);
        assertTrue(labels(Completion.at(doc, at, EntryInfo.all(List.of(doc)), false, false)).contains("journal"));
    }

    @Test
    void offsetsOutsideTheTextGiveNothing() {
        Document doc = Documents.parse("file:///a.md", "abc");
        assertEquals(List.of(), Completion.at(doc, 99, List.of(), false, false));
        assertEquals(List.of(), Completion.at(doc, -1, List.of(), false, false));
    }

    @Test
    void longListsAreCappedBestMatchesFirstAndMarkedIncomplete() {
        StringBuilder sb = new StringBuilder("```bibtex\n");
        for (int i = 0; i < 1000; i++) {
            sb.append("@misc{key").append(i).append(", title = {Paper number ").append(i).append("}, author = {Doe, J}}\n");
        }
        sb.append("@misc{zebra, title = {Stripes of attention}}\n```\n\nSee [@");
        String text = sb.toString();
        Document doc = Documents.parse("file:///big.md", text + "]");
        List<EntryInfo> entries = EntryInfo.all(List.of(doc));
        Completion.Result all = Completion.complete(doc, text.length(), entries, false, false);
        assertEquals(Completion.MAX_ITEMS, all.items().size());
        assertTrue(all.incomplete());
        Document typed = Documents.parse("file:///big.md", text + "key99]");
        Completion.Result prefix = Completion.complete(typed, text.length() + 5, EntryInfo.all(List.of(typed)), false, false);
        assertEquals("key99", prefix.items().get(0).label());
        assertTrue(!prefix.incomplete());
        Document word = Documents.parse("file:///big.md", text + "stripes]");
        Completion.Result byTitle = Completion.complete(word, text.length() + 7, EntryInfo.all(List.of(word)), false, false);
        assertEquals(List.of("zebra"), labels(byTitle.items()));
    }

    /** The keys of a CSL bibliography are proposed after the entries of the same rank, once, on the key alone. */
    @Test
    void keysOfACslBibliographyAreProposedToo() {
        String text = "```bibtex\n@misc{smith2020, title = {Deep Smith}}\n```\n\nSee [@smi";
        Document doc = Documents.parse("file:///l.md", text + "]");
        List<Completion.ListedKey> listed = List.of(new Completion.ListedKey("smith2021csl", "refs.json"),
                new Completion.ListedKey("SMITH2020", "refs.json"), new Completion.ListedKey("jones-smith", "refs.json"),
                new Completion.ListedKey("deep1999", "refs.json"));
        Completion.Result r = Completion.complete(doc, text.length(), EntryInfo.all(List.of(doc)), listed, false, false);
        assertEquals(List.of("smith2020", "smith2021csl", "jones-smith"), labels(r.items()), "prefix, then substring; 'deep'"
                + " (a title word of an entry, but only a key here) and the entry's own key are not listed again");
        assertEquals("CSL item · refs.json", r.items().get(1).detail());
        List<String> sorted = r.items().stream().map(Completion.Item::sortText).sorted().toList();
        assertEquals(r.items().stream().map(Completion.Item::sortText).toList(), sorted, "the order is kept by sortText");
    }
}
