package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.EntryHash;
import dev.bibmark.util.Identifiers;
import dev.bibmark.util.Latex;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
    private static final dev.bibmark.util.Memo<EntryHash, EntryFacts> MEMO = new dev.bibmark.util.Memo<>(500_000);

    static EntryFacts of(String text, BibEntry e, Map<String, String> macros) {
        return MEMO.get(EntryHash.of(text, e, macros), k -> compute(e, macros));
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
