package dev.bibmark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.bibtex.BibObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A .bib file is one block per object, and {@link Documents#edit} re-parses only the objects an edit can change: the
 * result must equal a full parse of the new text, whichever path it takes.
 */
public class BibIncrementalParseTest {
    static final String FIXTURE = """
            % a comment line, and an address: someone@example.org
            @string{acl = "ACL"}
            @inproceedings{vaswani2017attention,
              title={Attention Is All You Need},
              author={Vaswani, Ashish},
              booktitle=acl # " 2017",
              year={2017}
            }

            @article{open,
              title = {Left open,
              year = 2020
            }
            @misc(paren, title = "P", note = {x}) @misc{same_line, title = {S}}
            @comment{ignored @misc{inside, } }
            @preamble{"\\newcommand{\\x}{y}"}
            @include{other.bib}
            @string{ = "no name"}
            junk @ {not an entry}
            @article{a1,
              title = {T} % a comment inside
              , year = 2001
            }
            @book{b,
              title = "Quoted \\"accent",
              publisher = {P}},
              year = {1999}
            }
            @misc{last, title = {L}
            """;

    /** .bib texts: the fixture, and the corpus's bibtex blocks joined into files of about 40 entries. */
    public static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        texts.add(FIXTURE);
        texts.add(FIXTURE.replace("\n", "\r\n"));
        Path corpus = Path.of("../shared/corpus");
        if (Files.isDirectory(corpus)) {
            Pattern fence = Pattern.compile("(?s)```bibtex\\n(.*?)\\n```");
            StringBuilder sb = new StringBuilder();
            int n = 0;
            try (Stream<Path> s = Files.walk(corpus)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    Matcher m = fence.matcher(Files.readString(p));
                    while (m.find()) {
                        sb.append(m.group(1)).append("\n\n");
                        if (++n % 40 == 0) {
                            texts.add(sb.toString());
                            sb.setLength(0);
                        }
                    }
                    if (texts.size() > 14) {
                        break;
                    }
                }
            }
        }
        return texts;
    }

    private static void assertSameAsFullParse(Document edited, String what) {
        Document full = Documents.parse("file:///t.bib", edited.text());
        if (!full.blocks().equals(edited.blocks())) {
            int i = 0;
            while (i < Math.min(full.blocks().size(), edited.blocks().size())
                    && full.blocks().get(i).equals(edited.blocks().get(i))) {
                i++;
            }
            throw new AssertionError(what + ": differs from a full parse at block " + i + " (" + full.blocks().size()
                    + " vs " + edited.blocks().size() + " blocks):\n"
                    + (i < full.blocks().size() ? full.blocks().get(i) : "-") + "\n"
                    + (i < edited.blocks().size() ? edited.blocks().get(i) : "-"));
        }
        assertEquals(full.lines(), edited.lines());
    }

    @Test
    void aBibFileIsOneBlockPerObjectWithItsErrors() {
        Document d = Documents.parse("file:///t.bib", FIXTURE);
        int objects = 0;
        for (Block b : d.blocks()) {
            assertEquals(1, b.bib().objects().size());
            BibObject o = b.bib().objects().get(0);
            b.bib().errors().forEach(e -> assertTrue(e.range().start() > o.range().start() || b == d.blocks().get(0), e.toString()));
            objects++;
        }
        assertEquals(Documents.parse("file:///t.bib", FIXTURE).fileBlock().bib().objects().size(), objects);
        assertEquals(1, Documents.parse("file:///e.bib", "").blocks().size());
        assertEquals(1, Documents.parse("file:///e.bib", "@ {x}").blocks().size());
    }

    @Test
    void typingInsideAnEntryReparsesThatEntryOnly() {
        Document old = Documents.parse("file:///t.bib", FIXTURE);
        int at = FIXTURE.indexOf("Vaswani, Ashish") + 3;
        String text = FIXTURE.substring(0, at) + "x" + FIXTURE.substring(at);
        Document edited = BibBlocks.tryEdit(old, at, at, "x", text).orElseThrow();
        assertSameAsFullParse(edited, "typing");
        int k = 0;
        while (!edited.blocks().get(k).bib().objects().get(0).range().touches(at)) {
            k++;
        }
        assertEquals(new EditInfo(k, at, at, 1), Documents.lastEdit(edited).orElseThrow());
        for (int i = 0; i < old.blocks().size(); i++) {
            if (i < k) {
                assertTrue(old.blocks().get(i) == edited.blocks().get(i), "blocks before the edit are kept");
            } else if (i > k) {
                assertTrue(old.blocks().get(i).origin() == edited.blocks().get(i).origin(), "blocks after only move");
            }
        }
    }

    @Test
    void randomEditsEqualFullParses() throws IOException {
        String alphabet = "abcXYZ {}{}(),=\"@#%\n\n  \\\r";
        long seed = Long.getLong("bibmark.test.seed", 20261130L);
        Random rnd = new Random(seed);
        int fast = 0;
        int total = 0;
        for (String original : texts()) {
            Document doc = Documents.parse("file:///t.bib", original);
            for (int step = 0; step < 150; step++) {
                String text = doc.text();
                int start = rnd.nextInt(text.length() + 1);
                int end = Math.min(text.length(), start + (rnd.nextInt(3) == 0 ? rnd.nextInt(8) : 0));
                StringBuilder r = new StringBuilder();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    r.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                if (rnd.nextInt(20) == 0) {
                    r.append("\n@misc{new, title = {N}}\n");
                } else if (rnd.nextInt(40) == 0) {
                    r.append("\n@include{x.bib}\n");
                }
                String newText = text.substring(0, start) + r + text.substring(end);
                if (BibBlocks.tryEdit(doc, start, end, r.toString(), newText).isPresent()) {
                    fast++;
                }
                total++;
                Document next = Documents.edit(doc, start, end, r.toString());
                assertEquals(newText, next.text());
                assertSameAsFullParse(next, "seed " + seed + ", step " + step + ", edit [" + start + "," + end + ") -> '"
                        + r.toString().replace("\n", "\\n").replace("\r", "\\r") + "'");
                doc = next;
            }
        }
        assertTrue(fast > total * 3 / 4, "the fast path was taken " + fast + " of " + total + " times");
    }

    /** A file long enough that the full parse reads it in parallel parts: the two must still agree. */
    @Test
    void editsInALongFileEqualFullParses() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 400_000; i++) {
            sb.append("@article{k").append(i).append(",\n  title = {Title ").append(i).append("},\n  year = ")
                    .append(2000 + i % 20).append("\n}\n");
            if (i % 997 == 0) {
                sb.append("@misc{broken").append(i).append(",\n  title = {open\n");
            }
        }
        Document doc = Documents.parse("file:///long.bib", sb.toString());
        Random rnd = new Random(7);
        for (int step = 0; step < 40; step++) {
            int at = rnd.nextInt(doc.text().length());
            String r = step % 3 == 0 ? "}" : step % 3 == 1 ? "{" : "x";
            Document next = Documents.edit(doc, at, at, r);
            assertSameAsFullParse(next, "step " + step);
            doc = next;
        }
    }
}
