package dev.bibmark.fixes;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.checks.Finding;
import dev.bibmark.model.Block;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fixes for {@code bibtex-syntax}: insert the expected token, close what is open, drop what is extra. Every
 * candidate is tried on its block (the block alone is re-parsed) and only kept when it leaves fewer syntax
 * errors; where several places could take a closing brace, the first that works is kept.
 */
final class SyntaxFixes {
    private static final Pattern FIELD_LINE = Pattern.compile("[A-Za-z_][\\w:.+-]*\\s*=.*");
    private static final Pattern CLOSE_LINE = Pattern.compile("[})]\\s*,?\\s*");
    /** A field's name and its '=' (what follows a missing comma between two fields). */
    private static final Pattern NAME_EQUALS = Pattern.compile("[A-Za-z_][\\w:.+-]*[ \\t]*(?:\\r?\\n[ \\t>]*)?=");
    /** A comma followed by the next field's name and '=' on the same line. */
    private static final Pattern NEXT_FIELD = Pattern.compile(",[ \\t]*[A-Za-z_][\\w:.+-]*[ \\t]*=");
    private static final int MAX_CANDIDATES = 40;

    private SyntaxFixes() {}

    /**
     * One way to fix the error; candidates of the same group are alternatives (the first that works wins).
     * {@code removes} marks a deliberate deletion, which may leave fewer fields than the broken parse had.
     */
    private record Candidate(String group, String title, List<Edit> edits, boolean safe, boolean preferred,
                             boolean removes) {
        Candidate(String group, String title, List<Edit> edits, boolean safe, boolean preferred) {
            this(group, title, edits, safe, preferred, false);
        }
    }

    static List<Fix> forFinding(Context c, Finding f) {
        Block b = Context.blockAt(c.doc, f.range().start());
        if (b == null) {
            return List.of();
        }
        SyntaxError err = null;
        for (SyntaxError e : b.bib().errors()) {
            if (e.range().equals(f.range()) && e.message().equals(f.message())) {
                err = e;
                break;
            }
        }
        if (err == null) {
            return List.of();
        }
        BlockText bt = BlockText.of(c.doc, b);
        int before = b.bib().errors().size();
        Map<String, Fix> chosen = new LinkedHashMap<>();
        // A quoted value cut short by an accent's quote ("Sch\"on"): the errors after it are that accent, and the
        // usual fixes (a ',' here, an '=' there, a closing '"' at the end) would make a valid but wrong entry out
        // of it (found by QA). Only bracing the accent is safe then.
        BibEntry inEntry = Context.entryAt(c.doc, err.range().start());
        boolean accentCut = inEntry != null && quotedValueCutByAccent(inEntry);
        List<Candidate> all = new ArrayList<>(candidates(c, b, err));
        Candidate accent = accentCandidate(c.text(), err, inEntry);
        if (accent != null) {
            all.add(0, accent);
        }
        // Where a brace or quote is closed decides which fields come back: among the places that close it, the one
        // that gives back the most fields wins, even when the fields it frees have errors of their own (missing
        // commas the unclosed value had swallowed, each its own finding). Closing at the end instead left everything
        // inside the value: valid, and wrong (found by QA: author, journal and year became part of the title).
        boolean closing = err.kind() == SyntaxError.Kind.UNBALANCED_BRACES || err.kind() == SyntaxError.Kind.UNTERMINATED_STRING;
        Map<String, Integer> bestSize = new java.util.HashMap<>();
        for (Candidate k : all) {
            if (chosen.containsKey(k.group()) && !(closing && k.group().equals("close"))) {
                continue;
            }
            BibFile after = bt.parseWith(k.edits());
            // Kept when the block has fewer errors, fewer of this very error, and (unless it deletes on purpose)
            // no fewer objects and fields: a "fix" that lets a later field be swallowed is no fix.
            if (after == null || count(after, err) >= count(b.bib(), err) || !(k.removes() || size(after) >= size(b.bib()))) {
                continue;
            }
            boolean fewer = after.errors().size() < before;
            if (closing && k.group().equals("close")) {
                int sz = size(after);
                if (sz > bestSize.getOrDefault(k.group(), -1) && (fewer || sz > size(b.bib()))) {
                    bestSize.put(k.group(), sz);
                    chosen.put(k.group(), Fix.of(k.title(), f, c.doc.path(), k.edits(), k.preferred(),
                            k.safe() && (!accentCut || k == accent)));
                }
            } else if (fewer) {
                chosen.put(k.group(), Fix.of(k.title(), f, c.doc.path(), k.edits(), k.preferred(),
                        k.safe() && (!accentCut || k == accent)));
            }
        }
        return List.copyOf(chosen.values());
    }

