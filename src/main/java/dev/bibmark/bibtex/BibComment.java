package dev.bibmark.bibtex;

import dev.bibmark.text.TextRange;

/** {@code @comment{...}} (or {@code @comment} to the end of the line). */
public record BibComment(TextRange range) implements BibObject {}
