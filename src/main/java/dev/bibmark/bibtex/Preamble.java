package dev.bibmark.bibtex;

import dev.bibmark.text.TextRange;

/** {@code @preamble{...}}. */
public record Preamble(TextRange range) implements BibObject {}
