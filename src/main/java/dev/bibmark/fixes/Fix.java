package dev.bibmark.fixes;

import dev.bibmark.checks.Code;
import dev.bibmark.checks.Finding;
import dev.bibmark.text.Edit;
import java.util.List;
import java.util.Map;

/**
 * One code action: a titled set of edits, usually in one document.
 *
 * @param title what the action does, for the light bulb ("Insert ','", "Remove the later 'title'")
 * @param code the code of the finding it fixes; null for actions that fix no diagnostic ("Complete from paper link")
 * @param finding the finding it fixes, null for those actions
 * @param edits edits per document path (the paths the documents were parsed with); the edits of one path
 *              never overlap and are meant for {@link Edit#apply} on that document's current text
 * @param preferred whether this is the obvious fix of its finding (LSP {@code isPreferred})
 * @param safe whether fix-all may apply it: it loses no data, deletes no paper, and leaves no new finding
 * @param snippet null, or an LSP snippet variant ({@code ${1:value}} placeholders, {@code $0} final cursor) of the
 *                fix's only edit: same range, to be sent instead of it when the client supports snippets
 */
public record Fix(String title, Code code, Finding finding, Map<String, List<Edit>> edits, boolean preferred,
                  boolean safe, Edit snippet) {
    public Fix {
        if (title == null || edits == null) {
            throw new IllegalArgumentException("a fix needs a title and edits");
        }
        Map<String, List<Edit>> copy = new java.util.LinkedHashMap<>();
        edits.forEach((path, list) -> copy.put(path, List.copyOf(list)));
        edits = java.util.Collections.unmodifiableMap(copy);
    }

    /** The edits of one document ({@code List.of()} when the fix does not touch it). */
    public List<Edit> editsFor(String path) {
        return edits.getOrDefault(path, List.of());
    }

    /** A fix whose edits all go to one document. */
    static Fix of(String title, Finding f, String path, List<Edit> edits, boolean preferred, boolean safe) {
        return new Fix(title, f == null ? null : f.code(), f, Map.of(path, List.copyOf(edits)), preferred, safe, null);
    }
}
