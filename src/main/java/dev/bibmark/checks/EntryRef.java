package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.EntryHash;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An entry with a key, its document, and what the cross-document checks compare. What does not depend on positions
 * (key, fingerprint, identities) is memoized on the block's parse result, which the blocks below an edit share
 * with their earlier selves; the entry itself (with its positions) is looked up only when a finding needs it.
 * So a keystroke costs the cross-document checks a lookup per entry, not a walk over every syntax tree.
 */
final class EntryRef {
    private final Document doc;
    private final Slot slot;
    private final Map<String, String> macros;
    /** Workspace order: the document's place in the list checked, then the entry's place in the document. */
    private final int docOrdinal;
    private final int ordinal;

    private EntryRef(Document doc, Slot slot, Map<String, String> macros, int docOrdinal, int ordinal) {
        this.doc = doc;
        this.slot = slot;
        this.macros = macros;
        this.docOrdinal = docOrdinal;
        this.ordinal = ordinal;
    }

    /**
     * Orders entries as the workspace lists them. Written out: {@code Comparator.comparingInt} makes a serializable
     * lambda, which the class-data archive does not hold, and spinning it costs a cold JVM (the command line) ms.
     */
    static final java.util.Comparator<EntryRef> ORDER = (a, b) -> a.docOrdinal != b.docOrdinal
            ? Integer.compare(a.docOrdinal, b.docOrdinal) : Integer.compare(a.ordinal, b.ordinal);

    /** Position-free facts of the entry at {@code index} of a block's entries. */
    private record Keyed(int index, String keyLower, EntryHash hash, EntryFacts facts) {}

    private record Slot(Block block, Keyed keyed) {}

    /** A document's slots and string values; memoized per snapshot, so it must not refer to the snapshot. */
    private record DocKeys(Map<String, String> macros, List<Slot> slots) {}

    /** Every entry with a key, over the documents in the order given. */
    static List<EntryRef> all(List<Document> docs) {
        List<EntryRef> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            out.addAll(of(docs.get(i), i));
        }
        return out;
    }

    /** How many entries with a key a document has (memoized with the rest). */
    static int count(Document d) {
        return keys(d).slots().size();
    }

    /** The entries with a key of one document, which is the {@code docOrdinal}-th of the workspace. */
    static List<EntryRef> of(Document d, int docOrdinal) {
        DocKeys k = keys(d);
        List<EntryRef> out = new ArrayList<>(k.slots().size());
        for (Slot s : k.slots()) {
            out.add(new EntryRef(d, s, k.macros(), docOrdinal, out.size()));
        }
        return out;
    }

    /**
     * Computes (and memoizes) what {@link #all} needs, for every document in parallel: called by the thread that
     * waits for the result, so that it takes part in the work.
     */
    static void prepare(List<Document> docs) {
        docs.parallelStream().forEach(EntryRef::keys);
    }

    private static DocKeys keys(Document d) {
        return d.derived(DocKeys.class, EntryRef::computeKeys);
    }

    private static DocKeys computeKeys(Document d) {
        Map<String, String> macros = CheckSupport.macros(d);
        List<Block> blocks = d.blocks();
        // The blocks of a long list are decoded on every core the first time; the order is kept.
        List<List<Keyed>> perBlock = (blocks.size() >= PARALLEL_BLOCKS ? blocks.parallelStream() : blocks.stream())
                .map(b -> b.origin().memo(macros, () -> keyed(d, b, macros)))
                .toList();
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            addSlots(slots, blocks.get(i), perBlock.get(i));
        }
        return new DocKeys(macros, List.copyOf(slots));
    }

    /** A block's slots (a method of its own, called per block, so that it is compiled early). */
    private static void addSlots(List<Slot> slots, Block b, List<Keyed> keyed) {
        for (Keyed k : keyed) {
            slots.add(new Slot(b, k));
        }
    }

    private static List<Keyed> keyed(Document d, Block b, Map<String, String> macros) {
        List<BibEntry> entries = b.bib().entries();
        if (entries.size() >= PARALLEL_ENTRIES) {
            return java.util.stream.IntStream.range(0, entries.size()).parallel()
                    .filter(i -> !entries.get(i).key().isEmpty())
                    .mapToObj(i -> keyed(d, entries.get(i), i, macros))
                    .toList();
        }
        // A block of a Markdown list holds one entry or a few: a loop, not a stream per block (10,000 of them).
        List<Keyed> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).key().isEmpty()) {
                out.add(keyed(d, entries.get(i), i, macros));
            }
        }
        return out;
    }

    private static Keyed keyed(Document d, BibEntry e, int index, Map<String, String> macros) {
        EntryHash hash = EntryHash.of(d.text(), e, macros);
        return new Keyed(index, e.key().toLowerCase(Locale.ROOT), hash, EntryFacts.of(hash, e, macros));
    }

    /** From this many entries in one block (a .bib file), they are decoded in parallel. */
    private static final int PARALLEL_ENTRIES = 1024;
    private static final int PARALLEL_BLOCKS = 256;

    Document doc() {
        return doc;
    }

    /** The entry, with its positions in the document (translates its block if it had only moved). */
    BibEntry entry() {
        return slot.block().bib().entries().get(slot.keyed().index());
    }

    EntryFacts facts() {
        return slot.keyed().facts();
    }

    /** Type plus fields (lower-case names, first occurrence, whitespace-collapsed values), order-free. */
    String content() {
        return EntryFacts.content(slot.keyed().hash(), entry(), macros);
    }

    String keyLower() {
        return slot.keyed().keyLower();
    }

    /** The first author's first given name as lower-case letters ("" when not written); computed when asked. */
    String firstGiven() {
        return dev.bibmark.util.Identifiers.firstAuthorGiven(CheckSupport.value(entry(), "author", macros));
    }

    String where() {
        return CheckSupport.where(doc, entry().keyRange().start());
    }

    Finding.Related related(String message) {
        return new Finding.Related(doc.path(), entry().keyRange(), message);
    }
}
