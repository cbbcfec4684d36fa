package dev.bibmark.markdown;

import java.util.Arrays;

/**
 * The text of a fenced block as the BibTeX parser sees it (content lines joined by {@code \n}),
 * with the document offset of every character. Content line {@code k} starts in the document at
 * {@code lineStarts[k]}: the column after the container prefix (quote markers, list indent,
 * fence indent), so fences inside lists and block quotes map back exactly.
 */
public final class EmbeddedText {
    private final String text;
    private final int[] localStarts;
    private final int[] docStarts;
    /** Added to every entry of {@link #docStarts}: a moved text shares its arrays with the one it moved from. */
    private final int shift;
    private final int docEnd;

    /**
     * @param text content lines joined by '\n' (no trailing newline needed)
     * @param docStarts document offset of the first character of each content line
     * @param docEnd document offset just after the content (where an offset == text.length() maps)
     */
    public EmbeddedText(String text, int[] docStarts, int docEnd) {
        this.text = text;
        this.docStarts = docStarts;
        this.shift = 0;
        this.docEnd = docEnd;
        int[] ls = new int[docStarts.length];
        int line = 0;
        if (ls.length > 0) {
            ls[0] = 0;
        }
        for (int i = 0; i < text.length() && line + 1 < ls.length; i++) {
            if (text.charAt(i) == '\n') {
                ls[++line] = i + 1;
            }
        }
        this.localStarts = ls;
    }

    /** With the local start of every line already known (they are where {@code text} has a '\n', plus one). */
    EmbeddedText(String text, int[] docStarts, int[] localStarts, int docEnd) {
        this(text, docStarts, localStarts, 0, docEnd);
    }

    private EmbeddedText(String text, int[] docStarts, int[] localStarts, int shift, int docEnd) {
        this.text = text;
        this.docStarts = docStarts;
        this.localStarts = localStarts;
        this.shift = shift;
        this.docEnd = docEnd;
    }

    /** A .bib file: the text maps to itself. */
    public static EmbeddedText identity(String text) {
        EmbeddedText t = new EmbeddedText(text, new int[] {0}, text.length());
        t.identity = true;
        return t;
    }

    private boolean identity;

    public String text() {
        return text;
    }

    public boolean isIdentity() {
        return identity;
    }

    /** Document offset of a local offset ({@code 0 <= local <= text.length()}). */
    public int toDocument(int local) {
        if (identity) {
            return local;
        }
        if (localStarts.length == 0) {
            return docEnd;
        }
        if (local >= text.length()) {
            return local == text.length() && text.isEmpty() ? docStarts[0] + shift : docEndOfText(local);
        }
        int i = Arrays.binarySearch(localStarts, local);
        int line = i >= 0 ? i : -i - 2;
        return docStarts[line] + shift + (local - localStarts[line]);
    }

    private int docEndOfText(int local) {
        int line = localStarts.length - 1;
        return docStarts[line] + shift + (Math.min(local, text.length()) - localStarts[line]);
    }

    public int docEnd() {
        return docEnd;
    }

    /** The same text placed {@code delta} characters later (or earlier) in the document. */
    public EmbeddedText shifted(int delta) {
        if (identity) {
            throw new IllegalStateException("a .bib file's text does not move");
        }
        // Nothing is copied or scanned again: a keystroke moves every fence below it (10,000 in a long list).
        return new EmbeddedText(text, docStarts, localStarts, shift + delta, docEnd + delta);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmbeddedText t && t.identity == identity && t.docEnd == docEnd && t.text.equals(text)
                && sameStarts(t) && Arrays.equals(t.localStarts, localStarts);
    }

    /** Whether both place their lines at the same document offsets (their arrays may be shifted copies). */
    private boolean sameStarts(EmbeddedText t) {
        if (t.docStarts.length != docStarts.length) {
            return false;
        }
        for (int i = 0; i < docStarts.length; i++) {
            if (t.docStarts[i] + t.shift != docStarts[i] + shift) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + docEnd;
    }

    @Override
    public String toString() {
        return "EmbeddedText[" + docStarts.length + " lines, docEnd=" + docEnd + "]";
    }
}
