package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.config.Config;
import dev.bibmark.markdown.Citation;
import dev.bibmark.model.KeyLink;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code undefined-citation}: a citation names a key that no entry of the checked files (the workspace, in the
 * server) has. Keys match ignoring case, as in BibTeX. What counts as a citation here: a Pandoc citation in
 * brackets ({@code [@key]}, {@code [see @a; @b, p. 3]}, {@code [-@key]}), a key of a LaTeX cite command
 * ({@code \cite{a,b}}; {@code \nocite{*}} cites everything) and the keys an entry links to: {@code crossref}
 * (BibTeX's "bad cross reference"), BibLaTeX's {@code xref} and {@code related} ({@link KeyLink}). A bare
 * {@code @name} in running text is not judged: in a README it is as often a user's handle as a citation. The
 * finding is on the key. A document whose YAML front matter names bibliography files
 * ({@code bibliography: refs.bib}, as Pandoc reads it) has its citations judged only when one of those files is
 * among the checked ones (the command line adds them; a file outside the server's folders is not read), so that
 * keys defined there are never reported as undefined.
 */
public final class UndefinedCitationCheck implements WorkspaceCheck {
    @Override
    public Code code() {
        return Code.UNDEFINED_CITATION;
    }

    /** A key a document refers to, where it stands, and the field that names it (null for a citation). */
    public record Ref(String key, String keyLower, TextRange range, String field) {}

    /** The references of a document's text, memoized on the snapshot. */
    private record Refs(List<Ref> list) {}

    @Override
    public List<Finding> check(List<Document> docs, Config config) {
        List<Finding> out = new ArrayList<>();
        boolean any = false;
        for (Document d : docs) {
            any |= !refs(d).isEmpty();
        }
        if (!any) {
            return out; // the usual reading list cites nothing: no key set to build
        }
        Map<String, Integer> keys = new HashMap<>();
        for (Document d : docs) {
            addKeys(d, keys, 1);
        }
        findingsOfAll(docs, keys, out);
        return out;
    }

    /** The file names (last path segment) of the documents. */
    static java.util.Set<String> fileNames(List<Document> docs) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Document d : docs) {
            out.add(CheckSupport.fileName(d.path()));
        }
        return out;
    }

    /**
     * The findings of every document's references whose key is not in {@code defined}. A document that names
     * bibliography files in its front matter is judged only when one of them is among {@code docs}.
     */
    static void findingsOfAll(List<Document> docs, Map<String, Integer> defined, List<Finding> out) {
        java.util.Set<String> names = null;
        for (Document d : docs) {
            if (refs(d).isEmpty()) {
                continue;
            }
            List<String> declared = declaredBibliography(d);
            if (!declared.isEmpty()) {
                if (names == null) {
                    names = fileNames(docs);
                }
                boolean present = false;
                for (String b : declared) {
                    present |= names.contains(CheckSupport.fileName(b));
                }
                if (!present) {
                    continue;
                }
            }
            findings(d, defined, out);
        }
    }

    /** The bibliography files a Markdown document's front matter names (Pandoc's {@code bibliography:}). */
    public static List<String> declaredBibliography(Document d) {
        return d.markdown() ? dev.bibmark.markdown.FrontMatter.bibliography(d.text()) : List.of();
    }

    /** Adds {@code delta} to the count of every key defined in {@code d} (lower-case), dropping keys that reach 0. */
    static void addKeys(Document d, Map<String, Integer> counts, int delta) {
        for (BibEntry e : d.entries()) {
            if (!e.key().isEmpty()) {
                count(counts, e.key(), delta);
            }
        }
        // A CSL bibliography read for its keys only (the command line's context; Documents.keyList), or the
        // items of a list's own front matter (Pandoc's inline "references:").
        for (String k : d.markdown() ? inlineReferences(d) : dev.bibmark.model.Documents.listedKeys(d)) {
            count(counts, k, delta);
        }
    }

    private static void count(Map<String, Integer> counts, String key, int delta) {
        counts.merge(key.toLowerCase(Locale.ROOT), delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** The ids of the items of the document's front matter {@code references:} (memoized on the snapshot). */
    static List<String> inlineReferences(Document d) {
        return d.derived(InlineReferences.class, x -> new InlineReferences(
                dev.bibmark.markdown.FrontMatter.referenceIds(x.text()))).ids();
    }

    private record InlineReferences(List<String> ids) {}

    /** The findings of the references of {@code d} whose key is not in {@code defined}. */
    static void findings(Document d, Map<String, Integer> defined, List<Finding> out) {
        for (Ref r : refs(d)) {
            if (!defined.containsKey(r.keyLower())) {
                out.add(CheckSupport.finding(d, Code.UNDEFINED_CITATION, r.range(),
                        (r.field() != null ? r.field() + " '" : "Citation key '") + r.key()
                                + "' is not the key of any entry"));
            }
        }
    }

    /** The references of a document (citations as defined in the class comment, and crossrefs), in text order. */
    public static List<Ref> refs(Document d) {
        return d.derived(Refs.class, UndefinedCitationCheck::computeRefs).list();
    }

    /**
     * Quarto's cross-reference ids ({@code [@fig-plot]}, {@code [@sec-intro]}: a figure, a section, …) and
     * pandoc-crossref's ({@code [@fig:plot]}): written like citations, resolved by the tool, never in a
     * bibliography (found by QA).
     */
    static final java.util.regex.Pattern CROSS_REFERENCE = java.util.regex.Pattern.compile(
            "(?:fig|tbl|lst|tip|nte|wrn|imp|cau|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|sec|eq)-.+"
                    + "|(?:fig|sec|tbl|eq|lst):.+");

    private static Refs computeRefs(Document d) {
        List<Ref> out = new ArrayList<>();
        String text = d.text();
        for (Citation c : d.markdownIndex().citations()) {
            if (c.key().equals("*") || (c.kind() != Citation.Kind.LATEX && CROSS_REFERENCE.matcher(c.key()).matches())) {
                continue;
            }
            if (c.kind() == Citation.Kind.LATEX || inBrackets(text, c.keyRange())) {
                out.add(new Ref(c.key(), c.key().toLowerCase(Locale.ROOT), c.keyRange(), null));
            }
        }
        for (dev.bibmark.model.Block b : d.blocks()) {
            // Blocks whose parse result has no link field are skipped without looking at their fields again.
            if (!b.origin().hasKeyLinks()) {
                continue;
            }
            for (BibEntry e : b.bib().entries()) {
                for (KeyLink x : KeyLink.of(d, e)) {
                    out.add(new Ref(x.key(), x.key().toLowerCase(Locale.ROOT), x.range(), x.field()));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
        return new Refs(List.copyOf(out));
    }

    /** How far a bracket around a Pandoc citation is looked for, on each side. */
    private static final int BRACKET_REACH = 500;

    /**
     * Whether a Pandoc citation stands inside brackets: a {@code [} before it and a {@code ]} after it with no other
     * bracket between, in the same paragraph, and the {@code ]} not opening a link ({@code [@x](url)} is link text).
     */
    static boolean inBrackets(String text, TextRange key) {
        int i = key.start() - 1;
        int stop = Math.max(0, key.start() - BRACKET_REACH);
        boolean open = false;
        for (; i >= stop; i--) {
            char c = text.charAt(i);
            if (c == '[') {
                open = true;
                break;
            }
            if (c == ']' || blankLineAt(text, i)) {
                return false;
            }
        }
        if (!open) {
            return false;
        }
        int end = Math.min(text.length(), key.end() + BRACKET_REACH);
        for (int j = key.end(); j < end; j++) {
            char c = text.charAt(j);
            if (c == ']') {
                return j + 1 >= text.length() || (text.charAt(j + 1) != '(' && text.charAt(j + 1) != '[');
            }
            if (c == '[' || blankLineAt(text, j)) {
                return false;
            }
        }
        return false;
    }

    /** Whether a line break at {@code i} is followed by a blank line (which ends a paragraph). */
    private static boolean blankLineAt(String text, int i) {
        if (text.charAt(i) != '\n') {
            return false;
        }
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The keys of the workspace nearest to {@code key} (edit distance, at most {@code max}), best first. */
    public static List<String> nearest(List<Document> workspace, String key, int max) {
        String lower = key.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, lower.length() / 3));
        Map<String, Integer> best = new HashMap<>();
        for (Document d : workspace) {
            for (BibEntry e : d.entries()) {
                String k = e.key();
                if (k.isEmpty() || Math.abs(k.length() - key.length()) > limit || best.containsKey(k)) {
                    continue;
                }
                int dist = dev.bibmark.util.Strings.distance(lower, k.toLowerCase(Locale.ROOT));
                if (dist > 0 && dist <= limit) {
                    best.put(k, dist);
                }
            }
        }
        List<String> out = new ArrayList<>(best.keySet());
        out.sort((a, b) -> best.get(a).equals(best.get(b)) ? a.compareTo(b) : Integer.compare(best.get(a), best.get(b)));
        return out.subList(0, Math.min(max, out.size()));
    }
}