    /** How often an error of the same kind and message occurs (positions move, so they are not compared). */
    private static long count(BibFile file, SyntaxError err) {
        return file.errors().stream().filter(e -> e.kind() == err.kind() && e.message().equals(err.message())).count();
    }

    /** Objects plus the fields of every entry. */
    private static int size(BibFile file) {
        int n = file.objects().size();
        for (BibEntry e : file.entries()) {
            n += e.fields().size();
        }
        return n;
    }

    private static List<Candidate> candidates(Context c, Block b, SyntaxError err) {
        String t = c.text();
        int at = err.range().start();
        List<Candidate> out = new ArrayList<>();
        char atChar = at < t.length() ? t.charAt(at) : '\0';
        switch (err.kind()) {
            // Safe only where a field follows ("name ="): before a stray word ("year = circa 2020", "{The RNA}
            // world") a comma makes that word a field name (found by QA round 4); it stays offered.
            case EXPECTED_COMMA -> out.add(insert("comma", "Insert the missing ','", at, ",",
                    NAME_EQUALS.matcher(t).region(skipWs(t, at), t.length()).lookingAt()));
            case EXPECTED_EQUALS -> {
                int next = EntryEdits.skipSpaces(t, at);
                char n = next < t.length() ? t.charAt(next) : '\0';
                String eq = next > at ? " =" : " = ";
                if (at > 0 && t.charAt(at - 1) == ':' && (n == '{' || n == '"' || Character.isLetterOrDigit(n))) {
                    // "title: {T}" (YAML's or a form's habit): the colon was meant as '=' (inserting one after it
                    // made a field named "title:", which BibTeX tools drop; found by QA).
                    out.add(new Candidate("equals", "Replace ':' with '='", List.of(new Edit(new TextRange(at - 1, at),
                            next > at ? " =" : " = ")), true, true));
                } else if (n == '{' || n == '"') {
                    out.add(insert("equals", "Insert the missing '='", at, eq, true));
                } else if (Character.isLetterOrDigit(n)) {
                    out.add(insert("equals", "Insert the missing '='", at, eq, Character.isDigit(n)));
                } else {
                    out.add(insert("equals", "Insert ' = {}' (empty value to fill in)", at, " = {}", false));
                    BibEntry e = Context.entryAt(c.doc, at);
                    int i = fieldIndexByNameEnd(e, at);
                    if (i >= 0) {
                        out.add(new Candidate("remove", "Remove the stray word '" + e.fields().get(i).name() + "'",
                                List.of(EntryEdits.removeField(t, e, i)), false, false, true));
                    }
                }
            }
            case EXPECTED_VALUE -> {
                BibEntry e = Context.entryAt(c.doc, at);
                int i = fieldIndexWithoutValueBefore(e, at);
                if (err.message().startsWith("Expected a value before")) {
                    out.add(insert("value", "Insert an empty value '{}' to fill in", at, "{}", false));
                }
                // A required field is kept: removing it would only trade this error for missing-field.
                if (i >= 0 && !QuickFixes.isRequired(c, e, e.fields().get(i).nameLower())) {
                    BibField field = e.fields().get(i);
                    out.add(0, new Candidate("remove", "Remove the field '" + field.name() + "' without value",
                            List.of(EntryEdits.removeField(t, e, i)), true, true, true));
                }
            }
            case EXPECTED_KEY -> {
                BibEntry e = entryWithKeyAt(b, at);
                if (e != null) {
                    String key = c.newKey(c.doc, e);
                    int next = skipWs(t, at);
                    char n = next < t.length() ? t.charAt(next) : '\0';
                    String text = n == ',' || n == '}' || n == ')' ? key
                            : key + "," + (at < t.length() && Character.isWhitespace(t.charAt(at)) ? "" : " ");
                    out.add(insert("key", "Insert the generated key '" + key + "'", at, text, true));
                }
            }
            case EXPECTED_OPEN -> {
                out.add(insert("open", "Insert the missing '{'", at, "{", true));
                int end = regionEnd(c, b, at);
                int last = lastNonWs(t, at, end);
                if (last > at) {
                    out.add(new Candidate("open", "Insert the missing '{' and '}'",
                            List.of(Edit.insert(at, "{"), Edit.insert(last, "}")), true, true));
                }
            }
            case EXPECTED_FIELD_NAME -> {
                if (atChar == ',') {
                    out.add(new Candidate("comma", "Delete the extra ','", List.of(Edit.delete(err.range())), true,
                            true));
                } else if (err.range().length() > 0) {
                    // An object written inside an entry ("author = {Ann},@comment{x}"): delete just that object, not
                    // the field the parser skipped with it (found by QA: "journal = {J}" went too). Tried first.
                    int object = objectEnd(t, at, regionEnd(c, b, at));
                    if (object > at) {
                        out.add(new Candidate("delete", "Delete the unexpected text '" + preview(t, at, object) + "'",
                                List.of(Edit.delete(new TextRange(at, object))), false, false));
                    }
                    int end = fieldTextEnd(t, at, regionEnd(c, b, at));
                    // fieldTextEnd can stop before the error (a closing brace right after it): nothing to delete.
                    if (end > at) {
                        out.add(new Candidate("delete", "Delete the unexpected text '" + preview(t, at, end) + "'",
                                List.of(Edit.delete(new TextRange(at, end))), false, false, true));
                    }
                }
            }
            case UNTERMINATED_ENTRY -> {
                String close = err.message().contains("')'") ? ")" : "}";
                char last = at > 0 ? t.charAt(at - 1) : '\0';
                if ((close.equals(")") && last == '}') || (close.equals("}") && last == ')')) {
                    // "@article(... }": the other bracket closes it; appending the right one gave "})" (QA round 4).
                    out.add(new Candidate("close", "Replace '" + last + "' with '" + close + "'",
                            List.of(new Edit(new TextRange(at - 1, at), close)), true, true));
                }
                out.add(insert("close", "Insert the missing '" + close + "'", at, close, true));
            }
            case EXPECTED_CLOSE -> {
                String close = err.message().startsWith("Expected ')'") ? ")" : "}";
                out.add(insert("close", "Insert '" + close + "' before '" + atChar + "'", at, close, false));
            }
            case UNBALANCED_BRACES -> {
                if (atChar == '{') {
                    for (int[] p : closings(t, at, regionEnd(c, b, at), false)) {
                        out.add(insert("close", "Close the brace", p[0], "}".repeat(p[1]), true));
                    }
                } else if (atChar == '}' || atChar == ')') {
                    out.add(new Candidate("delete", "Delete the '" + atChar + "' that closes the entry early",
                            List.of(Edit.delete(err.range())), true, true));
                }
            }
            case UNTERMINATED_STRING -> {
                for (int[] p : closings(t, at, regionEnd(c, b, at), true)) {
                    out.add(insert("close", "Close the string with '\"'", p[0], "\"", true));
                }
            }
            case UNEXPECTED_CHARACTER -> {
                if (err.message().startsWith("Expected ',' or")) {
                    if (";.:".indexOf(atChar) >= 0) {
                        out.add(new Candidate("comma", "Replace '" + atChar + "' with ','",
                                List.of(new Edit(err.range(), ",")), true, true));
                    } else if (atChar == '{' || atChar == '"') {
                        out.add(insert("concat", "Join the values with '#'", at, "# ", false));
                    }
                    out.add(insert("insert", "Insert ',' before '" + atChar + "'", at, ", ", false));
                } else if (err.message().startsWith("Expected an entry type")) {
                    out.add(insert("type", "Insert the entry type 'misc'", at + 1, "misc", false));
                }
            }
            case COMMENT_IN_ENTRY -> {
                // The comment's whole line goes above the entry's line, as it was written: nothing is lost.
                BibEntry e = Context.entryAt(c.doc, at);
                if (e != null) {
                    int lineStart = t.lastIndexOf('\n', at - 1) + 1;
                    int lineEnd = t.indexOf('\n', at);
                    int entryLine = t.lastIndexOf('\n', e.range().start() - 1) + 1;
                    // Only a line of its own (a comment after a field would take the field along), and only where
                    // the block's lines carry no prefix (a quote's '>' or a list's indent: the candidate is checked
                    // on the block's own text, and whole lines there are not whole lines in the document).
                    if (lineEnd > at && entryLine < lineStart && t.substring(lineStart, at).isBlank()) {
                        out.add(new Candidate("move", "Move the comment above the entry", List.of(
                                Edit.insert(entryLine, t.substring(lineStart, lineEnd + 1)),
                                Edit.delete(new TextRange(lineStart, lineEnd + 1))), true, true));
                    }
                }
            }
            case INCLUDE -> {
                BibObject o = Context.objectAt(b, at);
                if (o != null) {
                    out.add(new Candidate("delete", "Delete the @include", List.of(EntryEdits.removeObjectLines(t, o)),
                            false, true, true));
                }
            }
            default -> { }
        }
        return out.size() > MAX_CANDIDATES ? out.subList(0, MAX_CANDIDATES) : out;
    }

