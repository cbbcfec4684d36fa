package dev.bibmark.markdown;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bibmark.text.TextRange;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link MarkdownReader} without its safety nets ({@code readStrict}): no exception, every range inside the
 * text, the fence mapping (every character of a fence's content maps to the same character of the document), and
 * reading in parallel parts gives exactly what reading the whole text gives, and so does reading with
 * {@link SimpleBlocks} where it applies.
 */
class MarkdownReaderFuzzTest {
    @FuzzTest
    void read(byte[] input) {
        assertReadsSoundly(new String(input, StandardCharsets.UTF_8));
    }

    static MarkdownIndex assertReadsSoundly(String text) {
        MarkdownIndex md = MarkdownReader.readStrict(text);
        org.junit.jupiter.api.Assertions.assertEquals(MarkdownReader.readStrict(text, false),
                MarkdownReader.readStrict(text, true), "read in parts differs from read whole");
        org.junit.jupiter.api.Assertions.assertEquals(MarkdownReader.readStrictWith(text, false),
                MarkdownReader.readStrictWith(text, true), "the simple block reader differs from CommonMark's");
        int n = text.length();
        for (Fence f : md.fences()) {
            inside(f.range(), n, "fence");
            assertMapsBack(text, f.content());
        }
        for (Heading h : md.headings()) {
            inside(h.range(), n, "heading");
            inside(h.titleRange(), n, "heading title");
            if (h.statusRange() != null) {
                inside(h.statusRange(), n, "status");
                assertTrue(text.startsWith(h.status(), h.statusRange().start()), "status text " + h.status());
            }
        }
        for (Link l : md.links()) {
            inside(l.range(), n, "link");
            inside(l.urlRange(), n, "link url");
        }
        for (HtmlComment c : md.comments()) {
            inside(c.range(), n, "comment");
        }
        for (Citation c : md.citations()) {
            inside(c.keyRange(), n, "citation");
            assertTrue(text.startsWith(c.key(), c.keyRange().start()), "citation key text " + c.key() + " at " + c.keyRange());
        }
        return md;
    }

    /** Spaces may stand for a tab's columns and U+FFFD for U+0000 (CommonMark replaces it); all else maps to itself. */
    static void assertMapsBack(String doc, EmbeddedText c) {
        String local = c.text();
        for (int i = 0; i < local.length(); i++) {
            char ch = local.charAt(i);
            if (ch == '\n' || ch == ' ') {
                continue;
            }
            int o = c.toDocument(i);
            boolean same = o >= 0 && o < doc.length() && (doc.charAt(o) == ch || ch == '\uFFFD' && doc.charAt(o) == 0);
            if (!same) {
                fail("fence content " + i + " ('" + ch + "') maps to " + o + " in " + local);
            }
        }
        assertTrue(c.toDocument(local.length()) <= doc.length(), "fence end maps past the document");
    }

    private static void inside(TextRange r, int n, String what) {
        assertTrue(r.start() >= 0 && r.end() <= n, what + " " + r + " outside [0, " + n + "]");
    }
}
