package dev.bibmark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Code;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.features.EntryInfo;
import dev.bibmark.features.Hover;
import dev.bibmark.util.Latex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile texts through the whole pipeline (parse, every check, hover): nothing throws, no check fails, nothing
 * overflows the stack, and every range is sound. Each is bounded by design: the parser and the Markdown walk are
 * iterative, LaTeX conversion refuses deep nesting, and files over the size limit are never read (see the
 * workspace and CLI tests), so these run in linear time without timed assertions.
 */
class HostileInputTest {
    /** Parses as Markdown and .bib, runs every check, asserts soundness; returns the findings of the Markdown one. */
    private static List<Finding> checkSoundly(String text) {
        Document md = Documents.parse("h.md", text);
        Document bib = Documents.parse("h.bib", text);
        List<String> failures = new ArrayList<>();
        List<Finding> all = Checker.run(List.of(md, bib), Config.DEFAULT, failures::add);
        assertEquals(List.of(), failures, "a check failed");
        List<Finding> ofMd = all.stream().filter(f -> f.path().equals("h.md")).toList();
        PositionInvariants.assertSound(md, ofMd);
        PositionInvariants.assertSound(bib, all.stream().filter(f -> f.path().equals("h.bib")).toList());
        return ofMd;
    }

    @Test
    void hundredThousandNestedBraces() {
        String deep = "{".repeat(100_000) + "x" + "}".repeat(100_000);
        String text = "```bibtex\n@misc{deep,\n  title = " + deep + ",\n  year = 2020\n}\n```\n";
        checkSoundly(text);
        BibEntry e = Documents.parse("h.md", text).entries().get(0);
        assertEquals("deep", e.key());
        assertEquals(2, e.fields().size(), "both fields survive the nesting");
        // Unclosed: one error at the first brace, and the next entry is still found.
        String open = "@misc{a, title = " + "{".repeat(100_000) + "\n}\n@misc{b, title = {B}}\n";
        Document d = Documents.parse("o.bib", open);
        assertTrue(d.entries().stream().anyMatch(x -> x.key().equals("b")));
        assertTrue(d.blocks().get(0).bib().errors().stream().anyMatch(x -> x.kind() == SyntaxError.Kind.UNBALANCED_BRACES));
        // Hover and title normalisation convert LaTeX: deep nesting must not overflow their stacks.
        assertEquals("x", Latex.toUnicode(deep));
        assertEquals("x", Latex.normalizeTitle("\\'" + deep));
        Document md = Documents.parse("h.md", text);
        int at = text.indexOf("deep");
        assertTrue(Hover.at(md, at, EntryInfo.all(List.of(md))).isPresent());
    }

    @Test
    void tenMegabyteSingleLine() {
        StringBuilder sb = new StringBuilder(10_500_000);
        sb.append("# One line [`READ`] ");
        Random r = new Random(10);
        String[] words = {"word ", "[@key] ", "https://example.org/x ", "`code` ", "[link](https://a.b) ", "\\cite{a} ",
            "<!-- c --> ", "@ ", "{ ", "} ", "``` "};
        while (sb.length() < 10_000_000) {
            sb.append(words[r.nextInt(words.length)]);
        }
        String line = sb.toString();
        List<Finding> fs = checkSoundly(line);
        // No bibtex: nothing but the citations of keys that no entry has.
        assertTrue(fs.stream().allMatch(f -> f.code() == dev.bibmark.checks.Code.UNDEFINED_CITATION), "no bibtex");
        assertFalse(fs.isEmpty(), "the citations were judged");
        Document d = Documents.parse("h.md", line);
        assertEquals(1, d.lines().lineCount());
        assertFalse(d.markdownIndex().citations().isEmpty(), "the line was indexed, not given up on");
        // The same line inside a fence: one long value.
        Document bib = Documents.parse("h.bib", "@misc{k, note = {" + line.replace("{", "(").replace("}", ")") + "}}");
        assertEquals(1, bib.entries().size());
    }

    @Test
    void binaryGarbage() {
        Random r = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[50_000];
            r.nextBytes(bytes);
            checkSoundly(dev.bibmark.workspace.TextFiles.decode(bytes));
            // Every char, lone surrogates included.
            char[] chars = new char[20_000];
            for (int k = 0; k < chars.length; k++) {
                chars[k] = (char) r.nextInt(Character.MAX_VALUE + 1);
            }
            checkSoundly(new String(chars));
        }
    }

    @Test
    void unterminatedFenceAtTheEndOfAHugeFile() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 5_000_000; i++) {
            sb.append("## Paper ").append(i).append(" [`READ`]\n\n```bibtex\n@misc{k").append(i)
                    .append(", title = {T").append(i).append("}}\n```\n\n");
        }
        int closed = Documents.parse("h.md", sb.toString()).entries().size();
        sb.append("## Last\n\n```bibtex\n@article{last,\n  title = {never closed");
        String text = sb.toString();
        checkSoundly(text);
        Document d = Documents.parse("h.md", text);
        assertEquals(closed + 1, d.entries().size());
        assertFalse(d.blocks().get(d.blocks().size() - 1).fence().closed());
        assertEquals("last", d.entries().get(d.entries().size() - 1).key());
    }

    @Test
    void tenThousandEntriesInOneBlock() {
        StringBuilder sb = new StringBuilder("# Many\n\n```bibtex\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("@article{key").append(i).append(",\n  title = {Title number ").append(i)
                    .append("},\n  author = {Author ").append(i).append("},\n  journal = {J},\n  year = 2020\n}\n");
        }
        sb.append("@article{key42, title = {Something else}, author = {B}, journal = {J}, year = 2021}\n```\n");
        List<Finding> fs = checkSoundly(sb.toString());
        assertEquals(10_001, Documents.parse("h.md", sb.toString()).entries().size());
        assertEquals(2, fs.stream().filter(f -> f.code() == Code.DUPLICATE_KEY).count(), fs.toString());
    }

    /**
     * commonmark-java opens at most 100 nested block parsers (its {@code maxOpenBlockParsers} default, a bound against
     * quadratic time): a fence nested deeper is read as paragraph text, like any text it cannot nest further. Below
     * that the fence is found and maps exactly; far beyond it nothing overflows (the walk is iterative).
     */
    @Test
    void deeplyNestedListsAndQuotesAroundAFence() {
        for (String marker : new String[] {"> ", "- ", "1. ", "> - "}) {
            for (int depth : new int[] {30, marker.equals("> ") ? 20_000 : 2_000}) {
                StringBuilder prefix = new StringBuilder();
                StringBuilder cont = new StringBuilder();
                for (int i = 0; i < depth; i++) {
                    prefix.append(marker);
                    cont.append(switch (marker) {
                        case "> " -> "> ";
                        case "> - " -> ">   ";
                        default -> " ".repeat(marker.length());
                    });
                }
                String text = prefix + "```bibtex\n" + cont + "@misc{nested, title = {N}}\n" + cont + "```\n";
                checkSoundly(text);
                Document d = Documents.parse("h.md", text);
                if (depth == 30) {
                    assertEquals(List.of("nested"), d.entries().stream().map(BibEntry::key).toList(), marker);
                } else {
                    assertTrue(d.blocks().isEmpty(), "past commonmark's nesting limit there is no fence: " + marker);
                }
            }
        }
    }
}
