package dev.bibmark.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small string helpers shared by checks, fixes and key patterns. */
public final class Strings {
    private Strings() {}

    /** {@code s.trim().replaceAll("\\s+", " ")} without compiling a pattern per call: these run per field. */
    public static String collapseWhitespace(String s) {
        String t = s.trim();
        StringBuilder sb = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (isPatternSpace(c) && (c != ' ' || (i + 1 < t.length() && isPatternSpace(t.charAt(i + 1))))) {
                if (sb == null) {
                    sb = new StringBuilder(t.length()).append(t, 0, i);
                }
                sb.append(' ');
                while (i + 1 < t.length() && isPatternSpace(t.charAt(i + 1))) {
                    i++;
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? t : sb.toString();
    }

    /**
     * {@code String.format("%0<width>d", n)} for {@code n >= 0}, without a formatter (sort texts of thousands of
     * completion items are built per request; a formatter parses its pattern on every call).
     */
    public static String zeroPad(int n, int width) {
        String digits = Integer.toString(n);
        if (n < 0 || digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    /** The characters of the pattern class {@code \\s} (not {@link Character#isWhitespace}'s wider set). */
    public static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Levenshtein distance between two strings, ignoring case (for "did you mean" suggestions). */
    public static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int sub = prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }

    /** The words of a BibTeX value split at spaces and ties ({@code ~}) outside braces: {@code {van Dyke}} is one. */
    public static List<String> topLevelWords(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
            if ((Character.isWhitespace(c) || c == '~') && depth == 0) {
                if (cur.length() > 0) {
                    words.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            words.add(cur.toString());
        }
        return words;
    }

    /** The brace depth of a BibTeX value just before {@code index} (unbalanced closing braces ignored). */
    public static int braceDepthAt(String s, int index) {
        int depth = 0;
        for (int i = 0; i < index; i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    /**
     * Where {@code Pattern.compile("\\s+and\\s+", CASE_INSENSITIVE).matcher(s).find(from)} matches, as
     * {@code start << 32 | end}, or -1. Written out because every entry's first author is looked up in a cold run of
     * the command line, where a case-insensitive pattern is slow; {@code StringsTest} compares it with the pattern.
     * The leftmost match starts where a run of whitespace starts that is followed by "and" (any case) and
     * whitespace, and ends after that whitespace.
     */
    static long findAnd(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n) {
            if (!isPatternSpace(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isPatternSpace(s.charAt(i))) {
                i++;
            }
            if (i + 3 < n && (s.charAt(i) | 0x20) == 'a' && (s.charAt(i + 1) | 0x20) == 'n'
                    && (s.charAt(i + 2) | 0x20) == 'd' && isPatternSpace(s.charAt(i + 3))) {
                int end = i + 4;
                while (end < n && isPatternSpace(s.charAt(end))) {
                    end++;
                }
                return (long) start << 32 | end;
            }
        }
        return -1;
    }

    /** A name list ({@code author}, {@code editor}) split at {@code and} outside braces; parts as written. */
    public static List<String> splitNames(String field) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (long m = findAnd(field, 0); m >= 0; m = findAnd(field, (int) m)) {
            int at = (int) (m >>> 32);
            if (braceDepthAt(field, at) == 0) {
                names.add(field.substring(start, at));
                start = (int) m;
            }
        }
        names.add(field.substring(start));
        return names;
    }

    /** {@code splitNames(field).get(0)}, without splitting the rest of the list. */
    public static String firstName(String field) {
        for (long m = findAnd(field, 0); m >= 0; m = findAnd(field, (int) m)) {
            int at = (int) (m >>> 32);
            if (braceDepthAt(field, at) == 0) {
                return field.substring(0, at);
            }
        }
        return field;
    }

    /** The index of the first {@code target} outside braces, or -1. */
    public static int topLevelIndexOf(String s, char target) {
        return topLevelIndexOf(s, target, 0);
    }

    private static int topLevelIndexOf(String s, char target, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == target && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The parts of {@code s} between separators outside braces. */
    public static List<String> splitTopLevel(String s, char sep) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = topLevelIndexOf(s, sep, 0); i >= 0; i = topLevelIndexOf(s, sep, start)) {
            out.add(s.substring(start, i));
            start = i + 1;
        }
        out.add(s.substring(start));
        return out;
    }
}
