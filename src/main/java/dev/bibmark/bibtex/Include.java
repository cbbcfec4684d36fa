package dev.bibmark.bibtex;

import dev.bibmark.text.TextRange;

/** {@code @include{path}}: reported, never followed. */
public record Include(String path, TextRange range) implements BibObject {}
