package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.bibtex.Months;
import dev.bibmark.util.Identifiers;
import dev.bibmark.util.Latex;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the cross-document checks compare about an entry: its content fingerprint and its identities (DOI,
 * arXiv id, title + first author). Computing them decodes LaTeX, so they are memoized by a 128-bit hash of the
 * entry's source text (and of the {@code @string} values it uses): after a keystroke only the edited entry is
 * decoded again, which keeps re-checking a 10,000-entry workspace cheap.
 *
 * @param content type and fields, order-free, whitespace-collapsed (equal content = the same entry)
 */
record EntryFacts(String content, String doi, String arxiv, String titleAuthor) {
    private static final List<String> ARXIV_FIELDS = List.of("eprint", "journal", "url", "doi");
    private static final int LIMIT = 500_000;
    private static final Map<Key, EntryFacts> MEMO = new ConcurrentHashMap<>();

    private record Key(long a, long b) {}

    static EntryFacts of(String text, BibEntry e, Map<String, String> macros) {
        Key key = key(text, e, macros);
        EntryFacts f = MEMO.get(key);
        if (f == null) {
            f = compute(e, macros);
            if (MEMO.size() >= LIMIT) {
                MEMO.clear();
            }
            MEMO.put(key, f);
        }
        return f;
    }

    private static Key key(String text, BibEntry e, Map<String, String> macros) {
        long a = 0xcbf29ce484222325L;
        long b = 1125899906842597L;
        int end = Math.min(e.range().end(), text.length());
        for (int i = e.range().start(); i < end; i++) {
            char c = text.charAt(i);
            a = (a ^ c) * 0x100000001b3L;
            b = 31 * b + c;
        }
        for (BibField f : e.fields()) {
            if (f.value() == null) {
                continue;
            }
            for (BibValue.Part p : f.value().parts()) {
                if (p instanceof BibValue.Macro m && !Months.isMonth(m.text())) {
                    String v = macros.get(m.text().toLowerCase(Locale.ROOT));
                    String s = m.text() + "=" + (v == null ? "\u0000" : v);
                    for (int i = 0; i < s.length(); i++) {
                        a = (a ^ s.charAt(i)) * 0x100000001b3L;
                        b = 31 * b + s.charAt(i);
                    }
                }
            }
        }
        return new Key(a, b ^ ((long) e.range().length() << 40));
    }

    private static EntryFacts compute(BibEntry e, Map<String, String> macros) {
        Map<String, String> fields = new java.util.TreeMap<>();
        for (BibField f : e.fields()) {
            String v = f.value() == null ? "" : CheckSupport.collapse(f.value().resolve(macros));
            fields.putIfAbsent(f.nameLower(), v);
        }
        String content = e.typeLower() + fields;
        String doiField = CheckSupport.value(e, "doi", macros);
        String doi = doiField.isBlank() ? null
                : Identifiers.doi(doiField).map(d -> d.toLowerCase(Locale.ROOT)).orElse(null);
        String arxiv = null;
        for (String name : ARXIV_FIELDS) {
            String v = CheckSupport.value(e, name, macros);
            if (!v.isBlank()) {
                Optional<String> id = Identifiers.arxivId(v);
                if (id.isPresent()) {
                    arxiv = id.get().toLowerCase(Locale.ROOT);
                    break;
                }
            }
        }
        String title = CheckSupport.value(e, "title", macros);
        String author = CheckSupport.value(e, "author", macros);
        String titleAuthor = null;
        if (!title.isBlank() && !author.isBlank()) {
            String t = Latex.normalizeTitle(title);
            String s = Identifiers.firstAuthorSurname(author);
            if (t != null && !t.isBlank() && s != null && !s.isBlank()) {
                titleAuthor = t + "\u0000" + s.toLowerCase(Locale.ROOT);
            }
        }
        return new EntryFacts(content, doi, arxiv, titleAuthor);
    }
}
