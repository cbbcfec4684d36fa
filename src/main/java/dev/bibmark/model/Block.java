package dev.bibmark.model;

import dev.bibmark.bibtex.BibFile;
import dev.bibmark.markdown.Fence;

/**
 * A piece of BibTeX of a document: a fenced block of a Markdown file, or a whole .bib file.
 *
 * @param fence null for a .bib file
 * @param paper the section around the block, null when there is no heading above it (or .bib)
 */
public record Block(Fence fence, BibFile bib, Paper paper) {}
