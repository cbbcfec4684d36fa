package dev.bibmark.checks;

import dev.bibmark.config.Config;
import dev.bibmark.markdown.Heading;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code invalid-status}: a heading's status tag ({@code [`TODO`]} at its end) is not one of the configured
 * tags ({@code status.tags}, default {@code READ}, {@code UNREAD}). Tags are compared exactly, so
 * {@code read} is reported too (its fix offers {@code READ} first). The finding is on the tag's text. A configured
 * tag in brackets without backticks at the end of a heading ({@code ## Paper [READ]}) is not read as a status
 * (counts, toggles and hovers miss it): it is reported on the brackets, with a fix that adds the backticks.
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
            } else if (h.status() == null) {
                TextRange bare = bareTag(doc, h, config);
                if (bare != null) {
                    String tag = tagOf(doc, bare, config);
                    out.add(CheckSupport.finding(doc, code(), bare, "Status tag " + doc.text().substring(bare.start(),
                            bare.end()) + " is not read without backticks: write [`" + tag + "`]"));
                }
            }
        }
        return out;
    }

    /**
     * The range of {@code [TAG]} (a configured tag, any case, blanks allowed inside the brackets) ending the title of a
     * heading that has no status tag; null when there is none.
     */
    static TextRange bareTag(Document doc, Heading h, Config config) {
        TextRange t = h.titleRange();
        if (t == null || t.length() < 3) {
            return null;
        }
        String text = doc.text();
        if (text.charAt(t.end() - 1) != ']') {
            return null; // the usual heading: one character looked at
        }
        int open = text.lastIndexOf('[', t.end() - 2);
        if (open < t.start()) {
            return null;
        }
        TextRange r = new TextRange(open, t.end());
        return tagOf(doc, r, config) == null ? null : r;
    }

    /** The configured tag that {@code [ tag ]} at {@code r} names (ignoring case and blanks), or null. */
    private static String tagOf(Document doc, TextRange r, Config config) {
        String inner = doc.text().substring(r.start() + 1, r.end() - 1).trim();
        for (String tag : config.statusTags()) {
            if (tag.equalsIgnoreCase(inner)) {
                return tag;
            }
        }
        return null;
    }

    /**
     * The fixes of an {@code invalid-status} finding: one "Change status to T" per configured tag, nearest
     * first (case-insensitive edit distance, ties in configured order); for a tag without backticks, adding them.
     */
    public static List<Fix> fixes(Document doc, Finding finding, Config config) {
        for (Heading h : doc.markdownIndex().headings()) {
            if (h.status() == null && finding.range().equals(bareTag(doc, h, config))) {
                String tag = tagOf(doc, finding.range(), config);
                return List.of(new Fix("Write the status tag as [`" + tag + "`]",
                        List.of(new Edit(finding.range(), "[`" + tag + "`]"))));
            }
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
