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
record EntryRef(Document doc, BibEntry entry, Map<String, String> macros, EntryFacts facts) {

    /** Every entry with a key, over the documents in the order given. */
    static List<EntryRef> all(List<Document> docs) {
        List<EntryRef> out = new ArrayList<>();
        for (Document d : docs) {
            for (Keyed k : d.derived(Keyed.class, EntryRef::keyed)) {
                out.add(new EntryRef(d, k.entry(), k.macros(), k.facts()));
            }
        }
        return out;
    }

    /** What {@link #all} needs of one entry; memoized per snapshot, so it must not refer to the snapshot. */
    private record Keyed(BibEntry entry, Map<String, String> macros, EntryFacts facts) {}

    private static List<Keyed> keyed(Document d) {
        List<Keyed> out = new ArrayList<>();
        Map<String, String> macros = CheckSupport.macros(d);
        for (BibEntry e : d.entries()) {
            if (!e.key().isEmpty()) {
                out.add(new Keyed(e, macros, EntryFacts.of(d.text(), e, macros)));
            }
        }
        return List.copyOf(out);
    }

    /** Type plus fields (lower-case names, first occurrence, whitespace-collapsed values), order-free. */
    String content() {
        return facts.content();
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