    /** Whether a quoted value of the entry ends with a backslash: its closing quote was an accent's ({@code \"o}). */
    private static boolean quotedValueCutByAccent(BibEntry e) {
        for (BibField f : e.fields()) {
            if (f.value() != null) {
                for (dev.bibmark.bibtex.BibValue.Part p : f.value().parts()) {
                    if (p instanceof dev.bibmark.bibtex.BibValue.Quoted q && q.text().endsWith("\\")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * "Brace the accents": an error right after {@code \"} and a letter ({@code "Sch\"on"}, or {@code \"{o}}) is
     * an accent's quote read as the end of the value, as BibTeX reads it. {@code {\"o}} is what BibTeX needs: every
     * such accent from the value's opening quote to the end of the line is braced at once.
     */
    private static Candidate accentCandidate(String t, SyntaxError err, BibEntry e) {
        int at = err.range().start();
        if (e == null || at < 2 || at >= t.length() || t.charAt(at - 1) != '"' || t.charAt(at - 2) != '\\') {
            return null;
        }
        int from = -1;
        for (BibField f : e.fields()) {
            if (f.value() != null) {
                for (dev.bibmark.bibtex.BibValue.Part p : f.value().parts()) {
                    if (p instanceof dev.bibmark.bibtex.BibValue.Quoted && p.range().end() == at) {
                        from = p.range().start();
                    }
                }
            }
        }
        if (from < 0) {
            return null;
        }
        int lineEnd = t.indexOf('\n', at);
        java.util.regex.Matcher m = ACCENT.matcher(t).region(from, lineEnd < 0 ? t.length() : lineEnd);
        List<Edit> edits = new ArrayList<>();
        String first = null;
        while (m.find()) {
            if (m.start() > 0 && t.charAt(m.start() - 1) == '{') {
                continue; // braced already
            }
            String letter = m.group(1) != null ? m.group(1) : m.group(2);
            String braced = "{\\\"" + letter + "}";
            edits.add(new Edit(new TextRange(m.start(), m.end()), braced));
            first = first == null ? braced : first;
        }
        // "removes": the broken parse counts the accent's letters as fields ("urer", "A"), which bracing takes away.
        return edits.isEmpty() ? null : new Candidate("accent", "Brace the accent" + (edits.size() > 1 ? "s" : "")
                + ": " + first + (edits.size() > 1 ? ", …" : ""), edits, true, true, true);
    }

    private static final Pattern ACCENT = Pattern.compile("\\\\\"(?:([A-Za-z])|\\{([A-Za-z])\\})");

    private static Candidate insert(String group, String title, int at, String text, boolean safe) {
        return new Candidate(group, title, List.of(Edit.insert(at, text)), safe, true);
    }

    private static BibEntry entryWithKeyAt(Block b, int at) {
        for (BibEntry e : b.bib().entries()) {
            if (e.key().isEmpty() && e.keyRange().start() == at) {
                return e;
            }
        }
        return null;
    }

    private static int fieldIndexByNameEnd(BibEntry e, int nameEnd) {
        if (e == null) {
            return -1;
        }
        for (int i = 0; i < e.fields().size(); i++) {
            if (e.fields().get(i).nameRange().end() == nameEnd) {
                return i;
            }
        }
        return -1;
    }

    /** The field without value whose '=' comes right before the offset. */
    private static int fieldIndexWithoutValueBefore(BibEntry e, int at) {
        if (e == null) {
            return -1;
        }
        for (int i = e.fields().size() - 1; i >= 0; i--) {
            BibField f = e.fields().get(i);
            if (f.value() == null && f.nameRange().end() <= at) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The end of an {@code @name{…}} (or {@code @name(…)}) written at {@code at}, its braces balanced before
     * {@code limit}; {@code at} when there is none.
     */
    static int objectEnd(String t, int at, int limit) {
        int i = at + 1;
        int end = Math.min(limit, t.length());
        if (at >= end || t.charAt(at) != '@') {
            return at;
        }
        while (i < end && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_')) {
            i++;
        }
        if (i == at + 1 || i >= end || (t.charAt(i) != '{' && t.charAt(i) != '(')) {
            return at;
        }
        char open = t.charAt(i);
        int depth = 0;
        for (int k = i + 1; k < end; k++) {
            char ch = t.charAt(k);
            if (ch == '{') {
                depth++;
            } else if (ch == '}') {
                if (depth == 0) {
                    return open == '{' ? k + 1 : at; // the object's own close (or an unbalanced '}' in a '(' one)
                }
                depth--;
            } else if (ch == ')' && open == '(' && depth == 0) {
                return k + 1;
            }
        }
        return at;
    }

    /** Where the broken object's text can reach: the next object in the block, or the block's end. */
    static int regionEnd(Context c, Block b, int from) {
        for (BibObject o : b.bib().objects()) {
            if (o.range().start() > from) {
                return EntryEdits.lineStart(c.text(), o.range().start());
            }
        }
        if (b.fence() == null) {
            return c.text().length();
        }
        int end = b.fence().range().end();
        return b.fence().closed() ? EntryEdits.lineStart(c.text(), end) : end;
    }

    /**
     * Places to close the brace or quote opened at {@code open}, best first: the end of a line after which the
     * next line starts a field, closes the entry or ends the region; then every other line end it spans.
     * Each is {offset, number of closers}; the offset is before a trailing comma.
     */
    static List<int[]> closings(String t, int open, int regionEnd, boolean quote) {
        List<int[]> best = new ArrayList<>();
        List<int[]> other = new ArrayList<>();
        int depth = quote ? 0 : 1;
        int i = open + 1;
        int end = Math.min(regionEnd, t.length());
        for (; i < end; i++) {
            char ch = t.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}') {
                if (quote && depth == 0) {
                    // The entry's closing brace inside an open string: close the string before it.
                    best.add(new int[] {insertionBefore(t, open, i), 1});
                    break;
                }
                depth--;
                if (!quote && depth == 0) {
                    break;
                }
            } else if (quote && ch == '"' && depth == 0) {
                break;
            } else if (ch == ',' && (quote ? depth == 0 : depth == 1) && NEXT_FIELD.matcher(t).region(i, end).lookingAt()) {
                // ", name =" on the same line (an entry written on one line): the value most likely ended here.
                best.add(new int[] {i, quote ? 1 : depth});
            } else if (ch == '\n' || ch == '\r') {
                int ins = insertionBefore(t, open, i);
                if (ins > open && (quote || depth > 0)) {
                    int[] p = {ins, quote ? 1 : depth};
                    (endsValue(t, i, regionEnd) ? best : other).add(p);
                }
                if (ch == '\r' && i + 1 < end && t.charAt(i + 1) == '\n') {
                    i++;
                }
            }
        }
        if (i >= end && (quote || depth > 0)) {
            int ins = insertionBefore(t, open, lastNonWs(t, open, end));
            if (ins > open) {
                best.add(new int[] {ins, quote ? 1 : depth});
                best.add(new int[] {lastNonWs(t, open, end), quote ? 1 : depth});
            }
        }
        List<int[]> all = new ArrayList<>(best);
        all.addAll(other);
        return all;
    }

    /** The offset before the blanks and a trailing comma that end the text before {@code i}. */
    private static int insertionBefore(String t, int floor, int i) {
        int j = i;
        while (j > floor + 1 && Character.isWhitespace(t.charAt(j - 1))) {
            j--;
        }
        if (j > floor + 1 && t.charAt(j - 1) == ',') {
            j--;
            while (j > floor + 1 && Character.isWhitespace(t.charAt(j - 1))) {
                j--;
            }
        }
        return j;
    }

    /** Whether the line after the line break at {@code nl} shows that a value must have ended before it. */
    private static boolean endsValue(String t, int nl, int regionEnd) {
        int ns = EntryEdits.nextLineStart(t, nl);
        if (ns >= regionEnd) {
            return true;
        }
        String line = stripMarkers(t.substring(ns, EntryEdits.lineEnd(t, ns)));
        if (FIELD_LINE.matcher(line).matches() || line.startsWith("@") || line.startsWith("```")
                || line.startsWith("~~~") || line.startsWith("%")) {
            return true; // a '%' line: a comment between fields, not the value's text
        }
        return CLOSE_LINE.matcher(line).matches() && blankOrMarkers(t, EntryEdits.lineEnd(t, ns), regionEnd);
    }

    private static String stripMarkers(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '>')) {
            i++;
        }
        return line.substring(i);
    }

    private static boolean blankOrMarkers(String t, int from, int to) {
        for (int i = from; i < Math.min(to, t.length()); i++) {
            char ch = t.charAt(i);
            if (!Character.isWhitespace(ch) && ch != '>' && ch != '`' && ch != '~') {
                return false;
            }
        }
        return true;
    }

    private static int lastNonWs(String t, int floor, int end) {
        int j = Math.min(end, t.length());
        while (j > floor && Character.isWhitespace(t.charAt(j - 1))) {
            j--;
        }
        return j;
    }

    private static int skipWs(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of junk where a field name was expected: through the next ',' at depth 0, or to the closer. */
    private static int fieldTextEnd(String t, int from, int regionEnd) {
        int depth = 0;
        int end = Math.min(regionEnd, t.length());
        for (int i = from; i < end; i++) {
            char ch = t.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}' && depth > 0) {
                depth--;
            } else if (depth == 0 && ch == ',') {
                return EntryEdits.skipSpaces(t, i + 1);
            } else if (depth == 0 && (ch == '}' || ch == ')')) {
                return lastNonWs(t, from, i);
            }
        }
        return lastNonWs(t, from, end);
    }

    private static String preview(String t, int from, int to) {
        String s = t.substring(from, to).strip().replaceAll("\\s+", " ");
        return s.length() > 30 ? s.substring(0, 29) + "…" : s;
    }
}
