/**
 * Export of the BibTeX in paper lists as one {@code .bib} file ({@link dev.bibmark.export.BibExport}): pure
 * functions over {@link dev.bibmark.model.Document} snapshots, shared by the CLI ({@code bibmark export}) and
 * the server.
 */
package dev.bibmark.export;
