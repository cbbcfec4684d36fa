/**
 * Quick-fixes and fix-all: precise {@link dev.bibmark.text.Edit}s that repair what the checks report,
 * generated citation keys ({@link dev.bibmark.fixes.Keys}) and in-source suppressions ("Ignore here").
 * Knows the model and the checks, never LSP types: the server and the CLI convert {@link dev.bibmark.fixes.Fix}.
 */
package dev.bibmark.fixes;
