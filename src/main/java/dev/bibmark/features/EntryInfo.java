package dev.bibmark.features;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.StringDef;
import dev.bibmark.markdown.Link;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.model.Paper;
import dev.bibmark.util.Identifiers;
import dev.bibmark.util.Latex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One entry of the workspace with what completion and hover show about it. */
public record EntryInfo(Document doc, Block block, BibEntry entry, Map<String, String> macros) {

    /** Every entry of the documents, in document order. */
    public static List<EntryInfo> all(List<Document> docs) {
        List<EntryInfo> out = new ArrayList<>();
        for (Document d : docs) {
            Map<String, String> macros = new HashMap<>();
            for (Block b : d.blocks()) {
                for (StringDef s : b.bib().strings()) {
                    if (s.value() != null) {
                        macros.put(s.name().toLowerCase(Locale.ROOT), s.value().resolve(macros));
                    }
                }
                for (BibEntry e : b.bib().entries()) {
                    out.add(new EntryInfo(d, b, e, macros));
                }
            }
        }
        return out;
    }

    /** What completion shows and filters on for an entry, decoded once per entry content. */
    public record Summary(String title, String authorsShort, String firstAuthorSurname, String year, String venue,
                          String authors, String haystack) {
        Summary(String title, String authorsShort, String firstAuthorSurname, String year, String venue, String authors) {
            this(title, authorsShort, firstAuthorSurname, year, venue, authors,
                    (title + " " + authors + " " + venue + " " + year).toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static final dev.bibmark.util.Memo<dev.bibmark.bibtex.EntryHash, Summary> SUMMARIES =
            new dev.bibmark.util.Memo<>(500_000);

    /** The entry's summary, memoized by content (and by the heading's title when the entry has none). */
    public Summary summary() {
        dev.bibmark.bibtex.EntryHash h = dev.bibmark.bibtex.EntryHash.of(doc.text(), entry, macros);
        if (!entry.hasField("title") && block.paper() != null) {
            h = h.with(block.paper().heading().title());
        }
        return SUMMARIES.get(h, k -> new Summary(title(), authorsShort(), firstAuthorSurname(), field("year"), venue(),
                field("author")));
    }

    public String key() {
        return entry.key();
    }

    /** A field's value, LaTeX decoded for display; "" when absent. */
    public String field(String name) {
        Optional<BibField> f = entry.field(name);
        if (f.isEmpty() || f.get().value() == null) {
            return "";
        }
        return dev.bibmark.util.Strings.collapseWhitespace(Latex.toUnicode(f.get().value().resolve(macros)));
    }

    public String title() {
        String t = field("title");
        return t.isEmpty() && block.paper() != null ? block.paper().heading().title() : t;
    }

    /** "Vaswani, Shazeer, Parmar et al." (first three surnames). */
    public String authorsShort() {
        String raw = field("author");
        if (raw.isEmpty()) {
            raw = field("editor");
        }
        if (raw.isEmpty()) {
            return "";
        }
        String[] names = raw.split("\\s+and\\s+");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(3, names.length); i++) {
            String n = names[i].trim();
            int comma = n.indexOf(',');
            shown.add(comma >= 0 ? n.substring(comma + 1).trim() + " " + n.substring(0, comma).trim() : n);
        }
        return String.join(", ", shown) + (names.length > 3 ? " et al." : "");
    }

    public String firstAuthorSurname() {
        String raw = field("author");
        if (raw.isEmpty()) {
            return "";
        }
        String first = raw.split("\\s+and\\s+")[0].trim();
        int comma = first.indexOf(',');
        if (comma >= 0) {
            return first.substring(0, comma).trim();
        }
        String[] words = first.split("\\s+");
        return words[words.length - 1];
    }

    public String venue() {
        for (String f : List.of("journal", "booktitle", "publisher", "school", "institution", "howpublished")) {
            String v = field(f);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    public String status() {
        Paper p = block.paper();
        return p != null && p.heading().status() != null ? p.heading().status() : "";
    }

    /** Links worth showing: DOI, arXiv, url and the section's paper link. */
    public List<String[]> links() {
        List<String[]> out = new ArrayList<>();
        Identifiers.doi(field("doi")).ifPresent(d -> out.add(new String[] {"DOI " + d, "https://doi.org/" + d}));
        String arxiv = null;
        for (String f : List.of("eprint", "journal", "url")) {
            Optional<String> id = Identifiers.arxivId(field(f));
            if (id.isPresent()) {
                arxiv = id.get();
                break;
            }
        }
        if (arxiv != null) {
            out.add(new String[] {"arXiv " + arxiv, "https://arxiv.org/abs/" + arxiv});
        }
        String url = field("url");
        if (url.startsWith("http") && (arxiv == null || !url.contains(arxiv))) {
            out.add(new String[] {"url", url});
        }
        if (block.paper() != null) {
            Optional<Link> pl = block.paper().paperLink();
            pl.ifPresent(l -> out.add(new String[] {"paper link", l.url()}));
        }
        return out;
    }
}
