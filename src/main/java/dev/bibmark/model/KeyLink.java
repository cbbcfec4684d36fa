package dev.bibmark.model;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A key that a field of an entry names: {@code crossref} (BibTeX: missing fields come from that entry), and
 * BibLaTeX's {@code xref} (one key) and {@code related} (a comma-separated list). The one place that reads them, for
 * the undefined-citation check, references, rename, inlay hints and the key-convention fix.
 *
 * @param field the field's name in lower case
 * @param key the key as written (trimmed)
 * @param range the key's range in the document, without delimiters, commas and the blanks around it
 */
public record KeyLink(String field, String key, TextRange range) {
    /** The fields whose value is one key. */
    private static final List<String> ONE_KEY = List.of("crossref", "xref");

    /**
     * The links of {@code e} (an entry of {@code doc}) in field order. A field whose value is not one braced or quoted
     * part (a macro, a concatenation, a number), or whose text is not laid out in the document as in the value (a
     * value spread over lines of a fence inside a list item) gives none; a one-key field holding a comma gives none.
     */
    public static List<KeyLink> of(Document doc, BibEntry e) {
        if (!e.hasKeyLinks()) {
            return List.of();
        }
        List<KeyLink> out = null;
        for (BibField f : e.fields()) {
            String name = f.nameLower();
            boolean one = ONE_KEY.contains(name);
            if (!one && !BibEntry.KEY_LINK_FIELDS.contains(name)) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(1);
            }
            add(doc, name, one, f.value(), out);
        }
        return out == null ? List.of() : out;
    }

    private static void add(Document doc, String name, boolean one, BibValue v, List<KeyLink> out) {
        if (v == null || v.parts().size() != 1) {
            return;
        }
        BibValue.Part p = v.parts().get(0);
        if (!(p instanceof BibValue.Braced || p instanceof BibValue.Quoted) || p.range().length() < 2) {
            return;
        }
        // The key is located in the document itself: the part's text is the content between the delimiters, and
        // must be the document's text there (a fence in a list item has its container's indent only in the document).
        String text = doc.text();
        int from = p.range().start() + 1;
        int to = p.range().end() - 1;
        if (to < from || to > text.length() || !text.regionMatches(from, p.text(), 0, p.text().length())
                || p.text().length() != to - from) {
            return;
        }
        if (one && p.text().indexOf(',') >= 0) {
            return;
        }
        int start = from;
        while (start <= to) {
            int comma = one ? -1 : text.indexOf(',', start);
            int end = comma < 0 || comma > to ? to : comma;
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                out.add(new KeyLink(name, text.substring(s, e), new TextRange(s, e)));
            }
            start = end + 1;
        }
    }
}
