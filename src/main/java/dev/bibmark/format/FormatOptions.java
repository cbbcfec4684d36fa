package dev.bibmark.format;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@link Formatter} lays out an entry. Every entry is written one field per line:
 *
 * <pre>
 * &#64;type{key,
 * &lt;indent&gt;name = value,
 * &lt;indent&gt;name = value
 * }
 * </pre>
 *
 * The closing delimiter goes on its own line at the column of the {@code @}; parts of a value are joined with
 * {@code " # "}; text inside a value is never changed (multi-line values keep their lines as written).
 *
 * <p>{@link #DEFAULT} is the style most entries of the shared corpus of real lists already follow: among the 732
 * well-formed entries, 322 are laid out exactly like it (ignoring trailing blanks), more than under any other set of
 * options ({@code FormatCorpusTest} re-measures it). That is the arXiv export style: six-space indent, no spaces
 * around {@code =}, no alignment, fields in their order, braces, numbers braced, lower-case types, field names as
 * written ({@code archivePrefix}), a trailing comma. Counted option by option, every choice is also the majority
 * one except the trailing comma (382 entries without, 350 with: the Google Scholar entries have none, but they also
 * use a two-space indent, so only 205 entries follow the Google Scholar style as a whole).
 *
 * @param indent the indentation of a field line relative to the entry's {@code @} line; spaces and tabs only
 * @param alignEquals pad field names so the {@code =} signs of an entry line up
 * @param spaceAroundEquals {@code name = value} instead of {@code name=value}
 * @param fieldOrder keep the fields' order, or sort them by {@link #STANDARD_ORDER}
 * @param delimiters the delimiter of braced and quoted values
 * @param lowercaseTypes {@code @Article} becomes {@code @article} (ASCII letters only)
 * @param lowercaseFieldNames {@code Title} becomes {@code title} (ASCII letters only)
 * @param trailingComma a comma after the last field
 * @param numbers how a value made only of ASCII digits is written
 */
public record FormatOptions(String indent, boolean alignEquals, boolean spaceAroundEquals, FieldOrder fieldOrder,
                            Delimiters delimiters, boolean lowercaseTypes, boolean lowercaseFieldNames,
                            boolean trailingComma, Numbers numbers) {

    /** The field order. */
    public enum FieldOrder {
        /** Fields stay in the order they are written. */
        KEEP,
        /**
         * Fields named in {@link #STANDARD_ORDER} come first, in that order; the others follow in the order they are
         * written. The sort is stable, so a repeated field keeps its first copy first (the one BibTeX uses).
         */
        STANDARD
    }

    /** The delimiters of a {@code {braced}} or {@code "quoted"} value part. Macros and bare numbers are not changed. */
    public enum Delimiters {
        /** {@code "text"} becomes {@code {text}}. */
        BRACES,
        /**
         * {@code {text}} becomes {@code "text"}, except when the text holds a {@code "} outside inner braces (it
         * would end the string early): that part keeps its braces.
         */
        QUOTES,
        /** Each part keeps its delimiter. */
        KEEP
    }

    /** How a value part whose text is only ASCII digits (such as a year) is written. */
    public enum Numbers {
        /** {@code {2020}} and {@code "2020"} become {@code 2020}. */
        UNBRACED,
        /**
         * A bare {@code 2020} gets delimiters: quotes when {@link Delimiters#QUOTES} is chosen, else braces; a
         * delimited number follows {@link #delimiters()}.
         */
        BRACED,
        /** Numbers keep their form: bare, braced or quoted. */
        KEEP
    }

    /**
     * The order of {@link FieldOrder#STANDARD} (lower-case names; names compare case-insensitively): title and
     * authorship, date, venue, publisher, series and numbering, pages, identifiers, links, notes. It extends
     * bibtex-tidy's default order with BibTeX's venue fields and the arXiv export fields.
     */
    public static final List<String> STANDARD_ORDER = List.of(
            "title", "shorttitle", "author", "editor", "year", "month", "day", "journal", "booktitle",
            "howpublished", "school", "institution", "organization", "publisher", "address", "location", "series",
            "edition", "volume", "number", "chapter", "pages", "type", "doi", "isbn", "issn", "eprint",
            "archiveprefix", "primaryclass", "url", "urldate", "note", "annote", "abstract", "keywords");

    /** The corpus style (see the class comment). */
    public static final FormatOptions DEFAULT = new FormatOptions("      ", false, false, FieldOrder.KEEP,
            Delimiters.BRACES, true, false, true, Numbers.BRACED);

    /**
     * @throws IllegalArgumentException when the indent holds anything but spaces and tabs, or a value is null
     */
    public FormatOptions {
        Objects.requireNonNull(indent, "indent");
        Objects.requireNonNull(fieldOrder, "fieldOrder");
        Objects.requireNonNull(delimiters, "delimiters");
        Objects.requireNonNull(numbers, "numbers");
        if (!indent.chars().allMatch(c -> c == ' ' || c == '\t')) {
            throw new IllegalArgumentException("indent must be spaces and tabs only, not \"" + indent + "\"");
        }
    }

    /** Parses an enum constant the way settings spell it ({@code "standard"}, {@code "QUOTES"}...). */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    }

    public FormatOptions withIndent(String value) {
        return new FormatOptions(value, alignEquals, spaceAroundEquals, fieldOrder, delimiters, lowercaseTypes,
                lowercaseFieldNames, trailingComma, numbers);
    }

    public FormatOptions withAlignEquals(boolean value) {
        return new FormatOptions(indent, value, spaceAroundEquals, fieldOrder, delimiters, lowercaseTypes,
                lowercaseFieldNames, trailingComma, numbers);
    }

    public FormatOptions withSpaceAroundEquals(boolean value) {
        return new FormatOptions(indent, alignEquals, value, fieldOrder, delimiters, lowercaseTypes,
                lowercaseFieldNames, trailingComma, numbers);
    }

    public FormatOptions withFieldOrder(FieldOrder value) {
        return new FormatOptions(indent, alignEquals, spaceAroundEquals, value, delimiters, lowercaseTypes,
                lowercaseFieldNames, trailingComma, numbers);
    }

    public FormatOptions withDelimiters(Delimiters value) {
        return new FormatOptions(indent, alignEquals, spaceAroundEquals, fieldOrder, value, lowercaseTypes,
                lowercaseFieldNames, trailingComma, numbers);
    }

    public FormatOptions withLowercaseTypes(boolean value) {
        return new FormatOptions(indent, alignEquals, spaceAroundEquals, fieldOrder, delimiters, value,
                lowercaseFieldNames, trailingComma, numbers);
    }

    public FormatOptions withLowercaseFieldNames(boolean value) {
        return new FormatOptions(indent, alignEquals, spaceAroundEquals, fieldOrder, delimiters, lowercaseTypes,
                value, trailingComma, numbers);
    }

    public FormatOptions withTrailingComma(boolean value) {
        return new FormatOptions(indent, alignEquals, spaceAroundEquals, fieldOrder, delimiters, lowercaseTypes,
                lowercaseFieldNames, value, numbers);
    }

    public FormatOptions withNumbers(Numbers value) {
        return new FormatOptions(indent, alignEquals, spaceAroundEquals, fieldOrder, delimiters, lowercaseTypes,
                lowercaseFieldNames, trailingComma, value);
    }
}
