package dev.bibmark.checks;

import dev.bibmark.config.Config;
import dev.bibmark.markdown.Heading;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code invalid-status}: a heading's status tag ({@code [`TODO`]} at its end) is not one of the configured
 * tags ({@code status.tags}, default {@code READ}, {@code UNREAD}). Tags are compared exactly, so
 * {@code read} is reported too (its fix offers {@code READ} first). The finding is on the tag's text.
 */
public final class InvalidStatusCheck implements DocumentCheck {
    @Override
    public Code code() {
        return Code.INVALID_STATUS;
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<Finding> out = new ArrayList<>();
        for (Heading h : doc.markdownIndex().headings()) {
            if (h.status() != null && h.statusRange() != null && !config.statusTags().contains(h.status())) {
                out.add(CheckSupport.finding(doc, code(), h.statusRange(), "Status '" + h.status()
                        + "' is not one of the configured tags: " + String.join(", ", config.statusTags())));
            }
        }
        return out;
    }

    /**
     * The fixes of an {@code invalid-status} finding: one "Change status to T" per configured tag, nearest
     * first (case-insensitive edit distance, ties in configured order).
     */
    public static List<Fix> fixes(Document doc, Finding finding, Config config) {
        for (Heading h : doc.markdownIndex().headings()) {
            if (h.statusRange() == null || !h.statusRange().equals(finding.range())
                    || config.statusTags().contains(h.status())) {
                continue;
            }
            List<String> tags = new ArrayList<>(config.statusTags());
            tags.sort(Comparator.comparingInt(t -> dev.bibmark.util.Strings.distance(t, h.status())));
            List<Fix> out = new ArrayList<>();
            for (String t : tags) {
                out.add(new Fix("Change status to " + t, List.of(new Edit(h.statusRange(), t))));
            }
            return out;
        }
        return List.of();
    }
}
