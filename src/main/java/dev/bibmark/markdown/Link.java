package dev.bibmark.markdown;

import dev.bibmark.text.TextRange;

/**
 * An inline link {@code [label](url)} or an autolink in prose.
 *
 * @param label the link text
 * @param url the destination as written
 * @param range the whole link
 * @param urlRange the destination's range
 * @param role the words before the link on its line, lower-case, without a trailing colon
 *             (e.g. "paper link", "code link"), "" when none
 */
public record Link(String label, String url, TextRange range, TextRange urlRange, String role) {
    public boolean isPaperLink() {
        return role.contains("paper");
    }
}
