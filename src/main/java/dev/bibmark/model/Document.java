package dev.bibmark.model;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.markdown.MarkdownIndex;
import dev.bibmark.text.LineIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable snapshot of one parsed document (Markdown paper list or .bib file).
 *
 * @param path the path or URI the document is known by
 * @param markdown true for Markdown, false for .bib
 * @param markdownIndex {@link MarkdownIndex#EMPTY} for .bib files
 * @param blocks BibTeX blocks in document order (exactly one for a .bib file)
 */
public record Document(String path, String text, LineIndex lines, boolean markdown, MarkdownIndex markdownIndex,
                       List<Block> blocks) {

    public List<BibEntry> entries() {
        List<BibEntry> out = new ArrayList<>();
        for (Block b : blocks) {
            out.addAll(b.bib().entries());
        }
        return out;
    }

    /** Whether a path names a Markdown file (by extension); everything else is read as BibTeX. */
    public static boolean isMarkdownPath(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.endsWith(".md") || p.endsWith(".markdown");
    }
}
