package dev.bibmark.bibtex;

import dev.bibmark.text.TextRange;

/**
 * A BibTeX syntax problem at an exact document range.
 *
 * @param kind a stable machine-readable kind (used by quick-fixes)
 * @param message what was expected, for people
 */
public record SyntaxError(Kind kind, TextRange range, String message) {
    public enum Kind {
        EXPECTED_OPEN, EXPECTED_KEY, EXPECTED_COMMA, EXPECTED_EQUALS, EXPECTED_VALUE, EXPECTED_FIELD_NAME,
        EXPECTED_CLOSE, UNBALANCED_BRACES, UNTERMINATED_STRING, UNTERMINATED_ENTRY, UNEXPECTED_CHARACTER, INCLUDE,
        /** A {@code %} comment line where a field is expected: BibTeX stops reading the entry there, biber skips it. */
        COMMENT_IN_ENTRY
    }
}
