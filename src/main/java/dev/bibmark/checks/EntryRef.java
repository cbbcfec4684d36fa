package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An entry with its document and its comparable content, for the cross-document checks. */
record EntryRef(Document doc, BibEntry entry, Map<String, String> macros, dev.bibmark.bibtex.EntryHash hash,
                EntryFacts facts) {

    /** Every entry with a key, over the documents in the order given. */
    static List<EntryRef> all(List<Document> docs) {
        List<EntryRef> out = new ArrayList<>();
        for (Document d : docs) {
            for (Keyed k : d.derived(Keyed.class, EntryRef::keyed)) {
                out.add(new EntryRef(d, k.entry(), k.macros(), k.hash(), k.facts()));
            }
        }
        return out;
    }

    /**
     * Computes (and memoizes per snapshot) what {@link #all} needs, for every document in parallel: called by the
     * thread that waits for the result, so that it takes part in the work.
     */
    static void prepare(List<Document> docs) {
        docs.parallelStream().forEach(d -> d.derived(Keyed.class, EntryRef::keyed));
    }

    /** What {@link #all} needs of one entry; memoized per snapshot, so it must not refer to the snapshot. */
    private record Keyed(BibEntry entry, Map<String, String> macros, dev.bibmark.bibtex.EntryHash hash,
                         EntryFacts facts) {}

    private static List<Keyed> keyed(Document d) {
        Map<String, String> macros = CheckSupport.macros(d);
        List<BibEntry> entries = d.entries();
        // Decoding the entries of a long document (the first time) uses every core; the order is kept.
        return (entries.size() >= PARALLEL_ENTRIES ? entries.parallelStream() : entries.stream())
                .filter(e -> !e.key().isEmpty())
                .map(e -> {
                    dev.bibmark.bibtex.EntryHash hash = dev.bibmark.bibtex.EntryHash.of(d.text(), e, macros);
                    return new Keyed(e, macros, hash, EntryFacts.of(hash, e, macros));
                })
                .toList();
    }

    /** From this many entries on, a document's entries are decoded in parallel. */
    private static final int PARALLEL_ENTRIES = 1024;

    /** Type plus fields (lower-case names, first occurrence, whitespace-collapsed values), order-free. */
    String content() {
        return EntryFacts.content(hash, entry, macros);
    }

    String keyLower() {
        return entry.key().toLowerCase(Locale.ROOT);
    }

    String where() {
        return CheckSupport.where(doc, entry.keyRange().start());
    }

    Finding.Related related(String message) {
        return new Finding.Related(doc.path(), entry.keyRange(), message);
    }
}
