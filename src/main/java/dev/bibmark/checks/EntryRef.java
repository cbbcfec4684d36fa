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
            Map<String, String> macros = CheckSupport.macros(d);
            for (BibEntry e : d.entries()) {
                if (!e.key().isEmpty()) {
                    out.add(new EntryRef(d, e, macros, EntryFacts.of(d.text(), e, macros)));
                }
            }
        }
        return out;
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
