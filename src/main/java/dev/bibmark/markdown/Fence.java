package dev.bibmark.markdown;

import dev.bibmark.text.TextRange;

/**
 * A fenced code block whose info string's first word is bibtex, bib or biblatex (any case).
 *
 * @param range from the opening fence to the end of the closing fence (or of the container)
 * @param language the info string's first word, as written
 * @param content the block's content with its document mapping
 * @param closed whether a closing fence was found
 */
public record Fence(TextRange range, String language, EmbeddedText content, boolean closed) {}
