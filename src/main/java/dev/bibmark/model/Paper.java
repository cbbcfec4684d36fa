package dev.bibmark.model;

import dev.bibmark.markdown.Heading;
import dev.bibmark.markdown.Link;
import java.util.List;
import java.util.Optional;

/** The Markdown section around a block: its nearest heading above and the section's links. */
public record Paper(Heading heading, List<Link> links) {
    /** The {@code paper link:} if any, else the first link of the section. */
    public Optional<Link> paperLink() {
        for (Link l : links) {
            if (l.isPaperLink()) {
                return Optional.of(l);
            }
        }
        return links.stream().findFirst();
    }
}
