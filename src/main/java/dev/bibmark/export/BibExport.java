package dev.bibmark.export;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.bibtex.Months;
import dev.bibmark.bibtex.Preamble;
import dev.bibmark.bibtex.StringDef;
import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.markdown.EmbeddedText;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the BibTeX of paper lists and .bib files as one {@code .bib} text that BibTeX, jbibtex and BibTool
 * read without errors.
 *
 * <p>Order: {@code @string}s first, then {@code @preamble}s, then entries, each in document order over the
 * documents in the order given. Entries are copied verbatim from the source (without the Markdown container
 * prefixes of a quoted or indented fence) except where that would break the output:
 * <ul>
 * <li>the same key with the same content again (a {@code duplicate-entry} copy): written once, the first
 *     wins;</li>
 * <li>the same key (ignoring case, as BibTeX) with different content (a {@code duplicate-key} error): both are
 *     kept, the later one renamed {@code key-2} ({@code key-3}, ...) so no data is lost and every key stays
 *     unique; {@code \cite{key}} still finds the first, as in BibTeX, which drops repeated keys;</li>
 * <li>different keys for the same paper (same DOI or arXiv id) are both kept, since either key may be cited;</li>
 * <li>a repeated field is dropped (BibTeX uses the first one);</li>
 * <li>a bare word that no exported {@code @string} defines and that is no month is braced
 *     ({@code journal = jmlr} becomes {@code journal = {jmlr}});</li>
 * <li>an entry with a syntax error is rebuilt from what was parsed (fields whose value is missing or has
 *     unbalanced braces are left out); an entry without key, or with a key BibTeX cannot read, is left out;</li>
 * <li>a repeated {@code @string} (same name) is written once; the first definition wins, and the entries of a
 *     file that defines the name otherwise get their file's value written out in place of the name.</li>
 * </ul>
 * Every such change is reported as a {@link Note}, not written into the output: BibTool warns about any text
 * between entries, {@code @comment} included. {@code @comment} and {@code @include} are not exported.
 */
public final class BibExport {
    private static final String BAD_KEY_CHARS = ",{}#%~\\\"'()=";

    /**
     * Something the export changed or left out.
     *
     * @param path the source document
     * @param line 1-based source line of the object
     */
    public record Note(String path, int line, String message) {}

    /**
     * The export and what happened.
     *
     * @param text the .bib text
     * @param entries entries written
     * @param strings {@code @string}s written
     * @param duplicatesSkipped identical copies (same key and content) written only once
     * @param notes every renamed, rebuilt, changed or left-out object
     */
    public record Result(String text, int entries, int strings, int duplicatesSkipped, List<Note> notes) {}

    private BibExport() {}

    /** The .bib text of all documents (see the class comment for the rules). */
    public static String export(List<Document> docs) {
        return run(docs).text();
    }

    /** The export with its counts and notes. */
    public static Result run(List<Document> docs) {
        return new Exporter(docs).run();
    }

    /** One object of a document with what is needed to copy it. */
    private record Source(Document doc, Block block, BibObject object) {
        Note note(String message) {
            return new Note(doc.path(), doc.lines().line(object.range().start()) + 1, message);
        }

        EmbeddedText content() {
            return block.fence() == null ? EmbeddedText.identity(doc.text()) : block.fence().content();
        }
    }

    private static final class Exporter {
        private final List<Document> docs;
        private final List<Note> notes = new ArrayList<>();
        private final StringBuilder out = new StringBuilder();
        /** The exported {@code @string}s: lower-case name to resolved value. */
        private final Map<String, String> macros = new HashMap<>();
        private int entries;
        private int strings;
        private int duplicates;

        Exporter(List<Document> docs) {
            this.docs = docs;
        }

