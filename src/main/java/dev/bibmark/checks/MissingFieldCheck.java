package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code missing-field}: required fields of the standard BibTeX types (btxdoc), plus the
 * configured extras. Each requirement is an either-or group. A present but blank field counts as
 * present here; {@code empty-field} reports it.
 */
public final class MissingFieldCheck implements DocumentCheck {
    private static final List<String> AUTHOR = List.of("author");
    private static final List<String> TITLE = List.of("title");
    private static final List<String> YEAR = List.of("year");

    static final Map<String, List<List<String>>> REQUIRED = Map.ofEntries(
            Map.entry("article", List.of(AUTHOR, TITLE, List.of("journal"), YEAR)),
            Map.entry("book", List.of(List.of("author", "editor"), TITLE, List.of("publisher"), YEAR)),
            Map.entry("booklet", List.of(TITLE)),
            Map.entry("inbook", List.of(List.of("author", "editor"), TITLE, List.of("chapter", "pages"),
                    List.of("publisher"), YEAR)),
            Map.entry("incollection", List.of(AUTHOR, TITLE, List.of("booktitle"), List.of("publisher"), YEAR)),
            Map.entry("inproceedings", List.of(AUTHOR, TITLE, List.of("booktitle"), YEAR)),
            Map.entry("conference", List.of(AUTHOR, TITLE, List.of("booktitle"), YEAR)),
            Map.entry("manual", List.of(TITLE)),
            Map.entry("mastersthesis", List.of(AUTHOR, TITLE, List.of("school"), YEAR)),
            Map.entry("phdthesis", List.of(AUTHOR, TITLE, List.of("school"), YEAR)),
            Map.entry("misc", List.of()),
            Map.entry("proceedings", List.of(TITLE, YEAR)),
            Map.entry("techreport", List.of(AUTHOR, TITLE, List.of("institution"), YEAR)),
            Map.entry("unpublished", List.of(AUTHOR, TITLE, List.of("note"))));

    @Override
    public Code code() {
        return Code.MISSING_FIELD;
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<Finding> out = new ArrayList<>();
        // The groups of each type once per run, not once per entry.
        Map<String, List<List<String>>> byType = new HashMap<>();
        for (BibEntry e : doc.entries()) {
            check(doc, e, byType.computeIfAbsent(e.typeLower(), t -> required(t, config)), out);
        }
        return out;
    }

    /** One entry (its own method, so that it is compiled early: see {@link DuplicateFieldCheck}). */
    private void check(Document doc, BibEntry e, List<List<String>> groups, List<Finding> out) {
        List<String> missing = null;
        for (List<String> group : groups) {
            if (!group.isEmpty() && !hasAny(e, group)) {
                String shown = String.join(" or ", group);
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                if (!missing.contains(shown)) {
                    missing.add(shown);
                }
            }
        }
        if (missing != null) {
            out.add(CheckSupport.finding(doc, code(), CheckSupport.entryRange(e),
                    "@" + e.typeLower() + " '" + e.key() + "' is missing required field(s): "
                            + String.join(", ", missing)));
        }
    }

    private static boolean hasAny(BibEntry e, List<String> fields) {
        for (String f : fields) {
            if (e.hasField(f)) {
                return true;
            }
        }
        return false;
    }

    /** The either-or groups of required fields of a (lower-case) type, with the configured extras. */
    public static List<List<String>> required(String typeLower, Config config) {
        List<List<String>> groups = new ArrayList<>(REQUIRED.getOrDefault(typeLower, List.of()));
        List<List<String>> extra = config.requiredFields() == null ? null : config.requiredFields().get(typeLower);
        if (extra != null) {
            for (List<String> g : extra) {
                List<String> lower = g.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.toList());
                if (!groups.contains(lower)) {
                    groups.add(lower);
                }
            }
        }
        return groups;
    }
}
