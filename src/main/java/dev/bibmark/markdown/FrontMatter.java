package dev.bibmark.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * The bibliography files a Markdown document names in its YAML front matter, as Pandoc and Quarto read them:
 * {@code bibliography: refs.bib}, {@code bibliography: [a.bib, "b.bib"]} or a block list of {@code - a.bib} lines.
 * The front matter is a {@code ---} line at the very start (after a byte order mark) up to the next {@code ---} or
 * {@code ...} line. Only this key is read; the rest of the YAML is not interpreted.
 */
public final class FrontMatter {
    private FrontMatter() {}

    /** How far the closing line is looked for: front matter is a header, not a document. */
    private static final int MAX_CHARS = 64 * 1024;

    /** The files named by {@code bibliography:}, as written (paths relative to the document); empty when none. */
    public static List<String> bibliography(String text) {
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        if (!text.startsWith("---", start)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        int at = start;
        boolean closed = false;
        while (at < text.length() && at < start + MAX_CHARS) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(at, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (at == start) {
                if (!line.strip().equals("---")) {
                    return List.of();
                }
            } else if (line.strip().equals("---") || line.strip().equals("...")) {
                closed = true;
                break;
            } else {
                lines.add(line);
            }
            if (nl < 0) {
                break;
            }
            at = nl + 1;
        }
        if (!closed) {
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
                // A block list: the indented "- item" lines that follow.
                for (int j = i + 1; j < lines.size(); j++) {
                    String item = lines.get(j).strip();
                    if (!item.startsWith("-") || lines.get(j).isEmpty() || !Character.isWhitespace(lines.get(j).charAt(0))
                            && !lines.get(j).startsWith("-")) {
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
}
