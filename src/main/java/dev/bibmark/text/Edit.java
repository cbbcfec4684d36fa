package dev.bibmark.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A replacement of a document range by new text: what quick-fixes, formatting and rename produce. The LSP edge
 * turns it into a TextEdit; the CLI applies it with {@link #apply}.
 */
public record Edit(TextRange range, String newText) {
    public Edit {
        if (range == null || newText == null) {
            throw new IllegalArgumentException("edit needs a range and a text");
        }
    }

    public static Edit insert(int at, String text) {
        return new Edit(TextRange.empty(at), text);
    }

    public static Edit delete(TextRange range) {
        return new Edit(range, "");
    }

    /**
     * Applies non-overlapping edits (in any order; inserts at the same offset keep their list order) to a text.
     *
     * @throws IllegalArgumentException when two edits overlap or one lies outside the text
     */
    public static String apply(String text, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> a.range().start() != b.range().start()
                ? Integer.compare(a.range().start(), b.range().start()) : Integer.compare(a.range().end(), b.range().end()));
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        for (Edit e : sorted) {
            if (e.range().start() < at || e.range().end() > text.length()) {
                throw new IllegalArgumentException("overlapping or out-of-range edit " + e.range());
            }
            out.append(text, at, e.range().start()).append(e.newText());
            at = e.range().end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
