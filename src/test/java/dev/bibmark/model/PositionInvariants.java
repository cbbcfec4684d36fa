package dev.bibmark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.checks.Finding;
import dev.bibmark.markdown.EmbeddedText;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold for every parsed document, whatever its content: ranges lie inside the text and
 * never split a surrogate pair or a CRLF, the text at an entry's key/type/field-name range is that
 * key/type/name, (line, character) pairs round-trip, and every character of a fence maps back to
 * the same character of the document.
 */
final class PositionInvariants {
    private PositionInvariants() {}

    static void assertSound(Document d, List<Finding> findings) {
        String t = d.text();
        for (Finding f : findings) {
            assertInside(d, f.range(), f.code().id() + " " + f.message());
            for (Finding.Related rel : f.related()) {
                if (rel.path().equals(d.path())) {
                    assertInside(d, rel.range(), "related of " + f.code().id());
                }
            }
        }
        for (Block b : d.blocks()) {
            for (SyntaxError e : b.bib().errors()) {
                assertInside(d, e.range(), e.kind() + " " + e.message());
            }
            if (b.fence() != null) {
                assertInside(d, b.fence().range(), "fence");
                assertMapsBack(d, b.fence().content());
            }
        }
        for (BibEntry e : d.entries()) {
            assertInside(d, e.range(), "entry " + e.key());
            assertEquals(e.key(), text(t, e.keyRange()), "key range of " + e.key());
            assertEquals(e.type(), text(t, e.typeRange()), "type range of " + e.key());
            assertEquals('@', t.charAt(e.range().start()), "entry range start of " + e.key());
            String open = text(t, e.openRange());
            assertTrue(open.equals("{") || open.equals("("), "open delimiter of " + e.key() + ": " + open);
            for (BibField f : e.fields()) {
                assertEquals(f.name(), text(t, f.nameRange()), "field name range in " + e.key());
                assertInside(d, f.range(), "field " + f.name());
                if (f.value() != null) {
                    assertInside(d, f.value().range(), "value of " + f.name());
                }
            }
        }
    }

    private static String text(String t, TextRange r) {
        assertTrue(r.end() <= t.length(), "range " + r + " past the end " + t.length());
        return t.substring(r.start(), r.end());
    }

    private static void assertInside(Document d, TextRange r, String what) {
        String t = d.text();
        assertTrue(r.start() >= 0 && r.end() <= t.length(), what + ": " + r + " outside [0, " + t.length() + "]");
        for (int o : new int[] {r.start(), r.end()}) {
            if (o > 0 && o < t.length()) {
                assertTrue(!(Character.isHighSurrogate(t.charAt(o - 1)) && Character.isLowSurrogate(t.charAt(o))),
                        what + ": offset " + o + " splits a surrogate pair");
                assertTrue(!(t.charAt(o - 1) == '\r' && t.charAt(o) == '\n'), what + ": offset " + o + " splits CRLF");
            }
            int line = d.lines().line(o);
            int ch = d.lines().character(o);
            assertEquals(o, d.lines().offset(line, ch, t), what + ": offset " + o + " does not round-trip");
        }
    }

    /**
     * Every character of a fence's content maps to itself, except spaces (they may stand for the
     * columns of a tab), line breaks, and U+FFFD (CommonMark's replacement for U+0000).
     */
    private static void assertMapsBack(Document d, EmbeddedText c) {
        String local = c.text();
        String t = d.text();
        for (int i = 0; i < local.length(); i++) {
            char ch = local.charAt(i);
            if (ch == '\n' || ch == ' ') {
                continue;
            }
            int o = c.toDocument(i);
            boolean same = o >= 0 && o < t.length() && (t.charAt(o) == ch || ch == '\uFFFD' && t.charAt(o) == 0);
            if (!same) {
                fail("local " + i + " ('" + ch + "') maps to " + o + " in " + local);
            }
        }
    }

    static final int VARIANT_COUNT = 9;

    /**
     * The same Markdown document re-dressed: other line endings, a BOM, inside a block quote, a list
     * item, both, and with wide characters before the spot on each line.
     */
    static List<String> variants(String md) {
        List<String> out = new ArrayList<>();
        String wide = md.replace("{x}", "{😀深x}");
        out.add(md);
        out.add(md.replace("\n", "\r\n"));
        out.add(md.replace("\n", "\r"));
        out.add("\uFEFF" + md);
        out.add(prefix(md, "> ", "> "));
        out.add(prefix(md, "- ", "  "));
        out.add(prefix(prefix(md, "1. ", "   "), "> ", "> ").replace("\n", "\r\n"));
        out.add(wide);
        out.add(prefix(wide, "> > ", "> > ").replace("\n", "\r"));
        assertEquals(VARIANT_COUNT, out.size());
        return out;
    }

    private static String prefix(String md, String first, String rest) {
        StringBuilder sb = new StringBuilder();
        String[] ls = md.split("\n", -1);
        for (int i = 0; i < ls.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            if (i == ls.length - 1 && ls[i].isEmpty()) {
                break;
            }
            sb.append(i == 0 ? first : ls[i].isEmpty() ? rest.stripTrailing() : rest).append(ls[i]);
        }
        return sb.toString();
    }
}
