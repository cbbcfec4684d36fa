package dev.bibmark.markdown;

import java.util.List;

/**
 * What bibmark needs from a Markdown document, in document order, with document ranges: headings, bibtex fences,
 * links, HTML comments, citations, and the other code blocks that hold BibTeX ({@link CodeBlock}).
 * Built by {@link MarkdownReader}.
 */
public record MarkdownIndex(List<Heading> headings, List<Fence> fences, List<Link> links,
                            List<HtmlComment> comments, List<Citation> citations, List<CodeBlock> unmarkedBibtex) {
    public static final MarkdownIndex EMPTY = new MarkdownIndex(List.of(), List.of(), List.of(), List.of(), List.of());

    /** An index without unmarked code blocks that hold BibTeX. */
    public MarkdownIndex(List<Heading> headings, List<Fence> fences, List<Link> links, List<HtmlComment> comments,
                         List<Citation> citations) {
        this(headings, fences, links, comments, citations, List.of());
    }
}
