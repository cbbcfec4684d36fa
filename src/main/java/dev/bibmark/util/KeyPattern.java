package dev.bibmark.util;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JabRef-style citation-key pattern such as {@code [auth:lower][year][veryshorttitle:lower]}: literal
 * text plus {@code [marker:modifier:...]} groups (https://docs.jabref.org/setup/citationkeypatterns).
 *
 * <p>Supported markers (a subset of JabRef's; the {@code auth} markers fall back to the editors when
 * there is no author, {@code pureauth...} does not):
 * <ul>
 * <li>authors: {@code auth}, {@code authN} (first N characters), {@code authN_M} (first N characters of
 *     the M-th author), {@code authors}, {@code authorsN} (up to N, then {@code EtAl}), {@code authEtAl},
 *     {@code auth.etal}, {@code auth.auth.ea}, {@code authorLast}, {@code authorIni}, {@code authshort},
 *     {@code authForeIni}, {@code edtr}, {@code editors};</li>
 * <li>title: {@code veryshorttitle} (first word that is not a function word), {@code shorttitle} (first
 *     three such words), {@code camel}, {@code camelN}, {@code title} (significant words capitalised);</li>
 * <li>others: {@code year} (or the year of {@code date}), {@code shortyear}, {@code entrytype},
 *     {@code firstpage}, {@code lastpage}, and any standard field name ({@code [journal]}, {@code [volume]}).</li>
 * </ul>
 * Modifiers: {@code lower}, {@code upper}, {@code capitalize}, {@code abbr}, {@code truncateN} and
 * {@code (fallback text)}.
 *
 * <p>Unlike JabRef, every marker's value is folded to ASCII (LaTeX decoded, accents dropped: {@code Kram{\'a}r}
 * gives {@code Kramar}) and keeps only letters and digits (plus the {@code .} and {@code +} some author
 * markers produce), so a generated key is always a valid BibTeX key. Immutable and thread-safe.
 */
