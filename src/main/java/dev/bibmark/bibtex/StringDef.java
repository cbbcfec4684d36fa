package dev.bibmark.bibtex;

import dev.bibmark.text.TextRange;

/** {@code @string{name = value}}; {@code value} null when missing. */
public record StringDef(String name, TextRange nameRange, BibValue value, TextRange range) implements BibObject {}
