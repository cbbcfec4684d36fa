package dev.bibmark.bibtex;

import dev.bibmark.text.TextRange;
import java.util.Locale;

/**
 * {@code name = value}. {@code value} is null when it is missing (a syntax error was reported).
 *
 * @param range from the name to the end of the value (without the trailing comma)
 */
public record BibField(String name, TextRange nameRange, BibValue value, TextRange range) {
    public String nameLower() {
        return name.toLowerCase(Locale.ROOT);
    }
}
