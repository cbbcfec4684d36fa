package dev.bibmark.checks;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code duplicate-key}: one key (case-insensitively, as BibTeX compares them) used for entries
 * with different content, anywhere in the workspace. Identical copies are {@code duplicate-entry}.
 */
public final class DuplicateKeyCheck implements WorkspaceCheck {
    @Override
    public Code code() {
        return Code.DUPLICATE_KEY;
    }

    @Override
    public List<Finding> check(List<Document> docs, Config config) {
        List<EntryRef> refs = EntryRef.all(docs);
        Map<String, List<EntryRef>> byKey = new LinkedHashMap<>(refs.size() * 4 / 3 + 16);
        for (EntryRef r : refs) {
            byKey.computeIfAbsent(r.keyLower(), k -> new ArrayList<>()).add(r);
        }
        List<Finding> out = new ArrayList<>();
        for (List<EntryRef> group : byKey.values()) {
            out.addAll(group(group));
        }
        return out;
    }

    /** The findings of one key's entries (in workspace order): one per entry when they differ in content. */
    static List<Finding> group(List<EntryRef> group) {
        if (group.size() < 2) {
            return List.of();
        }
        long distinct = group.stream().map(EntryRef::content).distinct().count();
        if (distinct < 2) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (EntryRef r : group) {
            // The first few other places only: a key used a thousand times would otherwise make a million notes.
            List<Finding.Related> related = new ArrayList<>();
            List<String> places = new ArrayList<>();
            for (EntryRef o : group) {
                if (o != r) {
                    if (related.size() == CheckSupport.MAX_RELATED) {
                        places.add("and " + (group.size() - 1 - CheckSupport.MAX_RELATED) + " more");
                        break;
                    }
                    related.add(o.related("also defined here"));
                    places.add(o.where());
                }
            }
            out.add(CheckSupport.finding(r.doc(), Code.DUPLICATE_KEY, r.entry().keyRange(),
                    "Key '" + r.entry().key() + "' is used for " + distinct + " different entries (also in "
                            + String.join(", ", places) + ")", related));
        }
        return out;
    }

    /** Whether two entries form a duplicate-key error (same key ignoring case, different content). */
    static boolean conflict(EntryRef a, EntryRef b) {
        return a.keyLower().equals(b.keyLower()) && !a.content().equals(b.content());
    }
}