public final class KeyPattern {
    /** JabRef's function words ({@code Word.SMALLER_WORDS}), skipped by the short-title markers. */
    static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "above", "about", "across", "against", "along", "among", "around", "at", "before",
            "behind", "below", "beneath", "beside", "between", "beyond", "by", "down", "during", "except", "for",
            "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "since", "to", "toward",
            "through", "under", "until", "up", "upon", "with", "within", "without", "and", "but", "nor", "or", "so",
            "yet");

    /** Field names accepted as plain {@code [field]} markers. */
    static final Set<String> FIELDS = Set.of(
            "address", "annote", "author", "booktitle", "chapter", "doi", "edition", "editor", "eprint",
            "howpublished", "institution", "isbn", "issn", "journal", "journaltitle", "key", "keywords", "month",
            "note", "number", "organization", "pages", "primaryclass", "publisher", "school", "series", "type",
            "volume", "archiveprefix", "date", "language", "location", "fulltitle");

    private static final Pattern AUTH_N = Pattern.compile("(?:pure)?auth(\\d+)");
    private static final Pattern AUTH_N_M = Pattern.compile("(?:pure)?auth(\\d+)_(\\d+)");
    private static final Pattern AUTHORS_N = Pattern.compile("(?:pure)?authors(\\d+)");
    private static final Pattern CAMEL_N = Pattern.compile("camel(\\d+)");
    private static final Pattern TRUNCATE = Pattern.compile("truncate(\\d+)");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Set<String> SIMPLE_MARKERS = Set.of(
            "auth", "authors", "authEtAl", "auth.etal", "auth.auth.ea", "authorLast", "authorIni", "authshort",
            "authForeIni", "edtr", "editors", "veryshorttitle", "shorttitle", "camel", "title", "year",
            "shortyear", "entrytype", "firstpage", "lastpage");
    private static final Set<String> SIMPLE_MODIFIERS = Set.of("lower", "upper", "capitalize", "abbr");

    private sealed interface Piece permits Literal, Marker {}

    private record Literal(String text) implements Piece {}

    private record Marker(String name, List<String> modifiers) implements Piece {}

    private final String pattern;
    private final List<Piece> pieces;

    private KeyPattern(String pattern, List<Piece> pieces) {
        this.pattern = pattern;
        this.pieces = pieces;
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException with a message naming the problem (unknown marker or modifier,
     *                                  unbalanced brackets, empty pattern)
     */
    public static KeyPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("the key pattern is empty");
        }
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == ']') {
                throw new IllegalArgumentException("']' without '[' at column " + (i + 1));
            }
            if (c != '[') {
                if (Character.isWhitespace(c) || ",{}#%~\\\"'()=".indexOf(c) >= 0) {
                    throw new IllegalArgumentException("character '" + c + "' at column " + (i + 1)
                            + " cannot be part of a BibTeX key");
                }
                literal.append(c);
                i++;
                continue;
            }
            int close = closingBracket(pattern, i);
            if (close < 0) {
                throw new IllegalArgumentException("'[' at column " + (i + 1) + " is never closed");
            }
            if (literal.length() > 0) {
                pieces.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            pieces.add(marker(pattern.substring(i + 1, close)));
            i = close + 1;
        }
        if (literal.length() > 0) {
            pieces.add(new Literal(literal.toString()));
        }
        if (pieces.stream().noneMatch(Marker.class::isInstance)) {
            throw new IllegalArgumentException("the key pattern has no [marker]");
        }
        return new KeyPattern(pattern, List.copyOf(pieces));
    }

    private static int closingBracket(String s, int open) {
        int paren = 0;
        for (int j = open + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '(') {
                paren++;
            } else if (c == ')' && paren > 0) {
                paren--;
            } else if (c == '[' && paren == 0) {
                return -1;
            } else if (c == ']' && paren == 0) {
                return j;
            }
        }
        return -1;
    }

    private static Marker marker(String content) {
        List<String> parts = splitModifiers(content);
        String name = parts.get(0).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty marker '[" + content + "]'");
        }
        if (!isKnownMarker(name)) {
            throw new IllegalArgumentException("unknown marker '[" + name + "]'; supported: auth, authN, authN_M, "
                    + "authors, authorsN, authEtAl, auth.etal, auth.auth.ea, authorLast, authorIni, authshort, "
                    + "authForeIni, edtr, editors (pureauth... without the editor fallback), veryshorttitle, "
                    + "shorttitle, camel, camelN, title, year, shortyear, entrytype, firstpage, lastpage, "
                    + "and the field names " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
        }
        List<String> modifiers = new ArrayList<>();
        for (String m : parts.subList(1, parts.size())) {
            String mod = m.trim();
            boolean fallback = mod.length() >= 2 && mod.startsWith("(") && mod.endsWith(")");
            if (!fallback && !SIMPLE_MODIFIERS.contains(mod) && !TRUNCATE.matcher(mod).matches()) {
                throw new IllegalArgumentException("unknown modifier ':" + mod + "' in '[" + content
                        + "]'; supported: lower, upper, capitalize, abbr, truncateN, (fallback)");
            }
            modifiers.add(mod);
        }
        return new Marker(name, List.copyOf(modifiers));
    }

    private static List<String> splitModifiers(String content) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int j = 0; j < content.length(); j++) {
            char c = content.charAt(j);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0) {
                out.add(content.substring(start, j));
                start = j + 1;
            }
        }
        out.add(content.substring(start));
        return out;
    }

    private static boolean isKnownMarker(String name) {
        String n = name.startsWith("pureauth") ? name.substring(4) : name;
        return SIMPLE_MARKERS.contains(n) || AUTH_N.matcher(name).matches() || AUTH_N_M.matcher(name).matches()
                || AUTHORS_N.matcher(name).matches() || CAMEL_N.matcher(name).matches()
                || FIELDS.contains(name.toLowerCase(Locale.ROOT));
    }

    public String pattern() {
        return pattern;
    }

    /**
     * The key for an entry, or empty when a marker without a fallback modifier has no value (an entry
     * without author cannot be judged against {@code [auth]}).
     *
     * @param type the entry type as written
     * @param fields resolved field values (LaTeX as written, macros expanded) by lower-case name
     */
    public Optional<String> expand(String type, Map<String, String> fields) {
        return expand(type, fields, false);
    }

    /** Like {@link #expand}, but a marker without a value just contributes nothing. */
    public String expandLenient(String type, Map<String, String> fields) {
        return expand(type, fields, true).orElse("");
    }

    private Optional<String> expand(String type, Map<String, String> fields, boolean lenient) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            if (p instanceof Literal l) {
                sb.append(l.text());
                continue;
            }
            Marker m = (Marker) p;
            boolean author = isAuthorMarker(m.name());
            String value = finish(applyModifiers(value(m.name(), type, fields), m.modifiers()), author);
            if (value.isEmpty() && !lenient) {
                return Optional.empty();
            }
            sb.append(value);
        }
        return Optional.of(sb.toString());
    }

    private static String applyModifiers(String value, List<String> modifiers) {
        String v = value;
        for (String m : modifiers) {
            Matcher t = TRUNCATE.matcher(m);
            if (m.equals("lower")) {
                v = v.toLowerCase(Locale.ROOT);
            } else if (m.equals("upper")) {
                v = v.toUpperCase(Locale.ROOT);
            } else if (m.equals("capitalize")) {
                StringBuilder sb = new StringBuilder();
                for (String w : v.split(" ", -1)) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT)
                            + w.substring(1).toLowerCase(Locale.ROOT));
                }
                v = sb.toString();
            } else if (m.equals("abbr")) {
                StringBuilder sb = new StringBuilder();
                for (String w : v.split("[\\s()\"]+")) {
                    if (!w.isEmpty()) {
                        sb.append(w.charAt(0));
                    }
                }
                v = sb.toString();
            } else if (t.matches()) {
                int n = Integer.parseInt(t.group(1));
                v = v.length() > n ? v.substring(0, n) : v;
            } else if (m.startsWith("(") && v.isBlank()) {
                v = m.substring(1, m.length() - 1);
            }
        }
        return v;
    }

    private static boolean isAuthorMarker(String name) {
        return !FIELDS.contains(name.toLowerCase(Locale.ROOT))
                && (name.startsWith("auth") || name.startsWith("pureauth") || name.equals("edtr")
                || name.equals("editors"));
    }

    /** ASCII letters and digits only (author markers also keep the '.' and '+' they produce). */
    private static String finish(String value, boolean author) {
        String s = fold(value);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 128 && Character.isLetterOrDigit(c)) || (author && (c == '.' || c == '+'))) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The marker's text before modifiers: words separated by spaces, LaTeX decoded. */
    private static String value(String name, String type, Map<String, String> fields) {
        if (isAuthorMarker(name)) {
            return authorValue(name, fields);
        }
        String title = fields.getOrDefault("title", "");
        switch (name) {
            case "veryshorttitle":
                return String.join(" ", titleWords(title, true, 1, false));
            case "shorttitle":
                return String.join(" ", titleWords(title, true, 3, false));
            case "camel":
                return String.join("", titleWords(title, false, Integer.MAX_VALUE, true));
            case "title":
                return significantCamel(title);
            case "year":
                return year(fields);
            case "shortyear": {
                String y = year(fields);
                return y.length() > 2 ? y.substring(y.length() - 2) : y;
            }
            case "entrytype":
                return type.isEmpty() ? "" : type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
            case "firstpage":
                return page(fields.getOrDefault("pages", ""), true);
            case "lastpage":
                return page(fields.getOrDefault("pages", ""), false);
            default:
                break;
        }
        Matcher camel = CAMEL_N.matcher(name);
        if (camel.matches()) {
            return String.join("", titleWords(title, false, Integer.parseInt(camel.group(1)), true));
        }
        String field = name.toLowerCase(Locale.ROOT);
        if (field.equals("fulltitle")) {
            field = "title";
        }
        return Latex.toUnicode(fields.getOrDefault(field, "")).trim();
    }

    private static String year(Map<String, String> fields) {
        String y = fields.getOrDefault("year", "");
        if (y.isBlank()) {
            y = fields.getOrDefault("date", "");
        }
        Matcher m = YEAR.matcher(y);
        return m.find() ? m.group() : y.trim();
    }

    private static String page(String pages, boolean first) {
        Matcher m = Pattern.compile("\\d+").matcher(pages);
        long best = -1;
        while (m.find()) {
            if (m.group().length() > 18) {
                continue;
            }
            long n = Long.parseLong(m.group());
            if (best < 0 || (first ? n < best : n > best)) {
                best = n;
            }
        }
        return best < 0 ? "" : Long.toString(best);
    }

    // ---- titles

    /** Title words (split at spaces and '-', LaTeX decoded, letters and digits only). */
    static List<String> titleWords(String latexTitle, boolean skipFunctionWords, int max, boolean capitalise) {
        List<String> out = new ArrayList<>();
        for (String raw : Latex.toUnicode(latexTitle).split("[\\s\\-\u2010-\u2015]+")) {
            String w = clean(raw);
            if (w.isEmpty() || (skipFunctionWords && FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            if (out.size() >= max) {
                break;
            }
            out.add(capitalise ? w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1) : w);
        }
        return out;
    }

    private static String significantCamel(String title) {
        StringBuilder sb = new StringBuilder();
        for (String w : titleWords(title, false, Integer.MAX_VALUE, false)) {
            boolean small = FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT));
            if (sb.length() == 0 || !small) {
                sb.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
            } else {
                sb.append(w.substring(0, 1).toLowerCase(Locale.ROOT)).append(w.substring(1));
            }
        }
        return sb.toString();
    }

    // ---- names

    /** A parsed BibTeX name; {@code others} marks "and others". */
    record Name(String first, String von, String last, boolean others) {}

    private static String authorValue(String name, Map<String, String> fields) {
        String marker = name;
        String field = "author";
        boolean fallback = true;
        if (marker.startsWith("pureauth")) {
            marker = marker.substring(4);
            fallback = false;
        } else if (marker.equals("edtr") || marker.equals("editors")) {
            marker = marker.equals("edtr") ? "auth" : "authors";
            field = "editor";
            fallback = false;
        }
        String raw = fields.getOrDefault(field, "");
        if (raw.isBlank() && fallback) {
            raw = fields.getOrDefault("editor", "");
        }
        List<Name> names = parseNames(raw);
        if (names.isEmpty()) {
            return "";
        }
        switch (marker) {
            case "auth":
                return last(names.get(0));
            case "authors":
                return joinLast(names, Integer.MAX_VALUE, "", "EtAl");
            case "authEtAl":
                return etal(names, "", "EtAl");
            case "auth.etal":
                return etal(names, ".", ".etal");
            case "auth.auth.ea":
                return joinLast(names, 2, ".", ".ea");
            case "authorLast":
                return last(names.get(names.size() - 1));
            case "authorIni": {
                StringBuilder sb = new StringBuilder(nOfM(names, 5, 1));
                for (int m = 2; m <= names.size(); m++) {
                    sb.append(nOfM(names, 1, m));
                }
                return sb.toString();
            }
            case "authshort": {
                if (names.size() == 1) {
                    return last(names.get(0));
                }
                StringBuilder sb = new StringBuilder();
                for (int m = 1; m <= Math.min(3, names.size()); m++) {
                    sb.append(nOfM(names, 1, m));
                }
                return names.size() > 3 ? sb.append('+').toString() : sb.toString();
            }
            case "authForeIni": {
                String first = clean(names.get(0).first());
                return first.isEmpty() ? "" : first.substring(0, 1);
            }
            default:
                break;
        }
        Matcher m = AUTH_N_M.matcher(marker);
        if (m.matches()) {
            return nOfM(names, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = AUTH_N.matcher(marker);
        if (m.matches()) {
            return nOfM(names, Integer.parseInt(m.group(1)), 1);
        }
        m = AUTHORS_N.matcher(marker);
        if (m.matches()) {
            return joinLast(names, Integer.parseInt(m.group(1)), "", "EtAl");
        }
        return "";
    }

    private static String last(Name n) {
        return n.others() ? "" : clean(n.last());
    }

    private static String nOfM(List<Name> names, int n, int m) {
        if (m < 1 || m > names.size()) {
            return "";
        }
        Name name = names.get(m - 1);
        if (name.others()) {
            return "+";
        }
        String l = clean(name.last());
        return l.length() > n ? l.substring(0, n) : l;
    }

    private static String joinLast(List<Name> names, int max, String delimiter, String suffix) {
        List<String> parts = new ArrayList<>();
        for (Name n : names) {
            if (parts.size() >= max) {
                break;
            }
            parts.add(n.others() ? (suffix.startsWith(delimiter) ? suffix.substring(delimiter.length()) : suffix)
                    : clean(n.last()));
        }
        String joined = String.join(delimiter, parts);
        return names.size() > max ? joined + suffix : joined;
    }

    private static String etal(List<Name> names, String delimiter, String suffix) {
        if (names.size() == 1 || (names.size() == 2 && !names.get(1).others())) {
            return joinLast(names, 2, delimiter, "");
        }
        return last(names.get(0)) + suffix;
    }

    /** Splits an author field at top-level " and " and parses each name as BibTeX does. */
    static List<Name> parseNames(String field) {
        List<Name> out = new ArrayList<>();
        if (field == null || field.isBlank()) {
            return out;
        }
        String f = Strings.collapseWhitespace(field);
        for (String p : Strings.splitNames(f)) {
            String s = p.trim();
            if (s.isEmpty()) {
                continue;
            }
            if (s.equalsIgnoreCase("others")) {
                out.add(new Name("", "", "", true));
            } else {
                out.add(parseName(s));
            }
        }
        return out;
    }

    private static Name parseName(String s) {
        List<String> commaParts = Strings.splitTopLevel(s, ',');
        if (commaParts.size() >= 2) {
            // "von Last, First" or "von Last, Jr, First"
            List<String> words = Strings.topLevelWords(commaParts.get(0));
            String first = commaParts.get(commaParts.size() - 1).trim();
            int vonEnd = -1;
            for (int i = 0; i < words.size() - 1; i++) {
                if (startsLower(words.get(i))) {
                    vonEnd = i;
                }
            }
            return new Name(first, String.join(" ", words.subList(0, vonEnd + 1)),
                    String.join(" ", words.subList(vonEnd + 1, words.size())), false);
        }
        List<String> words = Strings.topLevelWords(s);
        if (words.size() == 1) {
            return new Name("", "", words.get(0), false);
        }
        // "First von Last": von runs from the first to the last lower-case word before the final word.
        int vonStart = -1;
        int vonEnd = -1;
        for (int i = 0; i < words.size() - 1; i++) {
            if (startsLower(words.get(i))) {
                if (vonStart < 0) {
                    vonStart = i;
                }
                vonEnd = i;
            }
        }
        if (vonStart < 0) {
            return new Name(String.join(" ", words.subList(0, words.size() - 1)), "",
                    words.get(words.size() - 1), false);
        }
        return new Name(String.join(" ", words.subList(0, vonStart)),
                String.join(" ", words.subList(vonStart, vonEnd + 1)),
                String.join(" ", words.subList(vonEnd + 1, words.size())), false);
    }

    private static boolean startsLower(String word) {
        String u = Latex.toUnicode(word);
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (Character.isLetter(c)) {
                // A braced word ({van}) counts as upper case in BibTeX.
                return Character.isLowerCase(c) && !word.startsWith("{");
            }
        }
        return false;
    }

    /** LaTeX decoded, folded to ASCII, letters and digits only. */
    static String clean(String latex) {
        String s = fold(Latex.toUnicode(latex));
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Unicode to ASCII where a letter has an obvious ASCII form (accents dropped, ß to ss). */
    private static String fold(String unicode) {
        String s = Normalizer.normalize(unicode, Normalizer.Form.NFKD);
        return s.replace("ı", "i").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
                .replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe").replace("Œ", "OE")
                .replace("đ", "d").replace("Đ", "D").replace("þ", "th").replace("Þ", "Th");
    }
}
