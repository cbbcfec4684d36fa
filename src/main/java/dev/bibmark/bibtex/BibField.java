package dev.bibmark.bibtex;

import dev.bibmark.text.TextRange;
import java.util.Locale;

/**
 * {@code name = value}. {@code value} is null when it is missing (a syntax error was reported).
 *
 * @param range from the name to the end of the value (without the trailing comma)
 * @param nameLower {@code name.toLowerCase(Locale.ROOT)}, computed once by the four-argument constructor (checks
 *                  compare names per pair of fields; the parser's names are shared strings, and a name already in
 *                  lower case is its own lower case)
 */
public record BibField(String name, TextRange nameRange, BibValue value, TextRange range, String nameLower) {
    public BibField(String name, TextRange nameRange, BibValue value, TextRange range) {
        this(name, nameRange, value, range, name.toLowerCase(Locale.ROOT));
    }
}
