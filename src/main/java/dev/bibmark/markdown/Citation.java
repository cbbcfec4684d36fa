package dev.bibmark.markdown;

import dev.bibmark.text.TextRange;

/**
 * A citation of a key in prose: {@code [@key]}, {@code [@a; @b, p. 3]}, {@code @key},
 * {@code \cite{a,b}} and the natbib/biblatex cite commands.
 *
 * @param key the key as written
 * @param keyRange range of the key (without {@code @})
 */
public record Citation(String key, TextRange keyRange, Kind kind) {
    public enum Kind { PANDOC, LATEX }
}