        Result run() {
            List<Source> stringDefs = new ArrayList<>();
            List<Source> preambles = new ArrayList<>();
            List<Source> entryList = new ArrayList<>();
            for (Document d : docs) {
                for (Block b : d.blocks()) {
                    for (BibObject o : b.bib().objects()) {
                        if (o instanceof StringDef) {
                            stringDefs.add(new Source(d, b, o));
                        } else if (o instanceof Preamble) {
                            preambles.add(new Source(d, b, o));
                        } else if (o instanceof BibEntry) {
                            entryList.add(new Source(d, b, o));
                        }
                    }
                }
            }
            writeStrings(stringDefs);
            writePreambles(preambles);
            writeEntries(entryList);
            return new Result(out.toString(), entries, strings, duplicates, List.copyOf(notes));
        }

        /** Each exported {@code @string}'s value as written (whitespace collapsed), by lower-case name. */
        private final Map<String, String> written = new HashMap<>();
        /** Each document's own {@code @string} values (first in the document), resolved in that document. */
        private final Map<Document, Map<String, String>> ownStrings = new java.util.IdentityHashMap<>();

        private void writeStrings(List<Source> defs) {
            for (Source s : defs) {
                StringDef def = (StringDef) s.object();
                String name = def.name().toLowerCase(Locale.ROOT);
                if (def.value() == null || def.name().isEmpty() || hasError(s)) {
                    note(s, "@string{" + def.name() + "} has a syntax error and is left out");
                    continue;
                }
                String text = verbatim(s, List.of());
                String value = normalise(verbatim(new Source(s.doc(), s.block(), def), List.of(), def.value().range()));
                Map<String, String> own = ownStrings.computeIfAbsent(s.doc(), d -> new HashMap<>());
                if (!own.containsKey(name)) {
                    // Resolved with the file's own earlier strings over the exported ones: what it means there.
                    Map<String, String> scope = new HashMap<>(macros);
                    scope.putAll(own);
                    own.put(name, def.value().resolve(scope));
                }
                if (written.containsKey(name)) {
                    if (!written.get(name).equals(value)) {
                        note(s, "@string{" + def.name() + "} redefines an earlier @string with another value "
                                + "and is left out (the first definition wins; this file's entries that use it get"
                                + " its value written out)");
                    }
                    continue;
                }
                written.put(name, value);
                macros.put(name, def.value().resolve(macros));
                out.append(text).append('\n');
                strings++;
            }
            if (strings > 0) {
                out.append('\n');
            }
        }

        private void writePreambles(List<Source> preambles) {
            Set<String> written = new HashSet<>();
            for (Source s : preambles) {
                if (hasError(s)) {
                    note(s, "@preamble has a syntax error and is left out");
                    continue;
                }
                String text = verbatim(s, List.of());
                if (written.add(normalise(text))) {
                    out.append(text).append("\n\n");
                }
            }
        }

        private void writeEntries(List<Source> list) {
            Map<String, List<String>> contentsByKey = new HashMap<>();
            Set<String> taken = new HashSet<>();
            for (Source s : list) {
                String key = ((BibEntry) s.object()).key();
                if (!key.isEmpty()) {
                    taken.add(key.toLowerCase(Locale.ROOT));
                }
            }
            for (Source s : list) {
                BibEntry e = (BibEntry) s.object();
                if (e.key().isEmpty()) {
                    note(s, "@" + e.type() + " without key left out");
                    continue;
                }
                if (!validKey(e.key())) {
                    note(s, "'" + e.key() + "' is not a valid BibTeX key; the entry is left out");
                    continue;
                }
                String keyLower = e.key().toLowerCase(Locale.ROOT);
                // What the entry means in its own file: two text-identical entries under different @strings differ.
                String content = content(e, meaning(s.doc()));
                List<String> seen = contentsByKey.computeIfAbsent(keyLower, k -> new ArrayList<>());
                if (seen.contains(content)) {
                    duplicates++;
                    continue;
                }
                String key = e.key();
                List<String> comments = new ArrayList<>();
                if (!seen.isEmpty()) {
                    key = freeKey(e.key(), taken);
                    comments.add("key '" + e.key() + "' is used for different entries; this one is renamed '"
                            + key + "'");
                }
                seen.add(content);
                String text;
                if (hasError(s) || !e.closed()) {
                    text = rebuild(s, e, key, comments);
                    comments.add(0, "'" + e.key() + "' rebuilt from what was parsed (the source has a syntax error)");
                } else {
                    text = verbatim(s, changes(s, e, key, comments));
                }
                for (String c : comments) {
                    notes.add(s.note(c));
                }
                out.append(text).append("\n\n");
                entries++;
            }
        }

