package dev.bibmark.features;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibSchema;
import dev.bibmark.markdown.Citation;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Hover previews of citation keys: Markdown text about every entry with that key. */
public final class Hover {
    private Hover() {}

    /** The result: Markdown and the range of the hovered key. */
    public record Result(String markdown, TextRange range) {}

    /** The key under the cursor: in a citation, or an entry's own key. */
    public static Optional<Result> at(Document doc, int offset, List<EntryInfo> entries) {
        return at(doc, offset, entries, List.of());
    }

    /** The same, knowing the keys that CSL bibliographies list ({@code listed}): a citation of one is not "unknown". */
    public static Optional<Result> at(Document doc, int offset, List<EntryInfo> entries,
                                      List<Completion.ListedKey> listed) {
        for (Citation c : doc.markdownIndex().citations()) {
            if (c.keyRange().touches(offset)) {
                return render(c.key(), c.keyRange(), entries, listed);
            }
        }
        for (BibEntry e : doc.entries()) {
            if (!e.key().isEmpty() && e.keyRange().touches(offset)) {
                return render(e.key(), e.keyRange(), entries, listed);
            }
            if (e.typeRange().touches(offset) && e.range().start() < offset) {
                return Optional.of(new Result(BibSchema.type(e.type()).map(Hover::typeMarkdown)
                        .orElse("`@" + e.typeLower() + "` is not a standard BibTeX entry type."), e.typeRange()));
            }
            if (e.range().contains(offset)) {
                for (BibField f : e.fields()) {
                    if (f.nameRange().touches(offset)) {
                        return fieldMarkdown(e, f.nameLower()).map(md -> new Result(md, f.nameRange()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** What an entry type is for and which fields it takes. */
    public static String typeMarkdown(BibSchema.EntryType t) {
        StringBuilder sb = new StringBuilder("**@").append(t.name()).append("**: ").append(t.description()).append("\n\n");
        List<String> groups = new java.util.ArrayList<>();
        for (List<String> g : t.required()) {
            groups.add(g.stream().map(f -> "`" + f + "`").collect(java.util.stream.Collectors.joining(" or ")));
        }
        sb.append("Required: ").append(groups.isEmpty() ? "none" : String.join(", ", groups)).append("\n\n");
        sb.append("Optional: ").append(t.optional().stream().map(f -> "`" + f + "`")
                .collect(java.util.stream.Collectors.joining(", ")));
        return sb.toString();
    }

    private static Optional<String> fieldMarkdown(BibEntry e, String field) {
        Optional<String> description = BibSchema.fieldDescription(field);
        Optional<BibSchema.EntryType> type = BibSchema.type(e.type());
        if (description.isEmpty()) {
            return Optional.of("`" + field + "`: not a standard BibTeX field; the standard styles ignore it.");
        }
        StringBuilder sb = new StringBuilder("**").append(field).append("**: ").append(description.get());
        if (type.isPresent()) {
            boolean required = type.get().required().stream().anyMatch(g -> g.contains(field));
            boolean optional = type.get().optional().contains(field);
            sb.append("\n\n").append(required ? "Required" : optional ? "Optional" : "Not used")
                    .append(" for `@").append(type.get().name()).append("`.");
        }
        return Optional.of(sb.toString());
    }

    private static Optional<Result> render(String key, TextRange range, List<EntryInfo> entries,
                                           List<Completion.ListedKey> listed) {
        List<EntryInfo> defs = entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).toList();
        if (defs.isEmpty()) {
            for (Completion.ListedKey k : listed) {
                if (k.key().equalsIgnoreCase(key)) {
                    return Optional.of(new Result("`" + k.key() + "`: an item of the CSL bibliography `"
                            + k.source() + "` (bibmark reads only the ids of its items)", range));
                }
            }
            return Optional.of(new Result("`" + key + "`: no entry with this key in the workspace", range));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < defs.size(); i++) {
            if (i > 0) {
                sb.append("\n\n---\n\n");
            }
            sb.append(markdown(defs.get(i)));
        }
        if (defs.size() > 1) {
            sb.insert(0, "**" + defs.size() + " entries use the key `" + key + "`**\n\n");
        }
        return Optional.of(new Result(sb.toString(), range));
    }

    /** The preview of one entry, also used as completion documentation. */
    public static String markdown(EntryInfo e) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(escape(e.title().isEmpty() ? e.key() : e.title())).append("**");
        String status = e.status();
        if (!status.isEmpty()) {
            sb.append(" `").append(status).append('`');
        }
        sb.append("\n\n");
        String authors = e.authorsShort();
        if (!authors.isEmpty()) {
            sb.append(escape(authors)).append("\n\n");
        }
        String venue = e.venue();
        String year = e.field("year");
        if (!venue.isEmpty() || !year.isEmpty()) {
            sb.append(venue.isEmpty() ? "" : "*" + escape(venue) + "*").append(!venue.isEmpty() && !year.isEmpty() ? ", " : "")
                    .append(escape(year)).append("\n\n");
        }
        List<String[]> links = e.links();
        if (!links.isEmpty()) {
            for (int i = 0; i < links.size(); i++) {
                sb.append(i == 0 ? "" : " · ").append('[').append(escape(links.get(i)[0])).append("](").append(links.get(i)[1]).append(')');
            }
            sb.append("\n\n");
        }
        int line = e.doc().lines().line(e.entry().range().start()) + 1;
        String path = e.doc().path();
        int slash = path.lastIndexOf('/');
        sb.append("`@").append(e.entry().type().toLowerCase(Locale.ROOT)).append('{').append(e.key()).append("}` in [")
                .append(escape(slash >= 0 ? path.substring(slash + 1) : path)).append(':').append(line).append("](")
                .append(path).append("#L").append(line).append(')');
        return sb.toString();
    }

    static String escape(String s) {
        return s.replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
    }
}
