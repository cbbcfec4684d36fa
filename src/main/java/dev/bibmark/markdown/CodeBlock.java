package dev.bibmark.markdown;

import dev.bibmark.text.TextRange;

/**
 * A fenced code block that is not marked as BibTeX (no info string, or another language) but holds a line that
 * starts a BibTeX object ({@code @article{}, {@code @string(}): bibmark does not read it, which the
 * {@code unmarked-bibtex} check says.
 *
 * @param range from the opening fence to the end of the closing fence (or of the container)
 * @param info the info string's first word ({@code latex}), or an empty range right after the fence characters when
 *             the block has none; null when the opening line could not be located in the document
 * @param language that word as written, "" when none
 */
public record CodeBlock(TextRange range, TextRange info, String language) {}
