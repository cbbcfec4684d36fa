package dev.bibmark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.markdown.Fence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link Documents#edit} must equal a full parse of the new text, whichever path it takes. */
class IncrementalParseTest {
    private static final String LIST = """
            # Papers

            #### Attention Is All You Need [`READ`]

            paper link: [here](https://arxiv.org/abs/1706.03762)

            ```bibtex
            @inproceedings{vaswani2017attention,
              title={Attention Is All You Need},
              author={Vaswani, Ashish},
              year={2017}
            }
            ```

            See [@vaswani2017attention] and <!-- bibmark-disable-next-line empty-field -->

            #### BERT [`UNREAD`]

            paper link: [here](https://arxiv.org/abs/1810.04805)

            ```bibtex
            @string{acl = "ACL"}
            @inproceedings{devlin2019bert,
              title={{BERT}},
              booktitle=acl # " 2019",
              year=2019
            }
            ```

            > ```bibtex
            > @misc{quoted, title = {Q}}
            > ```
            """;

    private static void assertSameAsFullParse(Document edited, String path, boolean markdown) {
        Document full = Documents.parse(path, edited.text(), markdown);
        assertEquals(full.markdownIndex(), edited.markdownIndex());
        assertEquals(full.blocks(), edited.blocks());
        assertEquals(full.lines(), edited.lines());
    }

    @Test
    void anEditInsideABlockTakesTheFastPathAndEqualsAFullParse() {
        Document old = Documents.parse("file:///l.md", LIST);
        int at = LIST.indexOf("Vaswani, Ashish") + "Vaswani".length();
        assertTrue(Reparse.tryEdit(old, at, at, "X", LIST.substring(0, at) + "X" + LIST.substring(at)).isPresent());
        Document edited = Documents.edit(old, at, at + 1, "\n  note = {multi\nline},\n");
        assertSameAsFullParse(edited, "file:///l.md", true);
        // Typing at the very end of the last content line.
        int end = LIST.indexOf("}\n```", LIST.indexOf("vaswani")) + 1;
        assertTrue(Reparse.tryEdit(old, end, end, " ", LIST.substring(0, end) + " " + LIST.substring(end)).isPresent());
        assertSameAsFullParse(Documents.edit(old, end, end, ","), "file:///l.md", true);
    }

    /**
     * A document that opens with "---" whose front matter is not closed yet: a "---" line typed inside a fence below
     * closes it there, and everything above becomes front matter (found by fuzzing). The fast path steps aside.
     */
    @Test
    void anEditThatClosesFrontMatterTakesTheFullPath() {
        String text = "---\ntitle: x\n\n## P\n\n```bibtex\n@misc{k,\n  note = {a}\n}\n```\n";
        Document old = Documents.parse("file:///f.md", text);
        assertEquals(1, old.markdownIndex().fences().size());
        int at = text.indexOf("  note");
        String closed = text.substring(0, at) + "---\n" + text.substring(at);
        assertTrue(Reparse.tryEdit(old, at, at, "---\n", closed).isEmpty());
        Document edited = Documents.edit(old, at, at, "---\n");
        assertSameAsFullParse(edited, "file:///f.md", true);
        assertEquals(0, edited.markdownIndex().fences().size(), "the fence's opening line is inside the front matter now");
        // An edit that leaves the front matter alone still takes the fast path.
        int inNote = text.indexOf("{a}") + 1;
        assertTrue(Reparse.tryEdit(old, inNote, inNote, "b", text.substring(0, inNote) + "b" + text.substring(inNote))
                .isPresent());
    }

    @Test
    void editsThatCanChangeStructureTakeTheFullPath() {
        Document old = Documents.parse("file:///l.md", LIST);
        int at = LIST.indexOf("Vaswani, Ashish");
        String withFence = LIST.substring(0, at) + "```" + LIST.substring(at);
        assertTrue(Reparse.tryEdit(old, at, at, "```", withFence).isEmpty());
        assertSameAsFullParse(Documents.edit(old, at, at, "```"), "file:///l.md", true);
        int quoted = LIST.indexOf("title = {Q}");
        assertTrue(Reparse.tryEdit(old, quoted, quoted, "x", LIST.substring(0, quoted) + "x" + LIST.substring(quoted)).isEmpty());
        int prose = LIST.indexOf("See [@");
        assertTrue(Reparse.tryEdit(old, prose, prose, "x", LIST.substring(0, prose) + "x" + LIST.substring(prose)).isEmpty());
    }

