package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.StringDef;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small helpers shared by the checks. */
final class CheckSupport {
    private CheckSupport() {}

    /**
     * How many related places a finding names at most: the duplicate checks list the other copies, and a key or
     * paper repeated thousands of times made the report grow with the square of the count (a 180 KB file ran out
     * of memory).
     */
    static final int MAX_RELATED = 10;

    static Finding finding(Document doc, Code code, TextRange range, String message) {
        return new Finding(doc.path(), code, code.defaultSeverity(), range, message, List.of());
    }

    static Finding finding(Document doc, Code code, TextRange range, String message,
                           List<Finding.Related> related) {
        return new Finding(doc.path(), code, code.defaultSeverity(), range, message, List.copyOf(related));
    }

    /**
     * "name.md:line" with a 1-based line, for messages. Only the file name: the CLI (paths) and the server (URIs)
     * then say the same, and the related information carries the full location.
     */
    static String where(Document doc, int offset) {
        return fileName(doc.path()) + ":" + (doc.lines().line(offset) + 1);
    }

    static String fileName(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String name = path.substring(cut + 1);
        if (path.startsWith("file:")) {
            try {
                name = java.net.URLDecoder.decode(name.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // keep it encoded
            }
        }
        return name;
    }

    /** Where a diagnostic about a whole entry goes: the key, or the type when the key is missing. */
    static TextRange entryRange(BibEntry e) {
        return e.key().isEmpty() ? e.typeRange() : e.keyRange();
    }

    /** All {@code @string} definitions of a document, lower-case names; the first definition wins. */
    static Map<String, String> macros(Document doc) {
        return doc.derived(Macros.class, CheckSupport::computeMacros);
    }

    /** The key of {@link #macros}' memo on the snapshot: several checks ask for the same document's strings. */
    private record Macros() {}

    private static Map<String, String> computeMacros(Document doc) {
        Map<String, String> out = new HashMap<>();
        for (Block b : doc.blocks()) {
            if (!b.hasStrings()) {
                continue;
            }
            for (StringDef s : b.bib().strings()) {
                if (s.value() != null) {
                    out.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s.value().resolve(out));
                }
            }
        }
        return out.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Makes a view of part of {@code whole} (the section the incremental checks run on again) see the whole
     * document's {@code @string}s: their values ({@link #macros}) and the names defined before the view starts
     * ({@link #definedBefore}), so that its checks find what they find in the whole document.
     */
    static void inheritStrings(Document view, Document whole, int viewStart) {
        Map<String, String> m = macros(whole);
        view.derived(Macros.class, d -> m);
        java.util.Set<String> before = new java.util.HashSet<>();
        for (Block b : whole.blocks()) {
            if (!b.hasStrings()) {
                continue;
            }
            for (StringDef s : b.bib().strings()) {
                if (s.range().start() < viewStart) {
                    before.add(s.name().toLowerCase(Locale.ROOT));
                }
            }
        }
        java.util.Set<String> copy = java.util.Set.copyOf(before);
        view.derived(DefinedBefore.class, d -> copy);
    }

    /** The {@code @string} names defined before a document's text (for a view: before the view; else none). */
    static java.util.Set<String> definedBefore(Document doc) {
        return doc.<java.util.Set<String>>memoized(DefinedBefore.class).orElse(java.util.Set.of());
    }

    /** The key of {@link #definedBefore}'s value on a view. */
    private record DefinedBefore() {}

    /** The resolved value of the first field of that name, "" when absent or without value. */
    static String value(BibEntry e, String name, Map<String, String> macros) {
        BibField f = e.fieldOrNull(name);
        return f == null || f.value() == null ? "" : f.value().resolve(macros);
    }

    static String collapse(String s) {
        return dev.bibmark.util.Strings.collapseWhitespace(s);
    }
}
