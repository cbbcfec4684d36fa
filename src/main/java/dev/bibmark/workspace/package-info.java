/** The file set of a workspace (folders walked, .gitignore obeyed) and reading files from disk. */
package dev.bibmark.workspace;
