package dev.bibmark.features;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Code lenses: on a section heading with papers under it, "N papers · M read" (just "N papers" when none of them
 * has a status tag); on an entry cited anywhere in the
 * workspace, "cited N times".
 */
public final class CodeLenses {
    private CodeLenses() {}

    /** The statuses counted as read by default. */
    public static final Set<String> DEFAULT_READ = Set.of("READ");

    /** What a lens is about. */
    public enum Kind { SECTION, CITED }

    /**
     * One lens.
     *
     * @param range the heading, or the entry's key
     * @param key for {@link Kind#CITED}, the entry's key (for a "show references" command); else null
     * @param count papers in the section, or citations of the key
     */
    public record Lens(TextRange range, String title, Kind kind, String key, int count) {}

    /**
     * The lenses of a document.
     *
     * @param workspace every document (a snapshot of {@code doc}'s path is replaced by {@code doc})
     * @param readStatuses status tags that count as read (compared case-insensitively)
     */
    public static List<Lens> of(Document doc, List<Document> workspace, Set<String> readStatuses) {
        List<Lens> out = new ArrayList<>();
        Set<String> read = readStatuses.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (doc.markdown()) {
            Sections.Outline outline = Sections.of(doc);
            for (Sections.Section s : outline.sections()) {
                if (s.paper()) {
                    continue;
                }
                int papers = 0;
                int tagged = 0;
                int done = 0;
                for (Sections.Section d : outline.inside(s)) {
                    if (d.paper()) {
                        papers++;
                        String status = d.heading().status();
                        tagged += status != null ? 1 : 0;
                        if (status != null && read.contains(status.toLowerCase(Locale.ROOT))) {
                            done++;
                        }
                    }
                }
                if (papers > 0) {
                    // A list without status tags says nothing about reading, so the count stays bare.
                    String title = papers + (papers == 1 ? " paper" : " papers")
                            + (tagged > 0 ? " · " + done + " read" : "");
                    out.add(new Lens(s.heading().range(), title, Kind.SECTION, null, papers));
                }
            }
        }
        Map<String, Integer> counts = References.citationCounts(Workspaces.withCurrent(workspace, doc));
        for (BibEntry e : doc.entries()) {
            int n = e.key().isEmpty() ? 0 : counts.getOrDefault(e.key().toLowerCase(Locale.ROOT), 0);
            if (n > 0) {
                out.add(new Lens(e.keyRange(), "cited " + n + (n == 1 ? " time" : " times"), Kind.CITED, e.key(), n));
            }
        }
        out.sort(Comparator.comparingInt(l -> l.range().start()));
        return out;
    }
}
