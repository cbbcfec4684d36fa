package dev.bibmark.bibtex;

import dev.bibmark.text.TextRange;

/** One {@code @...} object of a BibTeX text. */
public sealed interface BibObject permits BibEntry, StringDef, Preamble, BibComment, Include {
    /** From the {@code @} to the closing delimiter (or where recovery stopped). */
    TextRange range();
}
