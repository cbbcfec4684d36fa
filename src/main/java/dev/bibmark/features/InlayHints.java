package dev.bibmark.features;

import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inlay hints: after each citation (and crossref) of a known key, the entry's short title. */
public final class InlayHints {
    private InlayHints() {}

    /** Titles longer than this are cut with an ellipsis. */
    public static final int MAX_LABEL = 40;

    /**
     * One hint.
     *
     * @param offset where it shows: just after the key
     * @param label the short title
     * @param tooltip title, authors and year of the entry
     */
    public record Hint(int offset, String label, String tooltip) {}

    /** The hints whose key lies in {@code visible} (the whole document when null). */
    public static List<Hint> of(Document doc, TextRange visible, List<Document> workspace) {
        Map<String, EntryInfo> byKey = new HashMap<>();
        for (EntryInfo e : EntryInfo.all(Workspaces.withCurrent(workspace, doc))) {
            if (!e.key().isEmpty()) {
                byKey.putIfAbsent(e.key().toLowerCase(Locale.ROOT), e);
            }
        }
        List<Hint> out = new ArrayList<>();
        for (References.Occurrence o : References.occurrences(doc)) {
            if (o.kind() == References.Kind.DEFINITION
                    || visible != null && (o.range().end() < visible.start() || o.range().start() > visible.end())) {
                continue;
            }
            EntryInfo e = byKey.get(o.key().toLowerCase(Locale.ROOT));
            if (e == null) {
                continue;
            }
            String label = shortTitle(e);
            if (label.isEmpty()) {
                continue;
            }
            String tooltip = String.join(" · ", List.of(e.title(), e.authorsShort(), Symbols.year(e)).stream()
                    .filter(s -> !s.isEmpty()).toList());
            out.add(new Hint(o.range().end(), label, tooltip));
        }
        return out;
    }

    /**
     * The {@code shorttitle} field; else the title's part before a colon when that part is short (a name such as
     * "BERT"); else the title, cut at {@link #MAX_LABEL} characters.
     */
    static String shortTitle(EntryInfo e) {
        String s = e.field("shorttitle");
        if (s.isEmpty()) {
            s = e.title();
            int colon = s.indexOf(':');
            if (colon > 0 && colon <= 30) {
                s = s.substring(0, colon).trim();
            }
        }
        if (s.length() > MAX_LABEL) {
            int cut = s.lastIndexOf(' ', MAX_LABEL - 1);
            s = s.substring(0, cut > MAX_LABEL / 2 ? cut : MAX_LABEL - 1).trim() + "…";
        }
        return s;
    }
}
