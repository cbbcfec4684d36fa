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
 * What the cross-document checks compare about an entry: its identities (DOI, arXiv id, title + first author)
 * and, for entries that share a key, its content. Computing them decodes LaTeX, so they are memoized by a 128-bit
 * hash of the entry's source text (and of the {@code @string} values it uses): after a keystroke only the edited
 * entry is decoded again, which keeps re-checking a 10,000-entry workspace cheap.
 */
record EntryFacts(String doi, String arxiv, String titleAuthor) {
    private static final List<String> ARXIV_FIELDS = List.of("eprint", "journal", "url", "doi");
    private static final dev.bibmark.util.Memo<EntryHash, EntryFacts> MEMO = new dev.bibmark.util.Memo<>(500_000);
    private static final dev.bibmark.util.Memo<EntryHash, String> CONTENT = new dev.bibmark.util.Memo<>(100_000);

    static EntryFacts of(EntryHash hash, BibEntry e, Map<String, String> macros) {
        return MEMO.get(hash, k -> compute(e, macros));
    }

    /**
     * Type and fields (lower-case names, first occurrence, whitespace-collapsed values), order-free: equal
     * content is the same entry. Only entries that share a key are compared this way, so it is computed on demand.
     */
    static String content(EntryHash hash, BibEntry e, Map<String, String> macros) {
        return CONTENT.get(hash, k -> {
            Map<String, String> fields = new java.util.TreeMap<>();
            for (BibField f : e.fields()) {
                String v = f.value() == null ? "" : CheckSupport.collapse(f.value().resolve(macros));
                fields.putIfAbsent(f.nameLower(), v);
            }
            return e.typeLower() + fields;
        });
    }

    private static EntryFacts compute(BibEntry e, Map<String, String> macros) {
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
        return new EntryFacts(doi, arxiv, titleAuthor);
    }
}
