package dev.bibmark.markdown;

import java.util.List;

/**
 * What bibmark needs from a Markdown document, in document order, with document ranges.
 * Built by {@link MarkdownReader}.
 */
public record MarkdownIndex(List<Heading> headings, List<Fence> fences, List<Link> links,
                            List<HtmlComment> comments, List<Citation> citations) {
    public static final MarkdownIndex EMPTY = new MarkdownIndex(List.of(), List.of(), List.of(), List.of(), List.of());
}
