package dev.bibmark.fixes;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.markdown.Heading;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.List;

/**
 * Precise edits inside entries: inserting and removing fields, removing entries, blocks and sections. The
 * edits keep the entry's own layout (one field per line or all on one line, the spacing around {@code =},
 * trailing commas) and the container prefix of fences in list items and block quotes.
 */
final class EntryEdits {
    private EntryEdits() {}

    /**
     * A field to insert. {@code value} is the content to put in braces, null for an empty placeholder; with
     * {@code raw} it is inserted as written (a value's source copied from another entry, delimiters included).
     */
    record NewField(String name, String value, boolean raw) {
        NewField(String name, String value) {
            this(name, value, false);
        }
    }

    /** The plain insertion and its snippet variant (same range). */
    record Insertion(Edit plain, Edit snippet) {}

    // ---- text helpers -------------------------------------------------------------------------------------

    static int lineStart(String t, int offset) {
        int i = Math.min(offset, t.length());
        while (i > 0 && t.charAt(i - 1) != '\n' && t.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    /** Offset just after the end of the offset's line (after its line break), or the text length. */
    static int nextLineStart(String t, int offset) {
        int i = lineEnd(t, offset);
        if (i < t.length() && t.charAt(i) == '\r') {
            i++;
            if (i < t.length() && t.charAt(i) == '\n') {
                i++;
            }
        } else if (i < t.length() && t.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    /** Offset of the end of the offset's line (before the line break). */
    static int lineEnd(String t, int offset) {
        int i = offset;
        while (i < t.length() && t.charAt(i) != '\n' && t.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The text's line break: {@code \r\n} when its first line ends so, else {@code \n}. */
    static String newline(String t) {
        int i = t.indexOf('\n');
        return i > 0 && t.charAt(i - 1) == '\r' ? "\r\n" : "\n";
    }

    static int skipSpaces(String t, int i) {
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Whether a line prefix holds only blanks and block-quote markers (a field starts its line). */
    static boolean isIndent(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c != ' ' && c != '\t' && c != '>') {
                return false;
            }
        }
        return true;
    }

    /** The prefix a new line needs to stay in the same container: quote markers kept, anything else blanked. */
    static String continuation(String prefix) {
        StringBuilder sb = new StringBuilder(prefix.length());
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            sb.append(c == '>' || c == '\t' ? c : ' ');
        }
        return sb.toString();
    }

    static boolean isBlank(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the line holding {@code offset} is blank apart from container markers. */
    static boolean isBlankLine(String t, int offset) {
        int s = lineStart(t, offset);
        return isIndent(t.substring(s, lineEnd(t, offset)));
    }

    // ---- fields -------------------------------------------------------------------------------------------

    /** End of a field's source: its value, or for a field without value the name and a following {@code =}. */
    static int fieldEnd(String t, BibField f) {
        if (f.value() != null) {
            return f.range().end();
        }
        int i = skipSpaces(t, f.nameRange().end());
        if (i < t.length() && t.charAt(i) == '=') {
            return i + 1;
        }
        return f.nameRange().end();
    }

    /** Removes field {@code index} of the entry with its separating comma, as whole lines when it has its own. */
    static Edit removeField(String t, BibEntry e, int index) {
        BibField f = e.fields().get(index);
        int start = f.nameRange().start();
        int end = fieldEnd(t, f);
        int j = skipSpaces(t, end);
        boolean comma = j < t.length() && t.charAt(j) == ',';
        int after = comma ? j + 1 : end;
        int ls = lineStart(t, start);
        if (isIndent(t.substring(ls, start)) && isBlank(t, after, lineEnd(t, after))
                && lineStart(t, e.range().start()) != ls) {
            // A last field without comma leaves the previous field's comma trailing, which BibTeX allows.
            return Edit.delete(new TextRange(ls, nextLineStart(t, after)));
        }
        if (comma) {
            return Edit.delete(new TextRange(start, skipSpaces(t, after)));
        }
        int prevEnd = index > 0 ? fieldEnd(t, e.fields().get(index - 1)) : e.keyRange().end();
        return Edit.delete(new TextRange(prevEnd, end));
    }

    /**
     * Inserts fields after the entry's last field (or after the key), in the entry's layout. Values are braced;
     * the snippet variant puts each value in a numbered placeholder and ends with {@code $0}.
     */
    static Insertion insertFields(String t, BibEntry e, List<NewField> add) {
        String sepBefore = " ";
        String sepAfter = " ";
        int nameWidth = -1;
        int at;
        boolean comma;
        String prefix = null; // non-null: one field per line, with this line prefix
        boolean trailingComma;
        if (!e.fields().isEmpty()) {
            BibField last = e.fields().get(e.fields().size() - 1);
            int end = fieldEnd(t, last);
            int j = skipSpaces(t, end);
            comma = j < t.length() && t.charAt(j) == ',';
            at = comma ? j + 1 : end;
            trailingComma = comma;
            int nameStart = last.nameRange().start();
            int ls = lineStart(t, nameStart);
            String linePrefix = t.substring(ls, nameStart);
            if (isIndent(linePrefix) && ls != lineStart(t, e.range().start())) {
                prefix = continuation(linePrefix);
            }
            if (last.value() != null) {
                String between = t.substring(last.nameRange().end(), last.value().range().start());
                int eq = between.indexOf('=');
                if (eq >= 0 && between.indexOf('\n') < 0 && between.indexOf('\r') < 0) {
                    sepBefore = between.substring(0, eq);
                    sepAfter = between.substring(eq + 1);
                    if (sepBefore.length() > 1) {
                        nameWidth = last.name().length() + sepBefore.length();
                    }
                }
            }
        } else {
            int keyEnd = e.keyRange().end();
            int j = skipSpaces(t, keyEnd);
            comma = j < t.length() && t.charAt(j) == ',';
            at = comma ? j + 1 : keyEnd;
            trailingComma = false;
            if (comma && isBlank(t, at, lineEnd(t, at)) && lineEnd(t, at) < e.range().end()) {
                // "@misc{key,\n}": one field per line, indented under the '@'.
                int ls = lineStart(t, e.range().start());
                prefix = continuation(t.substring(ls, e.range().start())) + "  ";
            }
        }
        String nl = newline(t);
        StringBuilder plain = new StringBuilder();
        StringBuilder snippet = new StringBuilder();
        for (int i = 0; i < add.size(); i++) {
            NewField f = add.get(i);
            boolean lastOne = i == add.size() - 1;
            String lead;
            String tail;
            if (comma) {
                // After an existing comma: each new field carries its own comma, except a last one that had none.
                lead = prefix != null ? nl + prefix : " ";
                tail = trailingComma || !lastOne ? "," : "";
            } else {
                lead = prefix != null ? "," + nl + prefix : ", ";
                tail = "";
            }
            String before = nameWidth > 0 ? " ".repeat(Math.max(1, nameWidth - f.name().length())) : sepBefore;
            String head = lead + f.name() + before + "=" + sepAfter + (f.raw() ? "" : "{");
            String close = (f.raw() ? "" : "}") + tail;
            String value = f.value() == null ? "" : f.value();
            plain.append(head).append(value).append(close);
            snippet.append(escape(head)).append("${").append(i + 1).append(value.isEmpty() ? "" : ":" + escape(value))
                    .append('}').append(escape(close));
        }
        snippet.append("$0");
        TextRange r = TextRange.empty(at);
        return new Insertion(new Edit(r, plain.toString()), new Edit(r, snippet.toString()));
    }

    /** Escapes snippet syntax characters in literal text. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' || c == '}' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The source text of a field's value (its delimiters included). */
    static String valueSource(String t, BibField f) {
        return f.value() == null ? "{}" : t.substring(f.value().range().start(), f.value().range().end());
    }

    // ---- entries, blocks, sections ------------------------------------------------------------------------

    /** What removing a copy of a paper deletes. */
    enum Extent { SECTION, BLOCK, ENTRY }

    record Removal(Extent extent, Edit edit) {}

    /**
     * Removes an entry. In Markdown: the whole paper section (heading to the next heading) when the section holds
     * one block and that block holds only this entry; else the block when it holds only this entry; else the
     * entry. In a .bib file: the entry's lines.
     */
    static Removal removeEntry(Document d, BibEntry e) {
        String t = d.text();
        Block b = Context.blockAt(d, e.range().start());
        if (d.markdown() && b != null && b.fence() != null && onlyObject(b, e)) {
            Heading h = b.paper() == null ? null : b.paper().heading();
            if (h != null) {
                int end = sectionEnd(d, h);
                long fences = d.blocks().stream().filter(x -> x.fence() != null
                        && x.fence().range().start() >= h.range().start() && x.fence().range().start() < end).count();
                if (fences == 1) {
                    return new Removal(Extent.SECTION,
                            Edit.delete(new TextRange(lineStart(t, h.range().start()), end)));
                }
            }
            TextRange fr = b.fence().range();
            return new Removal(Extent.BLOCK, Edit.delete(new TextRange(lineStart(t, fr.start()),
                    nextLineStart(t, fr.end()))));
        }
        return new Removal(Extent.ENTRY, removeObjectLines(t, e));
    }

    private static boolean onlyObject(Block b, BibEntry e) {
        List<BibObject> objs = b.bib().objects();
        return objs.size() == 1 && objs.get(0) == e;
    }

    /** Start of the next heading after {@code h} (any level), or the text's end. */
    static int sectionEnd(Document d, Heading h) {
        for (Heading o : d.markdownIndex().headings()) {
            if (o.range().start() > h.range().start()) {
                return lineStart(d.text(), o.range().start());
            }
        }
        return d.text().length();
    }

    /** Deletes an object: its whole lines when it has them to itself (and one blank line around), else its range. */
    static Edit removeObjectLines(String t, BibObject o) {
        int s = o.range().start();
        int end = o.range().end();
        int ls = lineStart(t, s);
        if (isIndent(t.substring(ls, s)) && isBlank(t, end, lineEnd(t, end))) {
            int to = nextLineStart(t, end);
            boolean blankBefore = ls == 0 || isBlankLine(t, ls - 1);
            if (blankBefore && to < t.length() && isBlankLine(t, to)) {
                to = nextLineStart(t, to);
            }
            return Edit.delete(new TextRange(ls, to));
        }
        return Edit.delete(new TextRange(s, end));
    }
}
