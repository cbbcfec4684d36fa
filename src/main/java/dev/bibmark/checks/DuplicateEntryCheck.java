package dev.bibmark.checks;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.util.Identifiers;
import dev.bibmark.util.Latex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    private record Ids(String doi, String arxiv, String titleAuthor) {}

    @Override
    public List<Finding> check(List<Document> docs, Config config) {
        List<EntryRef> refs = EntryRef.all(docs);
        List<Ids> ids = new ArrayList<>();
        for (EntryRef r : refs) {
            ids.add(new Ids(r.facts().doi(), r.facts().arxiv(), r.facts().titleAuthor()));
        }
        // Earlier entries are found through hash indexes on each identity, not by comparing all pairs,
        // so a 10,000-entry list costs O(n), not O(n^2).
        Map<String, List<Integer>> byKey = new HashMap<>();
        Map<String, List<Integer>> byDoi = new HashMap<>();
        Map<String, List<Integer>> byArxiv = new HashMap<>();
        Map<String, List<Integer>> byTitleAuthor = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            EntryRef r = refs.get(i);
            Ids id = ids.get(i);
            TreeSet<Integer> candidates = new TreeSet<>();
            candidates.addAll(byKey.getOrDefault(r.keyLower(), List.of()));
            if (id.doi() != null) {
                candidates.addAll(byDoi.getOrDefault(id.doi(), List.of()));
            }
            if (id.arxiv() != null) {
                candidates.addAll(byArxiv.getOrDefault(id.arxiv(), List.of()));
            }
            if (id.titleAuthor() != null) {
                candidates.addAll(byTitleAuthor.getOrDefault(id.titleAuthor(), List.of()));
            }
            List<Finding.Related> related = new ArrayList<>();
            String firstReason = null;
            EntryRef first = null;
            for (int j : candidates) {
                String reason = reason(refs.get(j), ids.get(j), r, id);
                if (reason != null) {
                    if (first == null) {
                        first = refs.get(j);
                        firstReason = reason;
                    }
                    related.add(refs.get(j).related("earlier copy ('" + refs.get(j).entry().key() + "')"));
                }
            }
            if (first != null) {
                out.add(CheckSupport.finding(r.doc(), code(), r.entry().keyRange(),
                        "Entry '" + r.entry().key() + "' duplicates '" + first.entry().key() + "' at "
                                + first.where() + " (" + firstReason + ")", related));
            }
            byKey.computeIfAbsent(r.keyLower(), k -> new ArrayList<>()).add(i);
            if (id.doi() != null) {
                byDoi.computeIfAbsent(id.doi(), k -> new ArrayList<>()).add(i);
            }
            if (id.arxiv() != null) {
                byArxiv.computeIfAbsent(id.arxiv(), k -> new ArrayList<>()).add(i);
            }
            if (id.titleAuthor() != null) {
                byTitleAuthor.computeIfAbsent(id.titleAuthor(), k -> new ArrayList<>()).add(i);
            }
        }
        return out;
    }

    /** Why two entries are the same paper, or null. */
    private static String reason(EntryRef a, Ids ia, EntryRef b, Ids ib) {
        if (a.keyLower().equals(b.keyLower())) {
            return a.content().equals(b.content()) ? "same key and content" : null;
        }
        if (ia.doi() != null && ia.doi().equals(ib.doi())) {
            return "same DOI " + ia.doi();
        }
        if (ia.arxiv() != null && ia.arxiv().equals(ib.arxiv())) {
            return "same arXiv id " + ia.arxiv();
        }
        if (ia.titleAuthor() != null && ia.titleAuthor().equals(ib.titleAuthor())) {
            return "same title and first author";
        }
        return null;
    }
}
