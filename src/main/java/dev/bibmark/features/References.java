package dev.bibmark.features;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.markdown.Citation;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where citation keys occur: entry keys (definitions), citations in prose ({@code [@key]}, {@code @key},
 * {@code \cite{a,b}}) and the keys entries link to inside BibTeX ({@code crossref}, {@code xref}, {@code related}:
 * {@link dev.bibmark.model.KeyLink}). Keys match case-insensitively, as in BibTeX.
 */
public final class References {
    private References() {}

    /** What an occurrence is. */
    public enum Kind {
        /** The key of an entry. */
        DEFINITION,
        /** A citation in Markdown prose. */
        CITATION,
        /** A key in a {@code crossref}, {@code xref} or {@code related} field. */
        CROSSREF
    }

    /** Whether a highlight reads or writes the key (LSP DocumentHighlightKind Read/Write). */
    public enum Access { READ, WRITE }

    /**
     * One occurrence of a key.
     *
     * @param key the key as written there
     * @param range the key's own range (without {@code @}, braces or quotes)
     * @param fullRange the entry for a definition; else the same as {@code range}
     * @param citationKind for a {@link Kind#CITATION}, its syntax; else null
     */
    public record Occurrence(Document doc, String key, TextRange range, TextRange fullRange, Kind kind,
                             Citation.Kind citationKind) {
        public boolean matches(String other) {
            return key.equalsIgnoreCase(other);
        }
    }

    /** A highlight in one document. */
    public record Highlight(TextRange range, Access access) {}

    /** Every key occurrence of a document, in document order (entries with no key are left out). */
    public static List<Occurrence> occurrences(Document doc) {
        List<Occurrence> out = new ArrayList<>();
        for (Citation c : doc.markdownIndex().citations()) {
            out.add(new Occurrence(doc, c.key(), c.keyRange(), c.keyRange(), Kind.CITATION, c.kind()));
        }
        for (BibEntry e : doc.entries()) {
            if (!e.key().isEmpty()) {
                out.add(new Occurrence(doc, e.key(), e.keyRange(), e.range(), Kind.DEFINITION, null));
            }
            out.addAll(links(doc, e));
        }
        out.sort(Comparator.comparingInt(o -> o.range().start()));
        return out;
    }

    /** The keys an entry links to ({@code crossref}, {@code xref}, {@code related}) as occurrences. */
    static List<Occurrence> links(Document doc, BibEntry e) {
        List<dev.bibmark.model.KeyLink> links = dev.bibmark.model.KeyLink.of(doc, e);
        if (links.isEmpty()) {
            return List.of();
        }
        List<Occurrence> out = new ArrayList<>(links.size());
        for (dev.bibmark.model.KeyLink l : links) {
            out.add(new Occurrence(doc, l.key(), l.range(), l.range(), Kind.CROSSREF, null));
        }
        return out;
    }

    /**
     * The occurrence under the cursor: the cursor is inside or just after the key, or on the {@code @} of a
     * Pandoc citation.
     */
    public static Optional<Occurrence> at(Document doc, int offset) {
        for (Occurrence o : occurrences(doc)) {
            if (o.range().touches(offset)) {
                return Optional.of(o);
            }
            if (o.citationKind() == Citation.Kind.PANDOC && offset >= 0 && offset < o.range().start()
                    && offset >= o.range().start() - 2 && doc.text().charAt(offset) == '@') {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Every entry with that key (several when the key is duplicated), in workspace order. */
    public static List<Occurrence> definitions(List<Document> workspace, String key) {
        List<Occurrence> out = new ArrayList<>();
        for (Document d : workspace) {
            for (BibEntry e : d.entries()) {
                if (!e.key().isEmpty() && e.key().equalsIgnoreCase(key)) {
                    out.add(new Occurrence(d, e.key(), e.keyRange(), e.range(), Kind.DEFINITION, null));
                }
            }
        }
        return out;
    }

    /** Every citation and crossref of the key, and its definitions when asked, in workspace then document order. */
    public static List<Occurrence> references(List<Document> workspace, String key, boolean includeDeclaration) {
        List<Occurrence> out = new ArrayList<>();
        for (Document d : workspace) {
            for (Occurrence o : occurrences(d)) {
                if (o.matches(key) && (includeDeclaration || o.kind() != Kind.DEFINITION)) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** The occurrences in one document of the key under the cursor; entry keys are writes, the rest reads. */
    public static List<Highlight> highlights(Document doc, int offset) {
        Optional<Occurrence> at = at(doc, offset);
        if (at.isEmpty()) {
            return List.of();
        }
        List<Highlight> out = new ArrayList<>();
        for (Occurrence o : occurrences(doc)) {
            if (o.matches(at.get().key())) {
                out.add(new Highlight(o.range(), o.kind() == Kind.DEFINITION ? Access.WRITE : Access.READ));
            }
        }
        return out;
    }

    /** How often each key (lower-case) is cited or linked to by another entry in the workspace. */
    public static Map<String, Integer> citationCounts(List<Document> workspace) {
        Map<String, Integer> counts = new HashMap<>();
        for (Document d : workspace) {
            for (Citation c : d.markdownIndex().citations()) {
                counts.merge(c.key().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
            for (BibEntry e : d.entries()) {
                for (Occurrence o : links(d, e)) {
                    counts.merge(o.key().toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
