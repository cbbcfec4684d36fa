package dev.bibmark.bibtex;

import dev.bibmark.text.TextRange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A bibliography entry such as {@code @article{key, title = {...}}}.
 *
 * @param type the entry type as written (without {@code @})
 * @param typeRange range of the type name (without {@code @})
 * @param key the citation key as written, "" when missing
 * @param keyRange range of the key; an empty range where the key should be when it is missing
 * @param fields fields in source order (duplicates kept)
 * @param range from {@code @} to the closing delimiter inclusive
 * @param closed whether the closing delimiter was found
 * @param openRange range of the opening delimiter
 */
public record BibEntry(String type, TextRange typeRange, String key, TextRange keyRange, List<BibField> fields,
                       TextRange range, boolean closed, TextRange openRange) implements BibObject {

    public String typeLower() {
        return type.toLowerCase(Locale.ROOT);
    }

    /** The first field of that name (case-insensitive), which is the one BibTeX uses. */
    public Optional<BibField> field(String name) {
        return Optional.ofNullable(fieldOrNull(name));
    }

    /** {@link #field}, without the Optional (and the iterator: checks call this for every entry). */
    public BibField fieldOrNull(String name) {
        for (int i = 0; i < fields.size(); i++) {
            BibField f = fields.get(i);
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    public boolean hasField(String name) {
        return fieldOrNull(name) != null;
    }

    /** The fields whose value names other entries' keys: BibTeX's {@code crossref}, BibLaTeX's {@code xref}, {@code related}. */
    public static final List<String> KEY_LINK_FIELDS = List.of("crossref", "xref", "related");

    /** Whether a field names other entries' keys ({@link #KEY_LINK_FIELDS}). */
    public boolean hasKeyLinks() {
        for (int i = 0; i < fields.size(); i++) {
            if (KEY_LINK_FIELDS.contains(fields.get(i).nameLower())) {
                return true;
            }
        }
        return false;
    }
}
