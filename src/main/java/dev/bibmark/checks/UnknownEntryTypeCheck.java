package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code unknown-entry-type}: an entry type that is none of the 14 standard BibTeX types. */
public final class UnknownEntryTypeCheck implements DocumentCheck {
    /** The standard BibTeX entry types (btxdoc). */
    public static final List<String> STANDARD = List.of("article", "book", "booklet", "conference", "inbook",
            "incollection", "inproceedings", "manual", "mastersthesis", "misc", "phdthesis", "proceedings",
            "techreport", "unpublished");

    private static final Map<String, String> ALIASES = Map.of(
            "online", "misc", "electronic", "misc", "www", "misc", "software", "misc", "dataset", "misc",
            "report", "techreport", "thesis", "phdthesis", "collection", "incollection");

    @Override
    public Code code() {
        return Code.UNKNOWN_ENTRY_TYPE;
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<Finding> out = new ArrayList<>();
        for (BibEntry e : doc.entries()) {
            String t = e.typeLower();
            if (t.isEmpty() || STANDARD.contains(t)) {
                continue;
            }
            out.add(CheckSupport.finding(doc, code(), e.typeRange(),
                    "Unknown entry type '@" + e.type() + "'; did you mean '@" + suggest(t) + "'?"));
        }
        return out;
    }

    /**
     * Whether the nearest standard type is a spelling away ({@code @artcle}): then changing to it is what the author
     * meant. A type of another dialect ({@code @online}, {@code @software}, {@code @patent}: BibLaTeX) is not a typo,
     * and changing it would drop what it says for BibLaTeX users.
     */
    public static boolean isTypo(String typeLower) {
        if (ALIASES.containsKey(typeLower)) {
            return false;
        }
        for (String s : STANDARD) {
            if (dev.bibmark.util.Strings.distance(typeLower, s) < 3) {
                return true;
            }
        }
        return false;
    }

    /** The nearest standard type for a non-standard one. */
    public static String suggest(String typeLower) {
        String alias = ALIASES.get(typeLower);
        if (alias != null) {
            return alias;
        }
        String best = "misc";
        int bestDist = 3;
        for (String s : STANDARD) {
            int d = dev.bibmark.util.Strings.distance(typeLower, s);
            if (d < bestDist) {
                bestDist = d;
                best = s;
            }
        }
        return best;
    }

}
