/**
 * The BibTeX formatter: {@link dev.bibmark.format.Formatter} turns a document into edits that lay its entries out
 * in the style of {@link dev.bibmark.format.FormatOptions}, inside bibtex fences only and never changing a key, a
 * field or a value's text. Knows {@code text}, {@code bibtex}, {@code markdown} and {@code model}; the LSP edge
 * and the CLI apply its edits.
 */
package dev.bibmark.format;
