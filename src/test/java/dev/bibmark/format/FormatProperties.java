package dev.bibmark.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.bibtex.StringDef;
import dev.bibmark.markdown.Fence;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The formatter's promises, checked on any document: idempotence; keys, types (ignoring case), the fields and every
 * value's parts and resolved text unchanged; broken entries, other objects and everything outside the fences
 * byte-identical.
 */
final class FormatProperties {
    /** What one run did, for totals over many documents. */
    record Outcome(int entries, int changed, List<Formatter.Skipped> skipped) {}

    private FormatProperties() {}

    static Outcome check(Document doc, FormatOptions opts) {
        String where = doc.path() + " with " + opts;
        Formatter.Result result = Formatter.run(doc, null, opts);
        String out = Edit.apply(doc.text(), result.edits());
        Document after = Documents.parse(doc.path(), out, doc.markdown());

        assertEquals(List.of(), Formatter.format(after, opts), "idempotent: " + where);
        assertEquals(outside(doc), outside(after), "text outside the fences: " + where);
        assertEquals(doc.blocks().size(), after.blocks().size(), where);
        for (Edit e : result.edits()) {
            for (Formatter.Skipped s : result.skipped()) {
                assertTrue(e.range().end() <= s.range().start() || e.range().start() >= s.range().end(),
                        "an edit touches an entry left as written: " + e + " " + s + " in " + where);
            }
        }
        Map<String, String> macrosBefore = macros(doc);
        Map<String, String> macrosAfter = macros(after);
        assertEquals(macrosBefore, macrosAfter, where);
        int entries = 0;
        int changed = 0;
        for (int b = 0; b < doc.blocks().size(); b++) {
            Block x = doc.blocks().get(b);
            Block y = after.blocks().get(b);
            assertEquals(x.bib().errors().size(), y.bib().errors().size(), "syntax errors of block " + b + ": " + where);
            assertEquals(x.bib().objects().size(), y.bib().objects().size(), where);
            if (x.fence() != null) {
                Set<String> prefixes = prefixes(doc, x.fence());
                prefixes.add(openingPrefix(doc, x.fence()));
                assertTrue(prefixes.containsAll(prefixes(after, y.fence())), "container prefixes: " + where);
            }
            for (int i = 0; i < x.bib().objects().size(); i++) {
                BibObject o = x.bib().objects().get(i);
                BibObject p = y.bib().objects().get(i);
                String before = slice(doc.text(), o.range());
                String now = slice(out, p.range());
                boolean skipped = result.skipped().stream().anyMatch(s -> s.range().equals(o.range()));
                if (!(o instanceof BibEntry e) || skipped) {
                    assertEquals(before, now, "kept byte-identical: " + where);
                    continue;
                }
                entries++;
                if (!before.equals(now)) {
                    changed++;
                }
                BibEntry f = (BibEntry) p;
                assertEquals(e.key(), f.key(), where);
                assertEquals(e.type().toLowerCase(Locale.ROOT), f.type().toLowerCase(Locale.ROOT), where);
                assertEquals(values(e, macrosBefore), values(f, macrosAfter), "fields of " + e.key() + ": " + where);
            }
        }
        return new Outcome(entries, changed, result.skipped());
    }

    /**
     * Every field as name (lower case) → its values in order, each as its parts (kind-neutral for delimited and
     * number parts) and its resolved text.
     */
    static Map<String, List<String>> values(BibEntry e, Map<String, String> macros) {
        Map<String, List<String>> out = new TreeMap<>();
        for (BibField f : e.fields()) {
            StringBuilder sb = new StringBuilder();
            for (BibValue.Part part : f.value().parts()) {
                sb.append(part instanceof BibValue.Macro ? "macro:" : "text:").append(part.text()).append(" # ");
            }
            sb.append("=> ").append(f.value().resolve(macros));
            out.computeIfAbsent(f.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(sb.toString());
        }
        return out;
    }

    private static Map<String, String> macros(Document doc) {
        Map<String, String> m = new HashMap<>();
        for (Block b : doc.blocks()) {
            for (StringDef s : b.bib().strings()) {
                if (s.value() != null) {
                    m.put(s.name().toLowerCase(Locale.ROOT), s.value().resolve(m));
                }
            }
        }
        return m;
    }

    private static String slice(String text, TextRange r) {
        return text.substring(r.start(), r.end());
    }

    /** The document without the content lines of its fences (for .bib files: nothing). */
    static List<String> outside(Document doc) {
        List<String> parts = new ArrayList<>();
        if (!doc.markdown()) {
            return parts;
        }
        int at = 0;
        for (Block b : doc.blocks()) {
            Fence f = b.fence();
            int openLine = doc.lines().line(f.range().start());
            int contentStart = doc.lines().lineStart(openLine + 1);
            int closeStart = f.closed() ? doc.lines().lineStart(doc.lines().line(f.range().end())) : f.range().end();
            parts.add(doc.text().substring(at, Math.min(contentStart, f.range().end())));
            at = Math.max(contentStart, Math.min(closeStart, f.range().end()));
        }
        parts.add(doc.text().substring(Math.min(at, doc.text().length())));
        return parts;
    }

    /** The container prefix of every non-empty content line of a fence. */
    static Set<String> prefixes(Document doc, Fence f) {
        Set<String> out = new HashSet<>();
        String s = f.content().text();
        int start = 0;
        for (String line : s.split("\n", -1)) {
            if (!line.isEmpty()) {
                int docAt = f.content().toDocument(start);
                out.add(doc.text().substring(doc.lines().lineStart(doc.lines().line(docAt)), docAt));
            }
            start += line.length() + 1;
        }
        return out;
    }

    private static String openingPrefix(Document doc, Fence f) {
        int ls = doc.lines().lineStart(doc.lines().line(f.range().start()));
        StringBuilder sb = new StringBuilder();
        for (int i = ls; i < doc.text().length() && doc.text().charAt(i) != '`' && doc.text().charAt(i) != '~'; i++) {
            char c = doc.text().charAt(i);
            sb.append(c == '>' || Character.isWhitespace(c) ? c : ' ');
        }
        return sb.toString();
    }
}
