package dev.bibmark.checks;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code duplicate-entry}: the same paper twice. Either the same key with the same content, or
 * different keys sharing a DOI, an arXiv id, or title plus first-author surname. Every copy after
 * the first (documents in the order given) is reported; a pair that is a {@code duplicate-key}
 * error is left to that check.
 */
public final class DuplicateEntryCheck implements WorkspaceCheck {
    @Override
    public Code code() {
        return Code.DUPLICATE_ENTRY;
    }

    @Override
    public List<Finding> check(List<Document> docs, Config config) {
        List<EntryRef> refs = EntryRef.all(docs);
        // Earlier entries are found through hash indexes on each identity, not by comparing all pairs,
        // so a 10,000-entry list costs O(n), not O(n^2). Each index maps an identity to the earlier entries with
        // it: an Integer, or a List<Integer> when several (rare), so the usual unique identity costs no list.
        // Sized for every entry up front: grown from 16 slots, each index re-hashed itself ten times at 10,000.
        int capacity = refs.size() * 4 / 3 + 16;
        Map<String, Object> byKey = new HashMap<>(capacity);
        Map<String, Object> byDoi = new HashMap<>(capacity);
        Map<String, Object> byArxiv = new HashMap<>(capacity);
        Map<String, Object> byTitleAuthor = new HashMap<>(capacity);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            EntryRef r = refs.get(i);
            EntryFacts id = r.facts();
            Object k = byKey.get(r.keyLower());
            Object d = id.doi() == null ? null : byDoi.get(id.doi());
            Object a = id.arxiv() == null ? null : byArxiv.get(id.arxiv());
            Object t = id.titleAuthor() == null ? null : byTitleAuthor.get(id.titleAuthor());
            if (k != null || d != null || a != null || t != null) {
                TreeSet<Integer> candidates = new TreeSet<>();
                for (Object o : new Object[] {k, d, a, t}) {
                    if (o instanceof Integer j) {
                        candidates.add(j);
                    } else if (o instanceof List<?> js) {
                        // The earliest entries of each identity only (CrossDocument takes the same ones): a paper
                        // listed thousands of times made this quadratic.
                        for (int x = 0; x < js.size() && x < MAX_CANDIDATES; x++) {
                            candidates.add((Integer) js.get(x));
                        }
                    }
                }
                List<EntryRef> earlier = new ArrayList<>(candidates.size());
                for (int j : candidates) {
                    earlier.add(refs.get(j));
                }
                finding(r, earlier).ifPresent(out::add);
            }
            add(byKey, r.keyLower(), i);
            add(byDoi, id.doi(), i);
            add(byArxiv, id.arxiv(), i);
            add(byTitleAuthor, id.titleAuthor(), i);
        }
        return out;
    }

    /**
     * The finding of {@code r} given the earlier entries that share one of its identities (key, DOI, arXiv id,
     * title + first author), in workspace order; empty when none is the same paper.
     */
    static Optional<Finding> finding(EntryRef r, List<EntryRef> earlier) {
        List<Finding.Related> related = new ArrayList<>();
        String firstReason = null;
        EntryRef first = null;
        for (EntryRef e : earlier) {
            if (related.size() == CheckSupport.MAX_RELATED) {
                break;
            }
            String reason = reason(e, r);
            if (reason != null) {
                if (first == null) {
                    first = e;
                    firstReason = reason;
                }
                related.add(e.related("earlier copy ('" + e.entry().key() + "')"));
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(CheckSupport.finding(r.doc(), Code.DUPLICATE_ENTRY, r.entry().keyRange(),
                "Entry '" + r.entry().key() + "' duplicates '" + first.entry().key() + "' at "
                        + first.where() + " (" + firstReason + ")", related));
    }

    /** How many of the earliest entries of one identity are looked at for a later one (see {@link #check}). */
    static final int MAX_CANDIDATES = 256;

    private static void add(Map<String, Object> index, String id, int i) {
        if (id == null) {
            return;
        }
        Object prev = index.putIfAbsent(id, i);
        if (prev instanceof Integer j) {
            List<Integer> both = new ArrayList<>(List.of(j, i));
            index.put(id, both);
        } else if (prev instanceof List<?> js) {
            @SuppressWarnings("unchecked")
            List<Integer> list = (List<Integer>) js;
            list.add(i);
        }
    }

    /**
     * Whether two first authors' given names can be one person's: unknown on either side, one written out and the
     * other its initial ("J." and "John"), or one the start of the other. "John" and "Jane" Smith wrote two different papers
     * called "Introduction" (found by QA: the surname alone made them one).
     */
    static boolean sameGivenName(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        // An initial matches its name; a name matches a longer form of it ("Jean" and "Jean-Pierre").
        return a.length() == 1 || b.length() == 1 ? a.charAt(0) == b.charAt(0) : a.startsWith(b) || b.startsWith(a);
    }

    /** Why two entries are the same paper, or null. */
    private static String reason(EntryRef a, EntryRef b) {
        EntryFacts ia = a.facts();
        EntryFacts ib = b.facts();
        if (a.keyLower().equals(b.keyLower())) {
            return a.content().equals(b.content()) ? "same key and content" : null;
        }
        if (ia.doi() != null && ia.doi().equals(ib.doi())) {
            return "same DOI " + ia.doi();
        }
        if (ia.arxiv() != null && ia.arxiv().equals(ib.arxiv())) {
            return "same arXiv id " + ia.arxiv();
        }
        if (ia.titleAuthor() != null && ia.titleAuthor().equals(ib.titleAuthor())
                && sameGivenName(a.firstGiven(), b.firstGiven())) {
            return "same title and first author";
        }
        return null;
    }
}
