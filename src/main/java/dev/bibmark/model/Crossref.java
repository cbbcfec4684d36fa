package dev.bibmark.model;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.text.TextRange;

/**
 * The key an entry's {@code crossref} field names, and where that key stands in the document: the one place that
 * reads a crossref, for the undefined-citation check, references, rename and the key-convention fix.
 *
 * @param key the key as written (trimmed)
 * @param range the key's range in the document, without the delimiters and the blanks around it
 */
public record Crossref(String key, TextRange range) {
    /**
     * The crossref of {@code e} (an entry of {@code doc}), or null when it has none or its value is not one braced or
     * quoted key (a macro, a concatenation, a number, an empty value, or a key split over lines).
     */
    public static Crossref of(Document doc, BibEntry e) {
        BibField f = e.fieldOrNull("crossref");
        if (f == null || f.value() == null || f.value().parts().size() != 1) {
            return null;
        }
        BibValue.Part p = f.value().parts().get(0);
        if (!(p instanceof BibValue.Braced || p instanceof BibValue.Quoted) || p.range().length() < 2) {
            return null;
        }
        // The part's text is the content between the delimiters; locate the key in the document itself (a fence in
        // a list item has its container's indent in the document, not in the part's text).
        String text = doc.text();
        int s = p.range().start() + 1;
        int end = p.range().end() - 1;
        while (s < end && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (end > s && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String key = text.substring(s, end);
        if (key.isEmpty() || !key.equals(p.text().trim())) {
            return null;
        }
        return new Crossref(key, new TextRange(s, end));
    }
}
