package dev.bibmark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the whole pipeline: {@link Documents#parse} then {@link Checker#run}, as Markdown and as .bib, and
 * {@link Documents#edit} (the incremental re-parse) against a full parse of the edited text.
 */
class PipelineFuzzTest {
    /** Texts with fences, so that edits reach the incremental path. */
    private static final String[] BASES = {
        "# P [`READ`]\n\npaper link: [x](https://a.org)\n\n```bibtex\n@article{k,\n  title = {T},\n  year = 2020\n}\n```\n",
        "```bibtex\n@misc{a, title={A}}\n```\n\n## Q\n\n```bib\n@string{s = \"S\"}\n@book{b,\n  title = s # {x},\n}\n```\n\n[@a] \\cite{b}\n",
        "- item\n\n  ```bibtex\n  @misc{x}\n  ```\n> ```bibtex\n> @misc{y,\n> }\n> ```\n\n```bibtex\n@misc{z,\n  note = {\n}\n```\n",
    };

    @FuzzTest
    void check(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Document md = Documents.parse("a.md", text);
        Document bib = Documents.parse("b.bib", text);
        List<String> internal = new ArrayList<>();
        List<Finding> findings = Checker.run(List.of(md, bib), Config.DEFAULT, internal::add);
        assertEquals(List.of(), internal, "a check failed");
        List<Finding> ofMd = new ArrayList<>();
        List<Finding> ofBib = new ArrayList<>();
        for (Finding f : findings) {
            (f.path().equals("a.md") ? ofMd : ofBib).add(f);
        }
        PositionInvariants.assertSound(md, ofMd);
        PositionInvariants.assertSound(bib, ofBib);
    }

    @FuzzTest
    void edit(FuzzedDataProvider data) {
        edits(data, BASES, "e.md", Reparse::tryEdit);
    }

    /** An incremental path, called directly so that an exception inside it is a finding, not a silent fallback. */
    private interface FastPath {
        java.util.Optional<Document> edit(Document doc, int start, int end, String replacement, String newText);
    }

    /** A base text (or a fuzzed one) edited a few times: each result equals a full parse of its text. */
    private static void edits(FuzzedDataProvider data, String[] bases, String path, FastPath fastPath) {
        int pick = data.consumeInt(0, bases.length);
        String text = pick < bases.length ? bases[pick] : data.consumeString(400);
        Document doc = Documents.parse(path, text);
        boolean markdown = doc.markdown();
        int edits = data.consumeInt(1, 6);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            int len = doc.text().length();
            int start = data.consumeInt(0, len);
            int end = data.consumeInt(start, Math.min(len, start + 24));
            String replacement = data.consumeBoolean() ? data.pickValue(FRAGMENTS) : data.consumeString(16);
            String expected = doc.text().substring(0, start) + replacement + doc.text().substring(end);
            java.util.Optional<Document> fast = fastPath.edit(doc, start, end, replacement, expected);
            Document edited = Documents.edit(doc, start, end, replacement);
            assertEquals(expected, edited.text());
            Document full = Documents.parse(path, expected);
            if (markdown) {
                assertEquals(full.markdownIndex(), edited.markdownIndex(), "markdown index after edit " + i);
            }
            assertEquals(full.blocks(), edited.blocks(), "blocks after edit " + i);
            assertEquals(full.lines(), edited.lines());
            if (fast.isPresent()) {
                assertEquals(full.blocks(), fast.get().blocks(), "fast path after edit " + i);
            }
            if (markdown) {
                assertTrue(edited.text() == expected || edited.text().equals(expected));
            }
            doc = edited;
        }
    }

    /** .bib texts: several objects, so that edits reach the incremental path (its result against a full parse). */
    private static final String[] BIB_BASES = {
        "@article{k,\n  title = {T},\n  year = 2020\n}\n\n@misc{m, note = \"N\"}\n@book(b, title = {B})\n",
        "% c someone@example.org\n@string{s = \"S\"}\n@book{b,\n  title = s # {x},\n}\n@misc{open,\n  title = {O\n@misc{z}\n"
                + "@comment{x @misc{y}} @preamble{\"p\"}\n@misc{q, a = 1} @misc{r, b = 2}\n",
    };

    @FuzzTest
    void editBib(FuzzedDataProvider data) {
        edits(data, BIB_BASES, "e.bib", BibBlocks::tryEdit);
    }

    private static final String[] FRAGMENTS = {
        "{", "}", "\"", ",", "\n", "\r\n", "\r", "@", "@misc{n,\n", "title = {", "```", "`", "~~~", "> ", "- ",
        "#", "\t", "  ", "=", "😀", "\uFEFF", "%", "<!-- bibmark-disable-next-line -->\n", "\n```bibtex\n",
    };
}
