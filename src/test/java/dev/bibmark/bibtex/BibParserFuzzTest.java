package dev.bibmark.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bibmark.text.TextRange;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link BibParser#parse(String)}. Runs its corpus ({@code BibParserFuzzTestInputs/parse/}) in every build;
 * {@code JAZZER_FUZZ=1} fuzzes (see SECURITY.md for the command).
 */
class BibParserFuzzTest {
    @FuzzTest
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        assertParsesSoundly(text);
    }

    /**
     * The parser's contract on any text: no exception and no internal error; every range inside the text; the text
     * at a key, type or field-name range is that key, type or name; objects in order without overlap; and recovery:
     * every line-start {@code @type{} outside a previous object's range starts an object of its own (or has an
     * error before the next one).
     */
    static BibFile assertParsesSoundly(String text) {
        BibFile f = BibParser.parse(text);
        for (int parts = 2; parts <= 3; parts++) {
            dev.bibmark.markdown.EmbeddedText t = dev.bibmark.markdown.EmbeddedText.identity(text);
            BibFile inParts = BibParser.parseInParts(t, parts);
            if (inParts != null) {
                assertEquals(BibParser.parseWhole(t), inParts, "parsed in " + parts + " parts");
            }
        }
        int n = text.length();
        for (SyntaxError e : f.errors()) {
            if (e.message().startsWith("Internal parser error")) {
                fail(e.message() + " at " + e.range());
            }
            inside(e.range(), n, e.kind().toString());
        }
        int prevEnd = 0;
        for (BibObject o : f.objects()) {
            inside(o.range(), n, "object");
            assertEquals('@', text.charAt(o.range().start()), "object starts at '@': " + o);
            assertTrue(o.range().start() >= prevEnd, "objects overlap at " + o.range());
            prevEnd = o.range().end();
            if (o instanceof BibEntry e) {
                assertEquals(e.key(), sub(text, e.keyRange()));
                assertEquals(e.type(), sub(text, e.typeRange()));
                String open = sub(text, e.openRange());
                assertTrue(open.equals("{") || open.equals("("), open);
                for (BibField fd : e.fields()) {
                    assertEquals(fd.name(), sub(text, fd.nameRange()));
                    inside(fd.range(), n, "field");
                    assertTrue(e.range().start() <= fd.range().start() && fd.range().end() <= e.range().end(),
                            "field " + fd.range() + " outside its entry " + e.range());
                    if (fd.value() != null) {
                        inside(fd.value().range(), n, "value");
                        for (BibValue.Part p : fd.value().parts()) {
                            inside(p.range(), n, "part");
                        }
                    }
                }
            } else if (o instanceof StringDef d) {
                assertEquals(d.name(), sub(text, d.nameRange()));
            }
        }
        assertEveryLineStartObjectIsFound(text, f);
        return f;
    }

    /** A line-start {@code @name{} or {@code @name(} starts an object unless an earlier object covers it. */
    private static void assertEveryLineStartObjectIsFound(String text, BibFile f) {
        java.util.Set<Integer> starts = new java.util.HashSet<>();
        for (BibObject o : f.objects()) {
            starts.add(o.range().start());
        }
        int i = -1;
        while ((i = text.indexOf('@', i + 1)) >= 0) {
            if (!isObjectStart(text, i) || starts.contains(i)) {
                continue;
            }
            for (BibObject o : f.objects()) {
                if (o.range().start() < i && i < o.range().end()) {
                    fail("the object at " + i + " is swallowed by " + o);
                }
            }
            // Not an object (a @string without a name): then an error before the next object says why.
            int next = i + 1;
            while (next < text.length() && !(text.charAt(next) == '@' && isObjectStart(text, next))) {
                next++;
            }
            boolean explained = false;
            for (SyntaxError e : f.errors()) {
                explained |= e.range().start() >= i && e.range().start() <= next;
            }
            assertTrue(explained, "no object and no error at the line-start '@' at " + i + " in " + f.objects());
        }
    }

    static boolean isObjectStart(String s, int i) {
        int j = i - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j--;
        }
        if (!(j < 0 || s.charAt(j) == '\n' || s.charAt(j) == '\r')) {
            return false;
        }
        int k = i + 1;
        while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || "_-:.+".indexOf(s.charAt(k)) >= 0)) {
            k++;
        }
        if (k == i + 1) {
            return false;
        }
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k++;
        }
        return k < s.length() && (s.charAt(k) == '{' || s.charAt(k) == '(');
    }

    private static String sub(String text, TextRange r) {
        inside(r, text.length(), "range");
        return text.substring(r.start(), r.end());
    }

    private static void inside(TextRange r, int n, String what) {
        assertTrue(r.start() >= 0 && r.end() <= n, what + " " + r + " outside [0, " + n + "]");
    }
}
