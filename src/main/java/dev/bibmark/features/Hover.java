package dev.bibmark.features;

import dev.bibmark.bibtex.BibEntry;
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
        for (Citation c : doc.markdownIndex().citations()) {
            if (c.keyRange().touches(offset)) {
                return render(c.key(), c.keyRange(), entries);
            }
        }
        for (BibEntry e : doc.entries()) {
            if (!e.key().isEmpty() && e.keyRange().touches(offset)) {
                return render(e.key(), e.keyRange(), entries);
            }
        }
        return Optional.empty();
    }

    private static Optional<Result> render(String key, TextRange range, List<EntryInfo> entries) {
        List<EntryInfo> defs = entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).toList();
        if (defs.isEmpty()) {
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
