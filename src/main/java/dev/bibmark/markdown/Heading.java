package dev.bibmark.markdown;

import dev.bibmark.text.TextRange;

/**
 * An ATX or setext heading.
 *
 * @param level 1..6
 * @param title the heading text without the status tag and without the {@code #} markers, trimmed
 * @param range the whole heading line(s)
 * @param titleRange range of {@code title} in the document
 * @param status the status tag such as {@code READ} (from {@code [`READ`]}), null when none
 * @param statusRange range of the tag's text (inside the backticks), null when none
 */
public record Heading(int level, String title, TextRange range, TextRange titleRange, String status,
                      TextRange statusRange) {}
