package dev.bibmark.features;

import dev.bibmark.markdown.Heading;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status tag of a paper heading ({@code #### Title [`READ`]}): a code action that moves it to the next tag of
 * the configured cycle (or sets any other tag), and completion of tags inside its brackets.
 */
public final class StatusTags {
    private StatusTags() {}

    /** The default tags, in cycle order: READ ↔ UNREAD. */
    public static final List<String> DEFAULT_TAGS = List.of("READ", "UNREAD");

    // The text before the cursor on a heading line when a tag is being typed: "[`", "[ `RE".
    private static final Pattern TYPING = Pattern.compile("\\[\\s*`\\s*([\\w-]*)$");

    /**
     * A code action.
     *
     * @param title e.g. "Mark as READ"
     * @param preferred true for the next tag of the cycle (the one to apply on a single key press)
     */
    public record Action(String title, Edit edit, boolean preferred) {}

    /** A completion proposal: the tag and the range it replaces. */
    public record Item(String tag, TextRange replace) {}

    /**
     * The actions for the heading at the offset. A heading with a tag gets "Mark as NEXT" (preferred; the tag after
     * the current one in {@code tags}, the first tag when the current one is not in the list) and "Mark as X" for
     * every other tag. A paper heading without a tag gets "Add status tag X" for each tag. Anything else gets none.
     */
    public static List<Action> actions(Document doc, int offset, List<String> tags) {
        if (!doc.markdown() || tags.isEmpty()) {
            return List.of();
        }
        Sections.Section s = Sections.of(doc).headingAt(offset);
        if (s == null) {
            return List.of();
        }
        Heading h = s.heading();
        List<Action> out = new ArrayList<>();
        if (h.status() != null) {
            int current = indexOf(tags, h.status());
            String next = tags.get((current + 1) % tags.size());
            if (!next.equals(h.status())) {
                out.add(new Action("Mark as " + next, new Edit(h.statusRange(), next), true));
            }
            for (String t : tags) {
                if (!t.equals(next) && !t.equals(h.status())) {
                    out.add(new Action("Mark as " + t, new Edit(h.statusRange(), t), false));
                }
            }
        } else if (s.paper() || !s.entries().isEmpty()) {
            int at = h.titleRange().length() > 0 ? h.titleRange().end() : h.range().end();
            for (String t : tags) {
                out.add(new Action("Add status tag " + t, Edit.insert(at, " [`" + t + "`]"), false));
            }
        }
        return out;
    }

    private static int indexOf(List<String> tags, String status) {
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).equalsIgnoreCase(status)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Tags to complete when the cursor is inside a heading's status tag ({@code [`RE|`]}) or is typing one after
     * {@code [`} on a heading line. Every tag is offered; the client filters on the typed prefix.
     */
    public static List<Item> complete(Document doc, int offset, List<String> tags) {
        if (!doc.markdown()) {
            return List.of();
        }
        for (Heading h : doc.markdownIndex().headings()) {
            if (!h.range().touches(offset)) {
                continue;
            }
            TextRange replace = null;
            if (h.statusRange() != null && h.statusRange().touches(offset)) {
                replace = h.statusRange();
            } else {
                String text = doc.text();
                int lineStart = doc.lines().lineStart(doc.lines().line(offset));
                Matcher m = TYPING.matcher(text.substring(Math.max(lineStart, h.range().start()), offset));
                if (m.find()) {
                    int end = offset;
                    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                            || text.charAt(end) == '_' || text.charAt(end) == '-')) {
                        end++;
                    }
                    replace = new TextRange(offset - m.group(1).length(), end);
                }
            }
            if (replace == null) {
                return List.of();
            }
            List<Item> out = new ArrayList<>();
            for (String t : tags) {
                out.add(new Item(t, replace));
            }
            return out;
        }
        return List.of();
    }
}
