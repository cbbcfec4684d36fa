package dev.bibmark.bibtex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the standard BibTeX entry types and fields are for (Oren Patashnik's btxdoc, "BibTeXing", §3), plus the
 * fields modern lists use (doi, eprint, url, …). Used for completion and hover inside bibtex blocks; the
 * required-field groups are the same as the {@code missing-field} check's.
 */
public final class BibSchema {
    private BibSchema() {}

    /** An entry type: its description, required either-or groups and optional fields. */
    public record EntryType(String name, String description, List<List<String>> required, List<String> optional) {
        /** Every field the type knows, required first. */
        public List<String> allFields() {
            List<String> out = new ArrayList<>();
            for (List<String> g : required) {
                out.addAll(g);
            }
            for (String o : optional) {
                if (!out.contains(o)) {
                    out.add(o);
                }
            }
            return out;
        }
    }

    private static final List<String> AUTHOR = List.of("author");
    private static final List<String> TITLE = List.of("title");
    private static final List<String> YEAR = List.of("year");

    private static final Map<String, EntryType> TYPES = new LinkedHashMap<>();
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    private static void type(String name, String description, List<List<String>> required, String... optional) {
        TYPES.put(name, new EntryType(name, description, required, List.of(optional)));
    }

    static {
        type("article", "An article from a journal or magazine.", List.of(AUTHOR, TITLE, List.of("journal"), YEAR),
                "volume", "number", "pages", "month", "doi", "url", "note");
        type("book", "A book with an explicit publisher.",
                List.of(List.of("author", "editor"), TITLE, List.of("publisher"), YEAR),
                "volume", "number", "series", "address", "edition", "month", "isbn", "doi", "url", "note");
        type("booklet", "A work that is printed and bound, but without a named publisher or sponsoring institution.",
                List.of(TITLE), "author", "howpublished", "address", "month", "year", "url", "note");
        type("conference", "The same as inproceedings, kept for compatibility with Scribe.",
                List.of(AUTHOR, TITLE, List.of("booktitle"), YEAR),
                "editor", "volume", "number", "series", "pages", "address", "month", "organization", "publisher",
                "doi", "url", "note");
        type("inbook", "A part of a book, which may be a chapter (or section or whatever) and/or a range of pages.",
                List.of(List.of("author", "editor"), TITLE, List.of("chapter", "pages"), List.of("publisher"), YEAR),
                "volume", "number", "series", "type", "address", "edition", "month", "doi", "url", "note");
        type("incollection", "A part of a book having its own title.",
                List.of(AUTHOR, TITLE, List.of("booktitle"), List.of("publisher"), YEAR),
                "editor", "volume", "number", "series", "type", "chapter", "pages", "address", "edition", "month",
                "doi", "url", "note");
        type("inproceedings", "An article in a conference proceedings.",
                List.of(AUTHOR, TITLE, List.of("booktitle"), YEAR),
                "editor", "volume", "number", "series", "pages", "address", "month", "organization", "publisher",
                "doi", "url", "note");
        type("manual", "Technical documentation.", List.of(TITLE),
                "author", "organization", "address", "edition", "month", "year", "url", "note");
        type("mastersthesis", "A Master's thesis.", List.of(AUTHOR, TITLE, List.of("school"), YEAR),
                "type", "address", "month", "url", "note");
        type("misc", "Use this type when nothing else fits (preprints, web pages, software).", List.of(),
                "author", "title", "howpublished", "month", "year", "eprint", "archiveprefix", "primaryclass", "doi",
                "url", "note");
        type("phdthesis", "A PhD thesis.", List.of(AUTHOR, TITLE, List.of("school"), YEAR),
                "type", "address", "month", "url", "note");
        type("proceedings", "The proceedings of a conference.", List.of(TITLE, YEAR),
                "editor", "volume", "number", "series", "address", "month", "organization", "publisher", "doi",
                "url", "note");
        type("techreport", "A report published by a school or other institution, usually numbered within a series.",
                List.of(AUTHOR, TITLE, List.of("institution"), YEAR),
                "type", "number", "address", "month", "url", "note");
        type("unpublished", "A document having an author and title, but not formally published.",
                List.of(AUTHOR, TITLE, List.of("note")), "month", "year", "url");

        field("address", "Usually the address of the publisher or other institution; for major publishing houses, just the city.");
        field("annote", "An annotation. Not used by the standard styles.");
        field("author", "The name(s) of the author(s), separated by `and`: `Last, First and Last, First`.");
        field("booktitle", "Title of a book, part of which is being cited; for inproceedings, the proceedings' title.");
        field("chapter", "A chapter (or section or whatever) number.");
        field("crossref", "The key of the entry being cross-referenced; missing fields are taken from it.");
        field("edition", "The edition of a book, for example `Second`.");
        field("editor", "Name(s) of editor(s), in the same format as `author`.");
        field("howpublished", "How something strange has been published.");
        field("institution", "The sponsoring institution of a technical report.");
        field("journal", "A journal name.");
        field("key", "Used for alphabetizing, cross referencing and creating a label when the author is missing.");
        field("month", "The month in which the work was published; use the macros `jan` … `dec`.");
        field("note", "Any additional information that can help the reader.");
        field("number", "The number of a journal, magazine, technical report, or of a work in a series.");
        field("organization", "The organization that sponsors a conference or that publishes a manual.");
        field("pages", "One or more page numbers or range of numbers, such as `42--111` or `7,41,73--97`.");
        field("publisher", "The publisher's name.");
        field("school", "The name of the school where a thesis was written.");
        field("series", "The name of a series or set of books.");
        field("title", "The work's title. Braces keep capitalization: `{BERT}`.");
        field("type", "The type of a technical report, for example `Research Note`.");
        field("volume", "The volume of a journal or multivolume book.");
        field("year", "The year of publication, usually four digits.");
        field("doi", "The Digital Object Identifier, without the `https://doi.org/` prefix.");
        field("eprint", "An electronic identifier, for example the arXiv id `1706.03762`.");
        field("archiveprefix", "The eprint's archive, for example `arXiv`.");
        field("primaryclass", "The eprint's primary subject class, for example `cs.CL`.");
        field("url", "The work's web address.");
        field("urldate", "When the url was last visited (`YYYY-MM-DD`).");
        field("isbn", "The International Standard Book Number.");
        field("issn", "The International Standard Serial Number.");
        field("abstract", "The work's abstract. Not used by the standard styles.");
        field("keywords", "Keywords, separated by commas. Not used by the standard styles.");
    }

    private static void field(String name, String description) {
        FIELDS.put(name, description);
    }

    /** The standard types in btxdoc's order. */
    public static List<EntryType> types() {
        return List.copyOf(TYPES.values());
    }

    public static Optional<EntryType> type(String name) {
        return Optional.ofNullable(TYPES.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Known fields and what they are for. */
    public static Map<String, String> fields() {
        return java.util.Collections.unmodifiableMap(FIELDS);
    }

    public static Optional<String> fieldDescription(String name) {
        return Optional.ofNullable(FIELDS.get(name.toLowerCase(Locale.ROOT)));
    }
}
