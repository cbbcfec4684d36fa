package dev.bibmark.bibtex;

import dev.bibmark.bibtex.SyntaxError.Kind;
import dev.bibmark.markdown.EmbeddedText;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A position-aware, error-tolerant BibTeX parser. It never throws: every problem becomes a
 * {@link SyntaxError} with an exact range, and recovery is per entry (an {@code @} at the start of
 * a line always starts a new object), so one broken entry never hides the next.
 *
 * <p>The parser reads the local text of an {@link EmbeddedText} and reports document ranges.
 * Not thread-safe per instance; {@link #parse} makes a fresh instance.
 */
public final class BibParser {
    private static final java.util.regex.Pattern TRAILING_FIELDS =
            java.util.regex.Pattern.compile("(?s)[\\s,]*(\\}.*|[A-Za-z_][\\w:.+-]*\\s*=.*)");
    private static final java.util.regex.Pattern SWALLOWED_FIELD =
            java.util.regex.Pattern.compile("(?s).*(?:[\\n\\r]|,)\\s*[A-Za-z_][\\w:.+-]*\\s*=.*");

    private final String s;
    private final EmbeddedText map;
    /** Where this parser stops: the text's end, or the end of its part. */
    private final int n;
    private int pos;
    private final List<BibObject> objects = new ArrayList<>();
    private final List<SyntaxError> errors = new ArrayList<>();
    /** Set when a value ran away (unterminated string or brace); its entry's end is then not reported again. */
    private boolean valueBroken;
    /** Local offset of the last braced part parsed. */
    private int lastBracedStart = -1;

    private BibParser(EmbeddedText text) {
        this(text, 0, text.text().length());
    }

    /** A parser of {@code [from, to)} of the text; {@code from} is 0 or a line-start object. */
    private BibParser(EmbeddedText text, int from, int to) {
        this.map = text;
        this.s = text.text();
        this.n = to;
        this.pos = from;
    }

    /**
     * Entry types and field names as written, shared: a list repeats the same few names in every entry, and one
     * string per occurrence was a tenth of a large workspace's memory. Bounded: unknown names are not kept.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_NAMES = 4096;

    private String canonical(int from, int to) {
        String name = s.substring(from, to);
        String known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        if (NAMES.size() < MAX_NAMES && name.length() <= 32) {
            String prev = NAMES.putIfAbsent(name, name);
            return prev != null ? prev : name;
        }
        return name;
    }

    /** From this length on, {@link #parse} parses parts of the text in parallel. */
    static final int PARALLEL_CHARS = 256 * 1024;

    public static BibFile parse(EmbeddedText text) {
        if (text.text().length() >= PARALLEL_CHARS) {
            BibFile parts = parseInParts(text, 4);
            if (parts != null) {
                return parts;
            }
        }
        return parseWhole(text);
    }

    static BibFile parseWhole(EmbeddedText text) {
        BibParser p = new BibParser(text);
        try {
            p.parseAll();
        } catch (RuntimeException e) {
            // A parser bug must not take the document down: keep what was parsed and say where it stopped.
            p.error(Kind.UNEXPECTED_CHARACTER, p.pos, Math.min(p.n, p.pos + 1), "Internal parser error: " + e);
        }
        return new BibFile(List.copyOf(p.objects), List.copyOf(p.errors));
    }

    /**
     * Parses the text as {@code count} parts in parallel, split before line-start objects ({@code @type{} at the
     * start of a line), where the parser always starts a new object (every construct stops there). A part is
     * accepted only when it ends with a closed entry and no error after it, so nothing it parsed could have run
     * on into the next part; else null, and the caller parses the text whole. The result is then exactly that of
     * one parse (a property test compares them).
     */
    static BibFile parseInParts(EmbeddedText text, int count) {
        String s = text.text();
        int len = s.length();
        BibParser probe = new BibParser(text);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int k = 1; k < count; k++) {
            int from = Math.max((int) ((long) len * k / count), starts.get(starts.size() - 1) + 1);
            int at = s.indexOf('@', from);
            while (at >= 0 && !probe.isLineStartAt(at)) {
                at = s.indexOf('@', at + 1);
            }
            if (at < 0) {
                break;
            }
            starts.add(at);
        }
        if (starts.size() < 2) {
            return null;
        }
        List<BibParser> parsers = java.util.stream.IntStream.range(0, starts.size()).parallel()
                .mapToObj(k -> {
                    BibParser p = new BibParser(text, starts.get(k), k + 1 < starts.size() ? starts.get(k + 1) : len);
                    try {
                        p.parseAll();
                    } catch (RuntimeException e) {
                        return null;
                    }
                    return p;
                })
                .toList();
        List<BibObject> objects = new ArrayList<>();
        List<SyntaxError> errors = new ArrayList<>();
        for (int k = 0; k < parsers.size(); k++) {
            BibParser p = parsers.get(k);
            if (p == null || (k + 1 < parsers.size() && !endsCleanly(p))) {
                return null;
            }
            objects.addAll(p.objects);
            errors.addAll(p.errors);
        }
        return new BibFile(objects, errors);
    }

    /** Decides where {@link #parseFrom} stops: before the object whose '@' is at {@code at}. */
    @FunctionalInterface
    public interface StopRule {
        /** @param errors the errors reported so far (read only) */
        boolean stopBefore(int at, List<SyntaxError> errors);
    }

    /** What {@link #parseFrom} read: its objects and errors, and where it stopped ({@code -1}: at the end). */
    public record Partial(List<BibObject> objects, List<SyntaxError> errors, int stoppedAt) {}

    /**
     * Parses the text from {@code from} object by object, as the whole parse goes on from there, until {@code stop}
     * accepts the '@' of the next object: the incremental re-parse of a .bib file. {@code from} must be 0 or the
     * start of an object that a parse of the whole text reaches at the top level with nothing before it looking
     * past it (the caller's rule). Empty when the parser failed (the caller parses the whole text, which reports it).
     */
    public static java.util.Optional<Partial> parseFrom(EmbeddedText text, int from, StopRule stop) {
        BibParser p = new BibParser(text, from, text.text().length());
        int stoppedAt = -1;
        try {
            while (p.pos < p.n) {
                int at = p.s.indexOf('@', p.pos);
                if (at < 0) {
                    break;
                }
                if (!p.objects.isEmpty() && stop.stopBefore(at, java.util.Collections.unmodifiableList(p.errors))) {
                    stoppedAt = at;
                    break;
                }
                p.pos = at;
                p.parseObject();
            }
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Partial(List.copyOf(p.objects), List.copyOf(p.errors), stoppedAt));
    }

    /**
     * Where the head of a line-start object ({@code @name} and its opening delimiter) ends, which is all that decides
     * whether {@code at} starts one; -1 when it does not. Text before a line-start object is parsed without looking
     * past its head: every construct stops there.
     */
    public static int lineStartHeadEnd(String text, int at) {
        BibParser p = new BibParser(EmbeddedText.identity(text));
        if (!p.isLineStartAt(at)) {
            return -1;
        }
        int k = at + 1;
        while (k < text.length() && isFieldNameChar(text.charAt(k))) {
            k++;
        }
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        return k + 1;
    }

    /** Whether a part's last object is a closed entry with no error after it. */
    private static boolean endsCleanly(BibParser p) {
        if (p.objects.isEmpty() || !(p.objects.get(p.objects.size() - 1) instanceof BibEntry last) || !last.closed()) {
            return false;
        }
        for (SyntaxError e : p.errors) {
            if (e.range().end() >= last.range().end()) {
                return false;
            }
        }
        return true;
    }

    /** Parses a plain BibTeX string (offsets are string offsets). */
    public static BibFile parse(String text) {
        return parse(EmbeddedText.identity(text));
    }

    private TextRange range(int a, int b) {
        int da = map.toDocument(a);
        int db = map.toDocument(b);
        return new TextRange(da, Math.max(da, db));
    }

    /** The end of the character at {@code i}: a range never splits a surrogate pair. */
    private int charEnd(int i) {
        return i >= n ? n : Math.min(n, i + Character.charCount(s.codePointAt(i)));
    }

    /** The character at {@code i} for a message (a whole code point). */
    private String charText(int i) {
        return i >= n ? "" : s.substring(i, charEnd(i));
    }

    private void error(Kind kind, int a, int b, String message) {
        errors.add(new SyntaxError(kind, range(a, b), message));
    }

    private void parseAll() {
        while (pos < n) {
            int at = s.indexOf('@', pos);
            if (at < 0) {
                break;
            }
            pos = at;
            parseObject();
        }
    }

    private static boolean isFieldNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+';
    }

    private void skipWs() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '%' && inEntry) {
                skipComment();
            } else {
                break;
            }
        }
    }

    /** True while the fields of an entry are read: a '%' between its tokens starts a comment line. */
    private boolean inEntry;
    /** Where comment findings were reported (a look-ahead may skip the same comment twice). */
    private final java.util.Set<Integer> commentsReported = new java.util.HashSet<>();

    /**
     * A '%' comment between an entry's tokens (biber and bibtex-tidy read past it; BibTeX gives up on the entry):
     * one finding on the comment, and reading goes on after its line, so the fields around it are read as usual.
     */
    private void skipComment() {
        int eol = lineEnd(pos);
        if (commentsReported.add(pos)) {
            error(Kind.COMMENT_IN_ENTRY, pos, lastNonWs(eol), "BibTeX does not read a '%' comment inside an entry"
                    + " (it stops reading the entry here; biber skips the line): move it above the entry");
        }
        pos = eol;
    }

    /** Whether {@code i} is an {@code @} that is the first non-blank character of its line. */
    private boolean isLineStartAt(int i) {
        if (i >= n || s.charAt(i) != '@') {
            return false;
        }
        int j = i - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j--;
        }
        if (!(j < 0 || s.charAt(j) == '\n' || s.charAt(j) == '\r')) {
            return false;
        }
        // Only a real object start counts: @name followed by { or (.
        int k = i + 1;
        while (k < n && isFieldNameChar(s.charAt(k))) {
            k++;
        }
        if (k == i + 1) {
            return false;
        }
        while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k++;
        }
        return k < n && (s.charAt(k) == '{' || s.charAt(k) == '(');
    }

    private void parseObject() {
        int at = pos;
        pos++;
        if (at > 0 && Character.isLetterOrDigit(s.charAt(at - 1))) {
            // "name@host": an e-mail address in free text, which BibTeX skips like any text outside entries.
            return;
        }
        int typeStart = pos;
        while (pos < n && isFieldNameChar(s.charAt(pos))) {
            pos++;
        }
        int typeEnd = pos;
        String type = canonical(typeStart, typeEnd);
        if (type.isEmpty()) {
            // BibTeX skips text outside entries, so a lone '@' (an e-mail address, a note) is only
            // an error when it looks like a broken object start.
            skipWs();
            if (pos < n && (s.charAt(pos) == '{' || s.charAt(pos) == '(')) {
                error(Kind.UNEXPECTED_CHARACTER, at, at + 1, "Expected an entry type after '@'");
                skipToNextObject(pos + 1);
            }
            return;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        skipWs();
        if (lower.equals("comment")) {
            parseComment(at, typeEnd);
            return;
        }
        if (pos >= n || (s.charAt(pos) != '{' && s.charAt(pos) != '(')) {
            error(Kind.EXPECTED_OPEN, typeEnd, typeEnd, "Expected '{' or '(' after '@" + type + "'");
            skipToNextObject(typeEnd);
            return;
        }
        char open = s.charAt(pos);
        char close = open == '{' ? '}' : ')';
        int openPos = pos;
        pos++;
        switch (lower) {
            case "preamble" -> parsePreamble(at, close);
            case "string" -> parseString(at, close);
            case "include" -> parseInclude(at, close);
            default -> parseEntry(at, type, typeStart, typeEnd, openPos, close);
        }
    }

    private void parseComment(int at, int typeEnd) {
        if (pos < n && (s.charAt(pos) == '{' || s.charAt(pos) == '(')) {
            char close = s.charAt(pos) == '{' ? '}' : ')';
            int depth = 0;
            int i = pos + 1;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && depth > 0) {
                    depth--;
                } else if (c == close && depth == 0) {
                    break;
                } else if (c == '@' && isLineStartAt(i)) {
                    // Like every other object, a comment never hides the entry on a later line.
                    objects.add(new BibComment(range(at, lastNonWs(i))));
                    pos = i;
                    return;
                }
            }
            pos = Math.min(n, i + 1);
        } else {
            // "@comment text": the rest of its own line (the blanks skipped after the word may span lines).
            pos = lineEnd(typeEnd);
        }
        objects.add(new BibComment(range(at, pos)));
    }

    private void parsePreamble(int at, char close) {
        skipWs();
        BibValue v = parseValue(close);
        skipWs();
        if (pos < n && s.charAt(pos) == close) {
            pos++;
        } else {
            expectClose(close);
        }
        objects.add(new Preamble(range(at, pos)));
    }

    private void parseInclude(int at, char close) {
        int start = pos;
        int end = s.indexOf(close, pos);
        int lineEnd = lineEnd(pos);
        if (end < 0 || lineEnd < end) {
            end = lineEnd;
            pos = end;
        } else {
            pos = end + 1;
        }
        String path = s.substring(start, end).trim();
        objects.add(new Include(path, range(at, pos)));
        error(Kind.INCLUDE, at, pos, "@include is not supported: '" + path + "' is not read");
    }

    private void parseString(int at, char close) {
        skipWs();
        int nameStart = pos;
        while (pos < n && isFieldNameChar(s.charAt(pos))) {
            pos++;
        }
        int nameEnd = pos;
        if (nameStart == nameEnd) {
            error(Kind.EXPECTED_FIELD_NAME, pos, charEnd(pos), "Expected a string name");
            skipToNextObject(pos);
            return;
        }
        skipWs();
        BibValue value = null;
        if (pos < n && s.charAt(pos) == '=') {
            pos++;
            skipWs();
            value = parseValue(close);
        } else {
            error(Kind.EXPECTED_EQUALS, nameEnd, nameEnd, "Expected '=' after '" + s.substring(nameStart, nameEnd) + "'");
        }
        skipWs();
        if (pos < n && s.charAt(pos) == close) {
            pos++;
        } else {
            expectClose(close);
        }
        objects.add(new StringDef(s.substring(nameStart, nameEnd), range(nameStart, nameEnd), value, range(at, pos)));
    }

    /** Reports a missing closing delimiter at the insertion point and recovers to the next object. */
    private void expectClose(char close) {
        int insertAt = lastNonWs(pos);
        if (pos >= n || isLineStartAt(pos)) {
            error(Kind.UNTERMINATED_ENTRY, insertAt, insertAt, "Expected '" + close + "' to close the entry");
        } else {
            error(Kind.EXPECTED_CLOSE, pos, charEnd(pos), "Expected '" + close + "' but found '" + charText(pos) + "'");
            skipToNextObject(pos);
        }
    }

    /** Offset just after the last non-blank character before {@code i}. */
    private int lastNonWs(int i) {
        int j = Math.min(i, n);
        while (j > 0 && Character.isWhitespace(s.charAt(j - 1))) {
            j--;
        }
        return j;
    }

    /** The first line break ({@code \n} or a lone or CRLF {@code \r}) at or after {@code from}, or the end. */
    private int lineEnd(int from) {
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return n;
    }

    /** Moves to the next '@' that starts a line (the resynchronisation point), or the end. */
    private void skipToNextObject(int from) {
        int i = Math.max(from, pos);
        while (i < n) {
            if (s.charAt(i) == '@' && isLineStartAt(i)) {
                break;
            }
            i++;
        }
        pos = i;
    }

    private void parseEntry(int at, String type, int typeStart, int typeEnd, int openPos, char close) {
        inEntry = true;
        try {
            parseEntryBody(at, type, typeStart, typeEnd, openPos, close);
        } finally {
            inEntry = false;
        }
    }

    private void parseEntryBody(int at, String type, int typeStart, int typeEnd, int openPos, char close) {
        List<BibField> fields = new ArrayList<>();
        valueBroken = false;
        BibValue lastValue = null;
        skipWs();
        // The key runs to ',' (or a line break, '=' or the closing delimiter, which are errors).
        int keyStart = pos;
        int i = pos;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ',' || c == '\n' || c == '\r' || c == '=' || c == close || (close == '}' && c == '{')) {
                break;
            }
            if (c == '@' && isLineStartAt(i)) {
                break;
            }
            i++;
        }
        int keyEnd = lastNonWs(i);
        if (keyEnd < keyStart) {
            keyEnd = keyStart;
        }
        String key;
        TextRange keyRange;
        boolean closed = false;
        if (i < n && s.charAt(i) == '=') {
            // "@article{title = ...": the key is missing and this is the first field.
            key = "";
            keyRange = range(openPos + 1, openPos + 1);
            error(Kind.EXPECTED_KEY, openPos + 1, openPos + 1, "Expected a citation key after '" + s.charAt(openPos) + "'");
            pos = keyStart;
        } else {
            key = s.substring(keyStart, keyEnd);
            keyRange = range(keyStart, keyEnd);
            pos = i;
            if (key.isEmpty()) {
                error(Kind.EXPECTED_KEY, keyStart, keyStart, "Expected a citation key");
            }
            if (pos < n && s.charAt(pos) == ',') {
                pos++;
            } else if (pos < n && s.charAt(pos) == close) {
                pos++;
                objects.add(new BibEntry(type, range(typeStart, typeEnd), key, keyRange, List.of(), range(at, pos), true,
                        range(openPos, openPos + 1)));
                checkTrailingText();
                return;
            } else {
                skipWs();
                if (pos >= n || isLineStartAt(pos)) {
                    int ins = lastNonWs(pos);
                    error(Kind.UNTERMINATED_ENTRY, ins, ins, "Expected '" + close + "' to close the entry");
                    objects.add(new BibEntry(type, range(typeStart, typeEnd), key, keyRange, List.of(), range(at, ins), false,
                            range(openPos, openPos + 1)));
                    return;
                }
                error(Kind.EXPECTED_COMMA, keyEnd, keyEnd, "Expected ',' after the key '" + key + "'");
            }
        }
        // Fields.
        while (true) {
            skipWs();
            if (pos >= n || isLineStartAt(pos)) {
                reportUnterminated(lastValue, close);
                break;
            }
            char c = s.charAt(pos);
            if (c == close) {
                pos++;
                closed = true;
                break;
            }
            if (c == ',') {
                // Doubled comma: BibTeX rejects it, but nothing is lost.
                error(Kind.EXPECTED_FIELD_NAME, pos, pos + 1, "Expected a field name, found an extra ','");
                pos++;
                continue;
            }
            int nameStart = pos;
            while (pos < n && isFieldNameChar(s.charAt(pos))) {
                pos++;
            }
            int nameEnd = pos;
            if (nameStart == nameEnd) {
                error(Kind.EXPECTED_FIELD_NAME, pos, pos + Character.charCount(s.codePointAt(pos)),
                        "Expected a field name but found '" + new String(Character.toChars(s.codePointAt(pos))) + "'");
                skipToFieldEnd(close);
                continue;
            }
            String name = canonical(nameStart, nameEnd);
            skipWs();
            BibValue value = null;
            if (pos < n && s.charAt(pos) == '=') {
                pos++;
                skipWs();
                value = parseValue(close);
            } else if (pos < n && (s.charAt(pos) == '{' || s.charAt(pos) == '"')) {
                error(Kind.EXPECTED_EQUALS, nameEnd, nameEnd, "Expected '=' after the field name '" + name + "'");
                value = parseValue(close);
            } else {
                error(Kind.EXPECTED_EQUALS, nameEnd, nameEnd, "Expected '=' after the field name '" + name + "'");
                skipToFieldEnd(close);
            }
            lastValue = value;
            int fieldEnd = value != null ? lastNonWs(pos) : nameEnd;
            fields.add(new BibField(name, range(nameStart, nameEnd), value, range(nameStart, Math.max(nameEnd, fieldEnd))));
            skipWs();
            if (pos < n && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (pos < n && s.charAt(pos) == close) {
                pos++;
                closed = true;
                break;
            }
            if (pos >= n || isLineStartAt(pos)) {
                reportUnterminated(lastValue, close);
                break;
            }
            if (value != null && isFieldNameChar(s.charAt(pos))) {
                int ins = lastNonWs(pos);
                error(Kind.EXPECTED_COMMA, ins, ins, "Expected ',' between fields");
                continue;
            }
            if (value != null) {
                error(Kind.UNEXPECTED_CHARACTER, pos, charEnd(pos), "Expected ',' or '" + close + "' but found '" + charText(pos) + "'");
                skipToFieldEnd(close);
            }
        }
        int end = closed ? pos : lastNonWs(pos);
        objects.add(new BibEntry(type, range(typeStart, typeEnd), key, keyRange, List.copyOf(fields), range(at, end), closed,
                range(openPos, openPos + 1)));
        if (closed) {
            checkTrailingText();
        }
    }

    /**
     * The entry ends without its closing delimiter. When the last value swallowed later lines that
     * look like fields, the real problem is that value's unbalanced '{', so that is what is reported.
     */
    private void reportUnterminated(BibValue lastValue, char close) {
        if (valueBroken) {
            return;
        }
        if (lastValue != null && lastValue.parts().get(lastValue.parts().size() - 1) instanceof BibValue.Braced b
                && SWALLOWED_FIELD.matcher(b.text()).matches()) {
            int at = lastBracedStart;
            if (at >= 0) {
                error(Kind.UNBALANCED_BRACES, at, at + 1, "Unbalanced braces: this '{' is not closed before the next field");
                return;
            }
        }
        int ins = lastNonWs(pos);
        error(Kind.UNTERMINATED_ENTRY, ins, ins, "Expected '" + close + "' to close the entry");
    }

    /**
     * After an entry closes, text that looks like more fields on the following lines means an extra
     * closing brace ended the entry early: BibTeX would silently drop those fields.
     */
    private void checkTrailingText() {
        int closeAt = pos - 1;
        int stop = n;
        for (int j = pos; j < n; j++) {
            if (s.charAt(j) == '@' && isLineStartAt(j)) {
                stop = j;
                break;
            }
        }
        int k = pos;
        while (k < stop && (Character.isWhitespace(s.charAt(k)) || s.charAt(k) == ',')) {
            k++;
        }
        // Usually only blanks follow an entry: the pattern runs only when something that could match does.
        if (k < stop && (s.charAt(k) == '}' || s.charAt(k) == '_' || (s.charAt(k) < 128 && Character.isLetter(s.charAt(k))))
                && TRAILING_FIELDS.matcher(s).region(pos, stop).matches()) {
            error(Kind.UNBALANCED_BRACES, closeAt, closeAt + 1,
                    "Unbalanced braces: this '" + s.charAt(closeAt) + "' closes the entry early, so BibTeX ignores the text after it");
            pos = stop;
        }
    }

    /** Skips to the next ',' or closing delimiter at depth 0, or the next object. */
    private void skipToFieldEnd(char close) {
        int depth = 0;
        while (pos < n) {
            char c = s.charAt(pos);
            // Whatever the depth: an unbalanced '{' in skipped text must not hide the next entry.
            if (c == '@' && isLineStartAt(pos)) {
                return;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == close)) {
                return;
            }
            pos++;
        }
    }

    /** Parses {@code part (# part)*}; returns null (with an error) when no value is there. */
    private BibValue parseValue(char close) {
        List<BibValue.Part> parts = new ArrayList<>();
        int start = pos;
        while (true) {
            BibValue.Part part = parsePart(close);
            if (part == null) {
                break;
            }
            parts.add(part);
            int save = pos;
            skipWs();
            if (pos < n && s.charAt(pos) == '#') {
                pos++;
                skipWs();
                continue;
            }
            pos = save;
            break;
        }
        if (parts.isEmpty()) {
            return null;
        }
        TextRange r = new TextRange(parts.get(0).range().start(), parts.get(parts.size() - 1).range().end());
        return new BibValue(List.copyOf(parts), r);
    }

    private BibValue.Part parsePart(char close) {
        if (pos >= n) {
            error(Kind.EXPECTED_VALUE, pos, pos, "Expected a value");
            return null;
        }
        char c = s.charAt(pos);
        int start = pos;
        if (c == '{') {
            lastBracedStart = start;
            int depth = 0;
            int i = pos;
            for (; i < n; i++) {
                char d = s.charAt(i);
                if (d == '{') {
                    depth++;
                } else if (d == '}') {
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                } else if (d == '@' && isLineStartAt(i)) {
                    i = -1;
                    break;
                }
            }
            if (i < 0 || i >= n) {
                error(Kind.UNBALANCED_BRACES, start, start + 1, "Unbalanced braces: this '{' is never closed");
                valueBroken = true;
                // Resume where the value most likely ended: the end of its first line.
                int resume = lineEnd(start);
                pos = resume;
                return new BibValue.Braced(s.substring(start + 1, lastNonWs(resume)), range(start, lastNonWs(resume)));
            }
            pos = i + 1;
            return new BibValue.Braced(s.substring(start + 1, i), range(start, pos));
        }
        if (c == '"') {
            int depth = 0;
            int i = pos + 1;
            for (; i < n; i++) {
                char d = s.charAt(i);
                if (d == '{') {
                    depth++;
                } else if (d == '}') {
                    if (depth == 0) {
                        // A '}' closing the entry inside an open quote.
                        i = -1;
                        break;
                    }
                    depth--;
                } else if (d == '"' && depth == 0) {
                    break;
                } else if (d == '@' && isLineStartAt(i)) {
                    i = -1;
                    break;
                }
            }
            if (i < 0 || i >= n) {
                error(Kind.UNTERMINATED_STRING, start, start + 1, "Unterminated string: this '\"' is never closed");
                valueBroken = true;
                int resume = lineEnd(start);
                pos = resume;
                return new BibValue.Quoted(s.substring(start + 1, lastNonWs(resume)), range(start, lastNonWs(resume)));
            }
            pos = i + 1;
            return new BibValue.Quoted(s.substring(start + 1, i), range(start, pos));
        }
        if (Character.isDigit(c)) {
            int i = pos;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i >= n || !isFieldNameChar(s.charAt(i))) {
                pos = i;
                return new BibValue.Number(s.substring(start, i), range(start, i));
            }
        }
        if (isFieldNameChar(c)) {
            int i = pos;
            while (i < n && isFieldNameChar(s.charAt(i))) {
                i++;
            }
            pos = i;
            return new BibValue.Macro(s.substring(start, i), range(start, i));
        }
        if (c == close || c == ',') {
            error(Kind.EXPECTED_VALUE, start, start, "Expected a value before '" + c + "'");
        } else {
            error(Kind.EXPECTED_VALUE, start, charEnd(start), "Expected a value ('{', '\"', a number or a @string name) but found '"
                    + charText(start) + "'");
        }
        return null;
    }
}