        private void note(Source s, String message) {
            notes.add(s.note(message));
        }

        private boolean hasError(Source s) {
            TextRange r = s.object().range();
            for (SyntaxError err : s.block().bib().errors()) {
                if (err.range().start() < r.end() && err.range().end() > r.start()
                        || (err.range().start() == r.end() && err.range().length() == 0)) {
                    return true;
                }
            }
            return false;
        }

        /** The in-place changes a verbatim copy needs: new key, repeated fields, undefined macros. */
        private List<Change> changes(Source s, BibEntry e, String key, List<String> comments) {
            List<Change> out = new ArrayList<>();
            if (!key.equals(e.key())) {
                out.add(new Change(e.keyRange(), key));
            }
            Set<String> names = new HashSet<>();
            BibField previous = null;
            for (BibField f : e.fields()) {
                if (!names.add(f.nameLower()) && previous != null) {
                    out.add(new Change(new TextRange(previous.range().end(), f.range().end()), ""));
                    comments.add("repeated field '" + f.name() + "' of '" + e.key() + "' left out (BibTeX uses the first)");
                } else if (f.value() != null) {
                    for (BibValue.Part p : f.value().parts()) {
                        String own = p instanceof BibValue.Macro m ? ownValue(s.doc(), m.text()) : null;
                        if (own != null) {
                            out.add(new Change(p.range(), own));
                            comments.add("@string '" + p.text() + "' in '" + e.key() + "' written out as " + own
                                    + " (its file defines it so; another file's definition is the one exported)");
                        } else if (p instanceof BibValue.Macro m && !isDefined(m.text())) {
                            out.add(new Change(p.range(), "{" + m.text() + "}"));
                            comments.add("undefined @string '" + m.text() + "' in '" + e.key() + "' written as {"
                                    + m.text() + "}");
                        }
                    }
                }
                previous = f;
            }
            return out;
        }

        /**
         * The value as written in {@code doc}'s own {@code @string} for {@code macro} when that differs from the
         * exported definition of the name (another file defines it otherwise), else null: an entry keeps meaning
         * what its own file says (found by QA: it silently took the other file's value).
         */
        private String ownValue(Document doc, String macro) {
            String name = macro.toLowerCase(Locale.ROOT);
            Map<String, String> own = ownStrings.getOrDefault(doc, Map.of());
            // Compared resolved: "j = p # { A}" in two files means two things when their p differ.
            String mine = own.containsKey(name) ? own.get(name) : macros.containsKey(name) ? meaning(doc).get(name) : null;
            return mine == null || mine.equals(macros.get(name)) ? null : "{" + mine + "}";
        }

        /** The @string values an entry of {@code doc} sees: the exported ones, with the file's own over them. */
        private Map<String, String> meaning(Document doc) {
            Map<String, String> own = ownStrings.get(doc);
            if (own == null || own.isEmpty()) {
                return macros;
            }
            Map<String, String> out = new HashMap<>(macros);
            out.putAll(own);
            return out;
        }

        private boolean isDefined(String macro) {
            return macros.containsKey(macro.toLowerCase(Locale.ROOT)) || Months.isMonth(macro);
        }

