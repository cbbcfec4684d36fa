package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.config.Config;
import dev.bibmark.markdown.Citation;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.util.KeyPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code key-convention} (off by default): a key differs from the one the configured JabRef-style pattern
 * ({@code keyPattern}, default {@code [auth:lower][year][veryshorttitle:lower]}, see {@link KeyPattern})
 * generates. A single letter after the generated key ({@code smith2020deepb}) is accepted, as JabRef adds
 * one on collisions. Entries for which a marker has no value (no author, no year) are not judged. The
 * finding is on the key.
 */
public final class KeyConventionCheck implements DocumentCheck {
    private static final Map<String, KeyPattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Code code() {
        return Code.KEY_CONVENTION;
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        KeyPattern pattern = pattern(config);
        Map<String, String> macros = CheckSupport.macros(doc);
        List<Finding> out = new ArrayList<>();
        for (BibEntry e : doc.entries()) {
            expected(pattern, e, macros).ifPresent(want -> {
                if (!follows(e.key(), want)) {
                    out.add(CheckSupport.finding(doc, code(), e.keyRange(), "Key '" + e.key()
                            + "' does not follow the key pattern " + pattern.pattern() + ": expected '" + want + "'"));
                }
            });
        }
        return out;
    }

    static KeyPattern pattern(Config config) {
        return CACHE.computeIfAbsent(config.keyPattern(), KeyPattern::parse);
    }

    /** The generated key of an entry with a key, or empty when the pattern cannot be filled. */
    static Optional<String> expected(KeyPattern pattern, BibEntry e, Map<String, String> macros) {
        if (e.key().isEmpty()) {
            return Optional.empty();
        }
        return pattern.expand(e.type(), fields(e, macros)).filter(k -> !k.isEmpty());
    }

    /** Resolved values by lower-case field name (the first of repeated fields, as BibTeX). */
    static Map<String, String> fields(BibEntry e, Map<String, String> macros) {
        Map<String, String> out = new HashMap<>();
        for (BibField f : e.fields()) {
            if (f.value() != null) {
                out.putIfAbsent(f.nameLower(), f.value().resolve(macros));
            }
        }
        return out;
    }

    private static boolean follows(String key, String want) {
        return key.equals(want)
                || (key.length() == want.length() + 1 && key.startsWith(want)
                && Character.isLowerCase(key.charAt(key.length() - 1))
                && key.charAt(key.length() - 1) <= 'z' && key.charAt(key.length() - 1) >= 'a');
    }

    /**
     * The fix of a {@code key-convention} finding: "Rename key to K" where K is the generated key (with a
     * suffix a, b, ... if another entry of the document has it). It renames the key, every citation of it
     * in the document ({@code [@key]}, {@code \cite{key}}) and every {@code crossref}, {@code xref} and {@code related}
     * link to it. Citations in
     * other files are the rename feature's job.
     */
    public static List<Fix> fixes(Document doc, Finding finding, Config config) {
        KeyPattern pattern = pattern(config);
        Map<String, String> macros = CheckSupport.macros(doc);
        for (BibEntry e : doc.entries()) {
            if (!e.keyRange().equals(finding.range())) {
                continue;
            }
            Optional<String> want = expected(pattern, e, macros);
            if (want.isEmpty() || follows(e.key(), want.get())) {
                return List.of();
            }
            String key = uniqueKey(doc, e, want.get());
            List<Edit> edits = new ArrayList<>();
            edits.add(new Edit(e.keyRange(), key));
            for (Citation c : doc.markdownIndex().citations()) {
                if (c.key().equalsIgnoreCase(e.key())) {
                    edits.add(new Edit(c.keyRange(), key));
                }
            }
            for (BibEntry other : doc.entries()) {
                for (dev.bibmark.model.KeyLink l : dev.bibmark.model.KeyLink.of(doc, other)) {
                    if (l.key().equalsIgnoreCase(e.key())) {
                        edits.add(new Edit(l.range(), key));
                    }
                }
            }
            return List.of(new Fix("Rename key to " + key, edits));
        }
        return List.of();
    }

    private static String uniqueKey(Document doc, BibEntry self, String base) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (BibEntry e : doc.entries()) {
            if (e != self) {
                taken.add(e.key().toLowerCase(Locale.ROOT));
            }
        }
        if (!taken.contains(base.toLowerCase(Locale.ROOT))) {
            return base;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            if (!taken.contains((base + c).toLowerCase(Locale.ROOT))) {
                return base + c;
            }
        }
        return base + "_" + taken.size();
    }
}
