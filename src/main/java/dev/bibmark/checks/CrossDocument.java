package dev.bibmark.checks;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The cross-document checks ({@code duplicate-key}, {@code duplicate-entry}, {@code undefined-citation}) as an
 * incremental index: entries are indexed by key, DOI, arXiv id and title + first author; after an edit, only the
 * edited documents' entries are re-indexed, and only the entries that share one of their old or new identities are
 * checked again. Every other finding is kept, since what it depends on (the entries sharing its identities) did not
 * change. Undefined citations are looked up again on each update in a count of every key (a document's citations
 * are memoized on its snapshot, and a workspace has few of them next to its entries). The findings
 * equal {@link Checker#runWorkspace} on the same documents (a property test compares them over random edits).
 *
 * <p>Mutable, for one thread (the server's worker): {@link #update} changes this index.
 */
public final class CrossDocument {
    /** The identities an entry is indexed by. */
    private enum Kind {
        KEY(EntryRef::keyLower),
        DOI(r -> r.facts().doi()),
        ARXIV(r -> r.facts().arxiv()),
        TITLE_AUTHOR(r -> r.facts().titleAuthor());

        final Function<EntryRef, String> of;

        Kind(Function<EntryRef, String> of) {
            this.of = of;
        }
    }

    private final Consumer<String> log;
    private List<Document> docs = List.of();
    private Config config;
    private final Map<String, List<EntryRef>> refsByPath = new HashMap<>();
    /** Per kind: identity to its entries, in workspace order. */
    private final Map<Kind, Map<String, List<EntryRef>>> index = new HashMap<>();
    /** Raw duplicate-key findings by key; raw duplicate-entry findings by entry. */
    private final Map<String, List<Finding>> keyFindings = new HashMap<>();
    private final Map<EntryRef, Finding> entryFindings = new IdentityHashMap<>();
    private boolean keyCheckOn;
    private boolean entryCheckOn;
    private boolean citeCheckOn;
    /** How many entries of the workspace have each key (lower-case), for undefined-citation. */
    private final Map<String, Integer> keyCounts = new HashMap<>();
    private List<Finding> findings = List.of();
    /** Whether the index describes {@link #docs}; after a plain full run it is built on the next edit. */
    private boolean built;

    public CrossDocument(Consumer<String> log) {
        this.log = log;
    }

    /** The findings for the documents of the last {@link #update}: severities and suppressions applied, sorted. */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * Brings the index to {@code now} (documents in workspace order) and returns the findings. Re-indexes only
     * the documents whose snapshot changed when the same paths are checked with the same config; else rebuilds.
     */
    public List<Finding> update(List<Document> now, Config cfg) {
        try {
            List<Integer> changed = changedDocs(now, cfg);
            if (changed == null) {
                // Most of the workspace changed (or its files or config): the plain checks are the fastest way,
                // and the index is built only when an edit can use it.
                findings = Checker.runWorkspace(now, cfg, log);
                clear();
                docs = List.copyOf(now);
                config = cfg;
                built = false;
                return findings;
            }
            if (changed.isEmpty() && built) {
                return findings;
            }
            if (!built) {
                rebuild(docs, cfg);
                built = true;
            }
            if (!changed.isEmpty()) {
                reindex(now, changed);
            }
        } catch (RuntimeException | StackOverflowError e) {
            log.accept("cross-document checks failed: " + e);
            clear();
            findings = Checker.runWorkspace(now, cfg, log);
            docs = List.of();
            config = null;
            built = false;
            return findings;
        }
        findings = finish();
        return findings;
    }

    /** The positions of the documents that changed, or null when the index must be rebuilt. */
    private List<Integer> changedDocs(List<Document> now, Config cfg) {
        if (cfg != config || now.size() != docs.size()) {
            return null;
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            if (!now.get(i).path().equals(docs.get(i).path())) {
                return null;
            }
            if (now.get(i) != docs.get(i)) {
                changed.add(i);
            }
        }
        // Re-indexing most of the workspace (or one long list that is most of it) costs more than building it again.
        if (changed.isEmpty()) {
            return changed;
        }
        long changedEntries = 0;
        long total = 0;
        for (int i = 0; i < docs.size(); i++) {
            total += EntryRef.count(docs.get(i));
        }
        for (int i : changed) {
            changedEntries += EntryRef.count(docs.get(i));
        }
        return changed.size() > Math.max(4, now.size() / 4) || changedEntries * 4 > Math.max(64, total) ? null
                : changed;
    }

    private void clear() {
        keyCounts.clear();
        refsByPath.clear();
        index.clear();
        keyFindings.clear();
        entryFindings.clear();
    }

    private void rebuild(List<Document> now, Config cfg) {
        clear();
        docs = List.copyOf(now);
        config = cfg;
        keyCheckOn = cfg.severityOf(Code.DUPLICATE_KEY).isPresent();
        entryCheckOn = cfg.severityOf(Code.DUPLICATE_ENTRY).isPresent();
        citeCheckOn = cfg.severityOf(Code.UNDEFINED_CITATION).isPresent();
        if (citeCheckOn) {
            for (Document d : docs) {
                UndefinedCitationCheck.addKeys(d, keyCounts, 1);
            }
        }
        if (!keyCheckOn && !entryCheckOn) {
            return;
        }
        EntryRef.prepare(docs);
        for (Kind k : Kind.values()) {
            index.put(k, new HashMap<>());
        }
        List<EntryRef> all = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            List<EntryRef> refs = EntryRef.of(docs.get(i), i);
            refsByPath.put(docs.get(i).path(), refs);
            for (EntryRef r : refs) {
                for (Kind k : Kind.values()) {
                    String id = k.of.apply(r);
                    if (id != null) {
                        index.get(k).computeIfAbsent(id, x -> new ArrayList<>(1)).add(r);
                    }
                }
            }
            all.addAll(refs);
        }
        if (keyCheckOn) {
            guarded(Code.DUPLICATE_KEY, () -> {
                for (Map.Entry<String, List<EntryRef>> e : index.get(Kind.KEY).entrySet()) {
                    List<Finding> fs = DuplicateKeyCheck.group(e.getValue());
                    if (!fs.isEmpty()) {
                        keyFindings.put(e.getKey(), fs);
                    }
                }
            });
        }
        if (entryCheckOn) {
            guarded(Code.DUPLICATE_ENTRY, () -> {
                for (EntryRef r : all) {
                    recheckEntry(r);
                }
            });
        }
    }

    private void reindex(List<Document> now, List<Integer> changed) {
        if (citeCheckOn) {
            for (int i : changed) {
                UndefinedCitationCheck.addKeys(docs.get(i), keyCounts, -1);
                UndefinedCitationCheck.addKeys(now.get(i), keyCounts, 1);
            }
        }
        docs = List.copyOf(now);
        if (!keyCheckOn && !entryCheckOn) {
            return;
        }
        Map<Kind, Set<String>> affected = new HashMap<>();
        for (Kind k : Kind.values()) {
            affected.put(k, new HashSet<>());
        }
        List<EntryRef> added = new ArrayList<>();
        for (int i : changed) {
            Document d = docs.get(i);
            List<EntryRef> before = refsByPath.getOrDefault(d.path(), List.of());
            for (EntryRef old : before) {
                for (Kind k : Kind.values()) {
                    String id = k.of.apply(old);
                    if (id != null) {
                        affected.get(k).add(id);
                        List<EntryRef> list = index.get(k).get(id);
                        if (list != null) {
                            list.removeIf(x -> x == old);
                            if (list.isEmpty()) {
                                index.get(k).remove(id);
                            }
                        }
                    }
                }
                entryFindings.remove(old);
            }
            List<EntryRef> refs = EntryRef.of(d, i);
            refsByPath.put(d.path(), refs);
            for (EntryRef r : refs) {
                for (Kind k : Kind.values()) {
                    String id = k.of.apply(r);
                    if (id != null) {
                        affected.get(k).add(id);
                        insertInOrder(index.get(k).computeIfAbsent(id, x -> new ArrayList<>(1)), r);
                    }
                }
            }
            added.addAll(refs);
        }
        if (keyCheckOn) {
            guarded(Code.DUPLICATE_KEY, () -> {
                for (String key : affected.get(Kind.KEY)) {
                    List<EntryRef> group = index.get(Kind.KEY).get(key);
                    List<Finding> fs = group == null ? List.of() : DuplicateKeyCheck.group(group);
                    if (fs.isEmpty()) {
                        keyFindings.remove(key);
                    } else {
                        keyFindings.put(key, fs);
                    }
                }
            });
        }
        if (entryCheckOn) {
            guarded(Code.DUPLICATE_ENTRY, () -> {
                // Every entry that shares an identity that changed: its earlier copies may be different now.
                Set<EntryRef> recheck = Collections.newSetFromMap(new IdentityHashMap<>());
                recheck.addAll(added);
                for (Kind k : Kind.values()) {
                    for (String id : affected.get(k)) {
                        recheck.addAll(index.get(k).getOrDefault(id, List.of()));
                    }
                }
                for (EntryRef r : recheck) {
                    recheckEntry(r);
                }
            });
        }
    }

    private static void insertInOrder(List<EntryRef> list, EntryRef r) {
        int at = Collections.binarySearch(list, r, EntryRef.ORDER);
        list.add(at < 0 ? -at - 1 : at, r);
    }

    /** The duplicate-entry finding of one entry, from the earlier entries sharing one of its identities. */
    private void recheckEntry(EntryRef r) {
        List<EntryRef> earlier = new ArrayList<>();
        Set<EntryRef> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Kind k : Kind.values()) {
            String id = k.of.apply(r);
            if (id == null) {
                continue;
            }
            int taken = 0;
            for (EntryRef e : index.get(k).getOrDefault(id, List.of())) {
                if (EntryRef.ORDER.compare(e, r) >= 0 || taken++ == DuplicateEntryCheck.MAX_CANDIDATES) {
                    break; // the list is in workspace order: the rest come later (or are past the full run's cut)
                }
                if (seen.add(e)) {
                    earlier.add(e);
                }
            }
        }
        if (earlier.isEmpty()) {
            entryFindings.remove(r);
            return;
        }
        earlier.sort(EntryRef.ORDER);
        java.util.Optional<Finding> f = DuplicateEntryCheck.finding(r, earlier);
        if (f.isPresent()) {
            entryFindings.put(r, f.get());
        } else {
            entryFindings.remove(r);
        }
    }

    /** Runs one check's part; a failure is logged and drops that check's findings, as {@link Checker} does. */
    private void guarded(Code code, Runnable part) {
        try {
            part.run();
        } catch (RuntimeException | StackOverflowError e) {
            log.accept("check " + code.id() + " failed: " + e);
            if (code == Code.DUPLICATE_KEY) {
                keyFindings.clear();
            } else {
                entryFindings.clear();
            }
        }
    }

    private List<Finding> finish() {
        List<Finding> raw = new ArrayList<>();
        for (List<Finding> fs : keyFindings.values()) {
            raw.addAll(fs);
        }
        raw.addAll(entryFindings.values());
        if (citeCheckOn) {
            List<Finding> cites = new ArrayList<>();
            try {
                UndefinedCitationCheck.findingsOfAll(docs, keyCounts, cites);
                raw.addAll(cites);
            } catch (RuntimeException | StackOverflowError e) {
                log.accept("check " + Code.UNDEFINED_CITATION.id() + " failed: " + e);
            }
        }
        return Checker.finishWorkspace(docs, raw, config);
    }
}
