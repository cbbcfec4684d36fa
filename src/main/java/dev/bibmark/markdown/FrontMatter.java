package dev.bibmark.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * The bibliography files a Markdown document names in its YAML front matter, as Pandoc and Quarto read them:
 * {@code bibliography: refs.bib}, {@code bibliography: [a.bib, "b.bib"]} or a block list of {@code - a.bib} lines.
 * The front matter is a {@code ---} line at the very start (after a byte order mark) up to the next {@code ---} or
 * {@code ...} line ({@link #end}); the Markdown reader starts after it. Only this key is read; the rest of the YAML
 * is not interpreted.
 */
public final class FrontMatter {
    private FrontMatter() {}

    /** How far the closing line is looked for: front matter is a header, not a document. */
    private static final int MAX_CHARS = 64 * 1024;

    /**
     * Where the front matter ends: the offset just after its closing line (and that line's break), or -1 when the
     * text has none. Front matter opens with a {@code ---} line at the very start (after a byte order mark), closes
     * with a {@code ---} or {@code ...} line, and holds a YAML mapping (a line {@code key:} at its left margin): a
     * leading thematic break over a paragraph is not front matter.
     */
    public static int end(String text) {
        return read(text, null);
    }

    /**
     * {@link #end}, collecting the lines between the fences into {@code lines} (null: not collected). A text that
     * does not open with {@code ---} costs one comparison, so callers need no test of their own.
     */
    private static int read(String text, List<String> lines) {
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        if (!text.startsWith("---", start)) {
            return -1;
        }
        int at = start;
        boolean mapping = false;
        while (at < text.length() && at < start + MAX_CHARS) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl;
            int cut = end > at && text.charAt(end - 1) == '\r' ? end - 1 : end;
            // A lone CR ends a line too (as in CommonMark): a front matter written with them is not looked into.
            String line = text.substring(at, cut);
            if (line.indexOf('\r') >= 0) {
                return -1;
            }
            if (at == start) {
                if (!line.strip().equals("---")) {
                    return -1;
                }
            } else if (line.strip().equals("---") || line.strip().equals("...")) {
                return mapping ? (nl < 0 ? text.length() : nl + 1) : -1;
            } else {
                mapping |= isKeyLine(line);
                if (lines != null) {
                    lines.add(line);
                }
            }
            if (nl < 0) {
                break;
            }
            at = nl + 1;
        }
        return -1;
    }

    /** A top-level YAML key: {@code name:} at the left margin, followed by a blank or the end of the line. */
    private static boolean isKeyLine(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || (colon + 1 < line.length() && line.charAt(colon + 1) != ' ' && line.charAt(colon + 1) != '\t')) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || (i > 0 && c == ' '))) {
                return false;
            }
        }
        return true;
    }

    /** The files named by {@code bibliography:}, as written (paths relative to the document); empty when none. */
    public static List<String> bibliography(String text) {
        List<String> lines = new ArrayList<>();
        if (read(text, lines) < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("bibliography:")) {
                continue;
            }
            String value = line.substring("bibliography:".length()).strip();
            if (value.startsWith("[")) {
                int close = value.lastIndexOf(']');
                for (String item : value.substring(1, close < 0 ? value.length() : close).split(",")) {
                    add(item, out);
                }
            } else if (!value.isEmpty()) {
                add(value, out);
            } else {
                // A block list: the "- item" lines that follow (indented, or at the margin as YAML allows).
                for (int j = i + 1; j < lines.size(); j++) {
                    String raw = lines.get(j);
                    String item = raw.strip();
                    if (!item.startsWith("-") || (!raw.startsWith("-") && !Character.isWhitespace(raw.charAt(0)))) {
                        break;
                    }
                    add(item.substring(1), out);
                }
            }
        }
        return out;
    }

    /** One file name: quotes and a trailing comment dropped. */
    private static void add(String item, List<String> out) {
        String s = item.strip();
        int hash = s.indexOf(" #");
        if (hash >= 0) {
            s = s.substring(0, hash).strip();
        }
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1);
        }
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /**
     * The ids of CSL YAML items ({@code - id: key}, or {@code id: key} under an item's dash): a CSL YAML
     * bibliography file, or Pandoc's inline {@code references:} in front matter. CSL items have no nested {@code id},
     * so the lines are enough; a value is unquoted and a trailing comment dropped, and the lines of a block scalar
     * ({@code title: |}) are text, not keys.
     */
    public static List<String> yamlIds(String text) {
        List<String> out = new ArrayList<>();
        int at = text.startsWith("\uFEFF") ? 1 : 0;
        int scalarIndent = -1; // inside a block scalar: lines indented more than its key are text
        while (at <= text.length()) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl;
            String raw = text.substring(at, end);
            String line = raw.strip();
            int indent = raw.length() - raw.stripLeading().length();
            if (scalarIndent >= 0 && (line.isEmpty() || indent > scalarIndent)) {
                at = nl < 0 ? text.length() + 1 : nl + 1;
                continue;
            }
            scalarIndent = -1;
            boolean dash = line.startsWith("-");
            if (dash) {
                line = line.substring(1).strip();
            }
            if (line.startsWith("id:")) {
                String v = line.substring(3).strip();
                int close = v.isEmpty() || (v.charAt(0) != '"' && v.charAt(0) != '\'') ? -1 : v.indexOf(v.charAt(0), 1);
                if (close > 0) {
                    v = v.substring(1, close); // quoted: up to the closing quote; a comment may follow
                } else {
                    int hash = v.indexOf(" #");
                    v = (hash >= 0 ? v.substring(0, hash) : v).strip();
                }
                if (!v.isEmpty()) {
                    out.add(v);
                }
            } else if (line.matches("[^\\s:#]+:\\s*[|>][-+0-9]*\\s*(#.*)?")) {
                scalarIndent = indent + (dash ? raw.stripLeading().length() - raw.stripLeading().substring(1).stripLeading().length() : 0);
            }
            if (nl < 0) {
                break;
            }
            at = nl + 1;
        }
        return out;
    }

    /** A key at the left margin ({@code lang: en}), not an item of a block list ({@code - id: x}). */
    private static boolean topLevelKey(String line) {
        return !line.isEmpty() && line.charAt(0) != '-' && !Character.isWhitespace(line.charAt(0)) && isKeyLine(line);
    }

    /** The ids of the items of Pandoc's inline {@code references:} in the front matter; empty when none. */
    public static List<String> referenceIds(String text) {
        List<String> lines = new ArrayList<>();
        if (read(text, lines) < 0) {
            return List.of();
        }
        int from = -1;
        for (int i = 0; i < lines.size() && from < 0; i++) {
            if (lines.get(i).startsWith("references:")) {
                from = i + 1;
            }
        }
        if (from < 0) {
            return List.of();
        }
        // Its block: the lines up to the next top-level key.
        StringBuilder block = new StringBuilder();
        for (int i = from; i < lines.size() && !topLevelKey(lines.get(i)); i++) {
            block.append(lines.get(i)).append('\n');
        }
        return yamlIds(block.toString());
    }
}
