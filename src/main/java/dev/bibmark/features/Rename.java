package dev.bibmark.features;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.markdown.Citation;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import dev.bibmark.util.Keys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Renames a citation key everywhere: every entry with that key (case-insensitively, as BibTeX matches) and every
 * citation and {@code crossref} of it, in every document of the workspace.
 */
public final class Rename {
    private Rename() {}

    // A key Pandoc reads after a bare '@' (MarkdownReader's KEY); other keys need the braced form @{key}.
    private static final Pattern BARE_PANDOC_KEY = Pattern.compile(
            "[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_]|[:.#$%&\\-+?<>~/](?=[\\p{L}\\p{N}_]))*");

    /**
     * The answer to prepareRename: the key's range and text, or why it cannot be renamed.
     *
     * @param error null when renaming is possible
     */
    public record Preparation(TextRange range, String placeholder, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * The answer to rename: edits per document path (each list in document order), or why it was refused.
     *
     * @param error null when the rename is possible
     */
    public record Result(Map<String, List<Edit>> edits, String error) {
        public boolean ok() {
            return error == null;
        }

        static Result refused(String message) {
            return new Result(Map.of(), message);
        }
    }

    /** Whether the cursor is on a key that can be renamed (an entry key, a citation or a crossref value). */
    public static Preparation prepare(Document doc, int offset) {
        Optional<References.Occurrence> at = References.at(doc, offset);
        if (at.isEmpty()) {
            return new Preparation(null, null,
                    "Rename works on a citation key: an entry's key, a citation or a crossref");
        }
        return new Preparation(at.get().range(), at.get().key(), null);
    }

    /**
     * Renames the key under the cursor to {@code newKey} in the whole workspace. {@code doc} is used for the
     * cursor and, when the workspace holds an older snapshot of the same path (or none), in its place.
     */
    public static Result rename(List<Document> workspace, Document doc, int offset, String newKey) {
        Preparation p = prepare(doc, offset);
        if (!p.ok()) {
            return Result.refused(p.error());
        }
        String oldKey = p.placeholder();
        String problem = validate(newKey);
        if (problem != null) {
            return Result.refused(problem);
        }
        if (newKey.equals(oldKey)) {
            return Result.refused("The key is already '" + newKey + "'");
        }
        List<Document> docs = Workspaces.withCurrent(workspace, doc);
        if (!newKey.equalsIgnoreCase(oldKey)) {
            for (Document d : docs) {
                for (BibEntry e : d.entries()) {
                    if (e.key().equalsIgnoreCase(newKey)) {
                        return Result.refused("The key '" + newKey + "' is already used by " + describe(d, e));
                    }
                }
            }
        }
        Map<String, List<Edit>> edits = new LinkedHashMap<>();
        for (References.Occurrence o : References.references(docs, oldKey, true)) {
            edits.computeIfAbsent(o.doc().path(), k -> new ArrayList<>()).add(edit(o, newKey));
        }
        for (List<Edit> list : edits.values()) {
            list.sort(Comparator.comparingInt(e -> e.range().start()));
        }
        return new Result(edits, null);
    }

    /** Why a key is not acceptable, or null when it is (the rules of the {@code invalid-key} check). */
    public static String validate(String key) {
        if (key == null || key.isEmpty()) {
            return "The new key is empty";
        }
        String bad = Keys.invalidChars(key);
        return bad.isEmpty() ? null : "Key '" + key + "' contains invalid character(s): " + bad;
    }

    private static Edit edit(References.Occurrence o, String newKey) {
        if (o.citationKind() == Citation.Kind.PANDOC && !BARE_PANDOC_KEY.matcher(newKey).matches()
                && !braced(o.doc().text(), o.range())) {
            return new Edit(o.range(), "{" + newKey + "}");
        }
        return new Edit(o.range(), newKey);
    }

    private static boolean braced(String text, TextRange r) {
        return r.start() >= 2 && text.charAt(r.start() - 1) == '{' && text.charAt(r.start() - 2) == '@';
    }

    private static String describe(Document d, BibEntry e) {
        String path = d.path();
        int slash = path.lastIndexOf('/');
        int line = d.lines().line(e.range().start()) + 1;
        return "@" + e.type() + "{" + e.key() + "} in " + (slash >= 0 ? path.substring(slash + 1) : path) + ":" + line;
    }
}
