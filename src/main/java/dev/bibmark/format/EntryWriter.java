package dev.bibmark.format;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.format.FormatOptions.Delimiters;
import dev.bibmark.format.FormatOptions.FieldOrder;
import dev.bibmark.format.FormatOptions.Numbers;
import dev.bibmark.markdown.EmbeddedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one entry in the chosen style, twice at once: as the BibTeX parser sees it (local text, to verify it) and as
 * the document holds it (line breaks followed by the block's container prefix, value text copied from the document
 * byte for byte, so a value's own lines keep their prefixes and line endings).
 */
final class EntryWriter {
    private final String local;
    private final String docText;
    private final EmbeddedText map;
    private final String localNewline;
    private final String docNewline;
    private final FormatOptions opts;
    private final StringBuilder outLocal = new StringBuilder();
    private final StringBuilder outDoc = new StringBuilder();

    /**
     * @param local the block's text as parsed (the entry's ranges index it)
     * @param docText the document text
     * @param map local → document offsets
     * @param localNewline the line break written into the local text
     * @param docNewline the line break plus container prefix written into the document
     */
    EntryWriter(String local, String docText, EmbeddedText map, String localNewline, String docNewline,
                FormatOptions opts) {
        this.local = local;
        this.docText = docText;
        this.map = map;
        this.localNewline = localNewline;
        this.docNewline = docNewline;
        this.opts = opts;
    }

    String localText() {
        return outLocal.toString();
    }

    String docText() {
        return outDoc.toString();
    }

    /** The fields in output order: as written, or stably sorted by {@link FormatOptions#STANDARD_ORDER}. */
    static List<BibField> order(List<BibField> fields, FieldOrder order) {
        if (order == FieldOrder.KEEP) {
            return fields;
        }
        List<BibField> sorted = new ArrayList<>(fields);
        sorted.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        return sorted;
    }

    private static int rank(BibField f) {
        int i = FormatOptions.STANDARD_ORDER.indexOf(f.name().toLowerCase(Locale.ROOT));
        return i < 0 ? FormatOptions.STANDARD_ORDER.size() : i;
    }

    /**
     * Writes {@code e} (parsed from the local text, closed, without errors).
     *
     * @param base the whitespace before the {@code @} on its line: field lines start with base + indent and the
     *             closing delimiter with base
     */
    EntryWriter write(BibEntry e, String base) {
        char open = local.charAt(e.openRange().start());
        char close = open == '(' ? ')' : '}';
        text("@").text(opts.lowercaseTypes() ? asciiLower(e.type()) : e.type()).text(String.valueOf(open)).text(e.key());
        if (e.fields().isEmpty()) {
            return text(String.valueOf(close));
        }
        text(",");
        List<BibField> fields = order(e.fields(), opts.fieldOrder());
        int width = 0;
        for (BibField f : fields) {
            width = Math.max(width, f.name().length());
        }
        for (int i = 0; i < fields.size(); i++) {
            BibField f = fields.get(i);
            String name = opts.lowercaseFieldNames() ? asciiLower(f.name()) : f.name();
            newline().text(base).text(opts.indent()).text(name);
            if (opts.alignEquals()) {
                text(" ".repeat(width - name.length()));
            }
            text(opts.spaceAroundEquals() ? " = " : "=");
            List<BibValue.Part> parts = f.value().parts();
            for (int k = 0; k < parts.size(); k++) {
                if (k > 0) {
                    text(" # ");
                }
                part(parts.get(k));
            }
            if (i < fields.size() - 1 || opts.trailingComma()) {
                text(",");
            }
        }
        return newline().text(base).text(String.valueOf(close));
    }

    private enum Form { BARE, BRACES, QUOTES }

    private void part(BibValue.Part p) {
        String t = p.text();
        boolean digits = !t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9');
        Form current = p instanceof BibValue.Braced ? Form.BRACES : p instanceof BibValue.Quoted ? Form.QUOTES : Form.BARE;
        Form target;
        if (p instanceof BibValue.Macro) {
            target = Form.BARE;
        } else if (current == Form.BARE) {
            // A bare number: only BRACED numbers change it.
            target = digits && opts.numbers() == Numbers.BRACED
                    ? (opts.delimiters() == Delimiters.QUOTES ? Form.QUOTES : Form.BRACES) : Form.BARE;
        } else if (digits && opts.numbers() == Numbers.UNBRACED) {
            target = Form.BARE;
        } else if (digits && opts.numbers() == Numbers.KEEP) {
            target = current;
        } else {
            target = switch (opts.delimiters()) {
                case BRACES -> Form.BRACES;
                case QUOTES -> current == Form.QUOTES || quotable(t) ? Form.QUOTES : Form.BRACES;
                case KEEP -> current;
            };
        }
        int start = p.range().start();
        int end = p.range().end();
        switch (target) {
            case BARE -> {
                if (current == Form.BARE) {
                    slice(start, end);
                } else {
                    slice(start + 1, end - 1);
                }
            }
            case BRACES, QUOTES -> {
                String delimiter = target == Form.BRACES ? "{" : "\"";
                text(delimiter);
                if (current == Form.BARE) {
                    slice(start, end);
                } else {
                    slice(start + 1, end - 1);
                }
                text(target == Form.BRACES ? "}" : "\"");
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Whether {@code "text"} reads back as the same text: no {@code "} and no unmatched {@code }} outside braces,
     * scanning with the parser's rules, which are BibTeX's: braces count wherever they are and a backslash
     * escapes nothing, so {@code \"} at depth 0 would end a quoted value.
     */
    static boolean quotable(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (c == '"' && depth == 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Lower-cases ASCII letters only, so the length and every other character stay as they are. */
    static String asciiLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return sb.toString();
    }

    private EntryWriter text(String t) {
        outLocal.append(t);
        outDoc.append(t);
        return this;
    }

    private EntryWriter newline() {
        outLocal.append(localNewline);
        outDoc.append(docNewline);
        return this;
    }

    /** Copies local {@code [start, end)} and the document text it maps to. */
    private void slice(int start, int end) {
        outLocal.append(local, start, end);
        if (map == null) {
            outDoc.append(local, start, end);
        } else {
            outDoc.append(docText, map.toDocument(start), map.toDocument(end));
        }
    }
}