        /** An entry written from the parse: first occurrence of each field with a complete, balanced value. */
        private String rebuild(Source s, BibEntry e, String key, List<String> comments) {
            StringBuilder sb = new StringBuilder();
            sb.append('@').append(e.type()).append('{').append(key).append(',');
            Set<String> names = new HashSet<>();
            for (BibField f : e.fields()) {
                if (!names.add(f.nameLower())) {
                    continue;
                }
                String value = f.value() == null ? null : value(s.doc(), f.value());
                if (value == null || !validFieldName(f.name())) {
                    comments.add("field '" + f.name() + "' of '" + e.key() + "' left out (incomplete)");
                    continue;
                }
                sb.append("\n  ").append(f.name()).append(" = ").append(value).append(',');
            }
            if (sb.charAt(sb.length() - 1) == ',' && !names.isEmpty()) {
                sb.setLength(sb.length() - 1);
            }
            return sb.append("\n}").toString();
        }

        /** A value rebuilt from its parts, or null when a part is incomplete. */
        private String value(Document doc, BibValue v) {
            List<String> parts = new ArrayList<>();
            for (BibValue.Part p : v.parts()) {
                String t = p.text();
                if (!balanced(t)) {
                    return null;
                }
                if (p instanceof BibValue.Braced) {
                    parts.add("{" + t + "}");
                } else if (p instanceof BibValue.Quoted) {
                    parts.add("{" + t + "}");
                } else if (p instanceof BibValue.Number) {
                    parts.add(t);
                } else {
                    String own = ownValue(doc, t);
                    parts.add(own != null ? own : isDefined(t) ? t : "{" + t + "}");
                }
            }
            return parts.isEmpty() ? null : String.join(" # ", parts);
        }

        private static boolean validFieldName(String name) {
            if (name.isEmpty()) {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!(Character.isLetterOrDigit(c) || "_-:.+".indexOf(c) >= 0)) {
                    return false;
                }
            }
            return true;
        }

        private static String freeKey(String key, Set<String> taken) {
            for (int n = 2; ; n++) {
                String k = key + "-" + n;
                if (taken.add(k.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
        }
    }

    /** A replacement of a document range inside an object being copied. */
    private record Change(TextRange range, String text) {}

    /**
     * The object's source text as the BibTeX parser saw it (Markdown container prefixes removed), with
     * changes applied.
     */
    private static String verbatim(Source s, List<Change> changes) {
        return verbatim(s, changes, s.object().range());
    }

    private static String verbatim(Source s, List<Change> changes, TextRange range) {
        EmbeddedText content = s.content();
        String local = content.text();
        int start = toLocal(content, range.start());
        int end = toLocal(content, range.end());
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
        StringBuilder sb = new StringBuilder();
        int at = start;
        for (Change c : sorted) {
            int cs = toLocal(content, c.range().start());
            int ce = toLocal(content, c.range().end());
            if (cs < at) {
                continue;
            }
            sb.append(local, at, cs).append(c.text());
            at = ce;
        }
        sb.append(local, at, Math.max(at, end));
        return sb.toString().replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The local offset of a document offset (the first local offset that maps at or after it). */
    static int toLocal(EmbeddedText content, int doc) {
        int lo = 0;
        int hi = content.text().length();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (content.toDocument(mid) < doc) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Type plus first-occurrence fields with whitespace-collapsed values, order-free; macros are resolved
     * with the exported {@code @string}s, as BibTeX will read the output.
     */
    static String content(BibEntry e, Map<String, String> macros) {
        Map<String, String> fields = new TreeMap<>();
        for (BibField f : e.fields()) {
            String v = f.value() == null ? "" : dev.bibmark.util.Strings.collapseWhitespace(f.value().resolve(macros));
            fields.putIfAbsent(f.nameLower(), v);
        }
        return e.typeLower() + fields;
    }

    private static String normalise(String text) {
        return dev.bibmark.util.Strings.collapseWhitespace(text);
    }

    private static boolean validKey(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c) || BAD_KEY_CHARS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // BibTeX counts every brace, escaped or not.
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
