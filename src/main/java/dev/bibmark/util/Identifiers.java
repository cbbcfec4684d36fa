package dev.bibmark.util;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts and normalises identifiers (arXiv ids, DOIs, first-author surnames) from field text. */
public final class Identifiers {
    private static final String NEW_ID = "\\d{4}\\.\\d{4,5}";
    private static final String OLD_ID = "[a-z-]+(?:\\.[A-Z]{2})?/\\d{7}";
    private static final String ID = "(" + NEW_ID + "|" + OLD_ID + ")(?:v\\d+)?";
    private static final Pattern ARXIV_URL = Pattern.compile(
            "arxiv\\.org/(?:abs|pdf|html)/" + ID + "(?![\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARXIV_PREFIX = Pattern.compile(
            "arxiv:\\s*" + ID + "(?![\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARXIV_DOI = Pattern.compile(
            "10\\.48550/arxiv\\." + ID + "(?![\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARXIV_BARE = Pattern.compile("\\s*" + ID + "\\s*");
    private static final Set<String> PARTICLES = Set.of(
            "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le", "ter", "ten",
            "zu", "dos", "das", "do", "af", "av");

    private Identifiers() {
    }

    /** The arXiv id (without version suffix) in a URL, {@code arXiv:} reference, arXiv DOI or bare eprint. */
    public static Optional<String> arxivId(String text) {
        if (text == null || !mayHoldArxivId(text)) {
            return Optional.empty();
        }
        return arxivIdByPatterns(text);
    }

    /** {@link #arxivId} without the pre-filter (for tests). */
    private static final Pattern[] ARXIV_FORMS = {ARXIV_URL, ARXIV_PREFIX, ARXIV_DOI};

    static Optional<String> arxivIdByPatterns(String text) {
        for (Pattern p : ARXIV_FORMS) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        Matcher m = ARXIV_BARE.matcher(text);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Whether the text has what every form of an id needs: four digits, a dot and four digits (new ids), or a
     * slash and seven digits (old ones). Most field values have neither, and the patterns are then not run.
     */
    public static boolean mayHoldArxivId(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && digitsBefore(s, i) >= 4 && digitsFrom(s, i + 1) >= 4) {
                return true;
            }
            if (c == '/' && digitsFrom(s, i + 1) >= 7) {
                return true;
            }
        }
        return false;
    }

    private static int digitsBefore(String s, int i) {
        int k = 0;
        while (i - k - 1 >= 0 && k < 4 && isDigit(s.charAt(i - k - 1))) {
            k++;
        }
        return k;
    }

    private static int digitsFrom(String s, int i) {
        int k = 0;
        while (i + k < s.length() && k < 7 && isDigit(s.charAt(i + k))) {
            k++;
        }
        return k;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The DOI in the text, lower-cased, without resolver or {@code doi:} prefix and trailing punctuation. */
    public static Optional<String> doi(String text) {
        if (text == null || !text.contains("10.")) {
            return Optional.empty();
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.indexOf('%') >= 0 && (s.startsWith("http://") || s.startsWith("https://"))) {
            s = percentDecoded(s); // a link may escape the DOI's '/' (10.1000/a%2Fb)
        }
        int from = 0;
        for (String p : DOI_RESOLVERS) {
            if (s.startsWith(p)) {
                from = p.length();
                break;
            }
        }
        if (from == 0 && s.startsWith("doi:")) {
            from = 4;
            while (from < s.length() && Strings.isPatternSpace(s.charAt(from))) {
                from++;
            }
        }
        // The first "10." + 4 to 9 digits + "/" + non-blanks: what the pattern 10\.\d{4,9}/\S+ finds.
        for (int i = s.indexOf("10.", from); i >= 0; i = s.indexOf("10.", i + 1)) {
            int j = i + 3;
            int k = j;
            while (k < s.length() && isDigit(s.charAt(k))) {
                k++;
            }
            if (k - j < 4 || k - j > 9 || k + 1 >= s.length() || s.charAt(k) != '/' || Strings.isPatternSpace(s.charAt(k + 1))) {
                continue;
            }
            int end = k + 1;
            while (end < s.length() && !Strings.isPatternSpace(s.charAt(end))) {
                end++;
            }
            while (end > i && ".,;:)]}>'\"".indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            String doi = s.substring(i, end);
            return doi.contains("/") && !doi.endsWith("/") ? Optional.of(doi) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A URL with its {@code %XX} escapes decoded (as UTF-8); an escape that is not one is kept as written. */
    static String percentDecoded(String url) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(url.length());
        StringBuilder out = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); ) {
            char c = url.charAt(i);
            int hi = c == '%' && i + 2 < url.length() ? Character.digit(url.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(url.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        if (bytes.size() > 0) {
            out.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static final List<String> DOI_RESOLVERS =
            List.of("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/");


    /**
     * The first author's first given name as lower-case ASCII letters ("Smith, John D." and "John D. Smith": "john";
     * "J. Smith": "j"), or "" when only a surname is written.
     */
    public static String firstAuthorGiven(String authorField) {
        if (authorField == null || authorField.isBlank()) {
            return "";
        }
        String first = Strings.firstName(authorField.trim()).trim();
        List<String> words;
        int comma = Strings.topLevelIndexOf(first, ',');
        if (comma >= 0) {
            // "von Last, Jr, First" or "Last, First": the given names follow the last comma.
            int last = comma;
            for (int c = Strings.topLevelIndexOf(first.substring(last + 1), ','); c >= 0;
                    c = Strings.topLevelIndexOf(first.substring(last + 1), ',')) {
                last += c + 1;
            }
            words = Strings.topLevelWords(first.substring(last + 1));
        } else {
            words = Strings.topLevelWords(first);
            words = words.size() < 2 ? List.of() : words.subList(0, 1);
        }
        if (words.isEmpty()) {
            return "";
        }
        String given = fold(words.get(0));
        // An initial ("J.", "J.-P."): its first letter is all it says.
        return words.get(0).indexOf('.') >= 0 && !given.isEmpty() ? given.substring(0, 1) : given;
    }

    /** The first author's surname as lower-case ASCII letters, or "" when there is none. */
    public static String firstAuthorSurname(String authorField) {
        if (authorField == null || authorField.isBlank()) {
            return "";
        }
        String first = Strings.firstName(authorField.trim()).trim();
        String surname;
        int comma = Strings.topLevelIndexOf(first, ',');
        if (comma >= 0) {
            surname = first.substring(0, comma);
        } else {
            List<String> words = Strings.topLevelWords(first);
            if (words.isEmpty()) {
                return "";
            }
            // "Ludwig van Beethoven": the surname starts at the first lower-case particle.
            int start = words.size() - 1;
            for (int i = 1; i < words.size() - 1; i++) {
                if (PARTICLES.contains(words.get(i))) {
                    start = i;
                    break;
                }
            }
            surname = String.join(" ", words.subList(start, words.size()));
        }
        return fold(surname);
    }

    private static String fold(String latex) {
        String u = Latex.toUnicode(latex);
        boolean ascii = true;
        for (int i = 0; i < u.length() && ascii; i++) {
            ascii = u.charAt(i) < 128;
        }
        String s = u;
        if (!ascii) {
            // ASCII has nothing to decompose or transliterate.
            s = Normalizer.normalize(u, Normalizer.Form.NFKD);
            s = s.replace('ı', 'i').replace('ø', 'o').replace('Ø', 'o').replace('ł', 'l').replace('Ł', 'l')
                    .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe");
            s = s.toLowerCase(Locale.ROOT);
        }
        // Only the letters are kept, lower-cased (a loop, not toLowerCase, for ASCII).
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