    private static String firstDifference(Document full, Document inc) {
        if (!full.markdownIndex().equals(inc.markdownIndex())) {
            var a = full.markdownIndex();
            var b = inc.markdownIndex();
            if (!a.headings().equals(b.headings())) return "headings";
            if (!a.links().equals(b.links())) return "links";
            if (!a.comments().equals(b.comments())) return "comments";
            if (!a.citations().equals(b.citations())) return "citations";
            for (int i = 0; i < Math.min(a.fences().size(), b.fences().size()); i++) {
                if (!a.fences().get(i).equals(b.fences().get(i))) {
                    return "fence " + i + ": " + a.fences().get(i) + " vs " + b.fences().get(i) + " text equal: "
                            + a.fences().get(i).content().text().equals(b.fences().get(i).content().text()) + "\n[" + a.fences().get(i).content().text() + "]\n[" + b.fences().get(i).content().text() + "]";
                }
            }
            return "fence count " + a.fences().size() + " vs " + b.fences().size();
        }
        for (int i = 0; i < Math.min(full.blocks().size(), inc.blocks().size()); i++) {
            if (!full.blocks().get(i).equals(inc.blocks().get(i))) {
                return "block " + i + ":\n" + full.blocks().get(i) + "\n" + inc.blocks().get(i);
            }
        }
        return "block count";
    }

    @Test
    void randomEditsOnTheFixtureAndTheCorpusEqualFullParses() throws IOException {
        List<Path> files = new ArrayList<>();
        Path corpus = Path.of("../shared/corpus");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> s = Files.walk(corpus)) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().limit(12).forEach(files::add);
            }
        }
        List<String> texts = new ArrayList<>();
        texts.add(LIST);
        for (Path p : files) {
            texts.add(Files.readString(p));
        }
        String alphabet = "abcXYZ {}{},=\"@#\n\n  %\\$";
        long seed = 20261129L;
        Random rnd = new Random(seed);
        int fast = 0;
        int total = 0;
        for (String original : texts) {
            Document doc = Documents.parse("file:///t.md", original);
            for (int step = 0; step < 60; step++) {
                String text = doc.text();
                int start;
                if (!doc.blocks().isEmpty() && rnd.nextInt(4) > 0) {
                    Fence f = doc.blocks().get(rnd.nextInt(doc.blocks().size())).fence();
                    start = f.range().start() + rnd.nextInt(Math.max(1, f.range().length()));
                } else {
                    start = rnd.nextInt(text.length() + 1);
                }
                int end = Math.min(text.length(), start + (rnd.nextInt(3) == 0 ? rnd.nextInt(6) : 0));
                StringBuilder r = new StringBuilder();
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    r.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                if (rnd.nextInt(50) == 0) {
                    r.append('`');
                }
                String newText = text.substring(0, start) + r + text.substring(end);
                if (Reparse.tryEdit(doc, start, end, r.toString(), newText).isPresent()) {
                    fast++;
                }
                total++;
                Document next = Documents.edit(doc, start, end, r.toString());
                assertEquals(newText, next.text());
                Document full = Documents.parse("file:///t.md", newText);
                if (!full.markdownIndex().equals(next.markdownIndex()) || !full.blocks().equals(next.blocks())
                        || !full.lines().equals(next.lines())) {
                    throw new AssertionError("seed " + seed + ": edit [" + start + "," + end + ") -> '" + r
                            + "' differs from a full parse: " + firstDifference(full, next));
                }
                doc = next;
            }
        }
        assertTrue(fast > total / 4, "the fast path was taken " + fast + " of " + total + " times");
    }
}
