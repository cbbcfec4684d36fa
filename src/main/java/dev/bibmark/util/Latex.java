package dev.bibmark.util;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jbibtex.LaTeXObject;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;

/**
 * Converts BibTeX/LaTeX field text to display Unicode and to a normalised form for comparisons.
 * jbibtex is tried first; a small hand-written converter covers the inputs it rejects or mangles.
 */
public final class Latex {
    private static final Map<Character, Character> ACCENT_SYMBOLS = Map.of(
            '\'', '\u0301', '"', '\u0308', '`', '\u0300', '^', '\u0302', '~', '\u0303',
            '=', '\u0304', '.', '\u0307');
    private static final Map<String, Character> ACCENT_LETTERS = Map.ofEntries(
            Map.entry("c", '\u0327'), Map.entry("v", '\u030C'), Map.entry("H", '\u030B'),
            Map.entry("k", '\u0328'), Map.entry("u", '\u0306'), Map.entry("r", '\u030A'),
            Map.entry("d", '\u0323'), Map.entry("b", '\u0331'));
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("i", "ı"),
            Map.entry("j", "ȷ"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("ae", "æ"),
            Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("aa", "å"),
            Map.entry("AA", "Å"), Map.entry("S", "§"), Map.entry("P", "¶"), Map.entry("ldots", "…"),
            Map.entry("dots", "…"), Map.entry("textendash", "–"), Map.entry("textemdash", "—"),
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"),
            Map.entry("delta", "δ"), Map.entry("epsilon", "ε"), Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"), Map.entry("pi", "π"), Map.entry("sigma", "σ"), Map.entry("theta", "θ"),
            Map.entry("textbackslash", "\\"));

    /** Deeper brace nesting than this is not converted (no real title nests more than a few levels). */
    static final int MAX_DEPTH = 64;

    private Latex() {
    }

    /** Decoded values by source text: jbibtex is slow and the same values are decoded after every keystroke. */
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern NON_ALNUM = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final Memo<String, String> UNICODE = new Memo<>(200_000);
    private static final Memo<String, String> TITLES = new Memo<>(200_000);

    private static int braceDepth(String s) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == '}' && depth > 0) {
                depth--;
            }
        }
        return max;
    }

    /** Converts LaTeX markup (accents, escapes, braces, math delimiters) to plain display Unicode. */
    public static String toUnicode(String latex) {
        if (latex == null || latex.isEmpty()) {
            return "";
        }
        if (isPlain(latex)) {
            return latex; // what decoding gives it, without a memo entry (most names and titles are plain)
        }
        if (braceDepth(latex) > MAX_DEPTH) {
            // Both converters recurse per group: text nested this deep (hostile or broken) is only unbraced.
            return latex.replaceAll("[{}$\\\\]", "").replaceAll("\\s+", " ");
        }
        if (latex.length() > 4096) {
            return decode(latex);
        }
        return UNICODE.get(latex, Latex::decode);
    }

    private static String decode(String latex) {
        if (isPlain(latex)) {
            return latex;
        }
        return decodeWithParser(latex);
    }

    /** The full decoding (jbibtex, checked against the fallback); {@link #isPlain} text comes out unchanged. */
    static String decodeWithParser(String latex) {
        String fallback = fallback(latex);
        String viaJbibtex = jbibtex(latex);
        // jbibtex silently drops some commands ({\i}) and accents (\H{o}, \c{c}); only trust it when
        // it kept at least as many letters and accented letters as the fallback.
        if (viaJbibtex != null && alnumCount(viaJbibtex) >= alnumCount(fallback)
                && nonAsciiCount(viaJbibtex) >= nonAsciiCount(fallback)) {
            return viaJbibtex;
        }
        return fallback;
    }

    /**
     * Comparison key for titles: Unicode, diacritics stripped, lower-case, every run of
     * non-alphanumerics collapsed to one space, trimmed.
     */
    public static String normalizeTitle(String latexTitle) {
        if (latexTitle == null || latexTitle.isEmpty()) {
            return "";
        }
        return latexTitle.length() > 4096 ? normalize(latexTitle) : TITLES.get(latexTitle, Latex::normalize);
    }

    private static String normalize(String latexTitle) {
        String u = toUnicode(latexTitle);
        return isAscii(u) ? normalizeAscii(u) : normalizeUnicode(u);
    }

    /** Decomposed, marks dropped, lower-cased, a few letters transliterated, non-alphanumeric runs as one space. */
    private static String normalizeUnicode(String u) {
        String s = Normalizer.normalize(u, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = s.replace('ı', 'i').replace('ø', 'o').replace('ł', 'l').replace("ß", "ss");
        return NON_ALNUM.matcher(s).replaceAll(" ").trim();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** {@link #normalize} of ASCII text (no decomposition, no marks): lower-case words joined by one space. */
    static String normalizeAscii(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            if (!alnum) {
                gap = true;
                continue;
            }
            if (gap && out.length() > 0) {
                out.append(' ');
            }
            gap = false;
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    /** {@link #normalize} without the ASCII shortcut, for tests. */
    static String normalizeFull(String latexTitle) {
        return normalizeUnicode(toUnicode(latexTitle));
    }

    private static String jbibtex(String latex) {
        try {
            List<LaTeXObject> objects = new LaTeXParser().parse(latex);
            return new LaTeXPrinter().print(objects);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    /**
     * Text with nothing LaTeX would change: no command, group, math, tie, quote or dash ligature. Most values
     * (plain titles, names, venues) are like that, and skipping the LaTeX parser for them is most of the speed.
     */
    static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '{' || c == '}' || c == '$' || c == '~' || c == '\'' || c == '"' || c == '`'
                    || c == '%' || c == '&' || c == '#' || c == '^' || c == '_' || c == '!' || c == '?'
                    || (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-')) {
                return false;
            }
        }
        return true;
    }

    private static int alnumCount(String s) {
        return (int) s.codePoints().filter(Character::isLetterOrDigit).count();
    }

    private static int nonAsciiCount(String s) {
        return (int) Normalizer.normalize(s, Normalizer.Form.NFC).codePoints().filter(c -> c > 127).count();
    }

    static String fallback(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = s.charAt(i + 1);
                if (ACCENT_SYMBOLS.containsKey(next)) {
                    int[] end = new int[1];
                    String arg = readArgument(s, i + 2, end);
                    out.append(accent(arg, ACCENT_SYMBOLS.get(next)));
                    i = end[0];
                } else if (Character.isLetter(next)) {
                    int j = i + 1;
                    while (j < n && Character.isLetter(s.charAt(j))) {
                        j++;
                    }
                    String name = s.substring(i + 1, j);
                    if (ACCENT_LETTERS.containsKey(name)) {
                        int[] end = new int[1];
                        String arg = readArgument(s, j, end);
                        out.append(accent(arg, ACCENT_LETTERS.get(name)));
                        i = end[0];
                    } else {
                        String symbol = SYMBOLS.get(name);
                        if (symbol != null) {
                            out.append(symbol);
                        }
                        // A control word swallows the spaces after it, as in TeX.
                        while (j < n && s.charAt(j) == ' ') {
                            j++;
                        }
                        i = j;
                    }
                } else if (next == '\\' || Character.isWhitespace(next)) {
                    out.append(' ');
                    i += 2;
                } else {
                    out.append(next);
                    i += 2;
                }
            } else if (c == '~') {
                out.append(' ');
                i++;
            } else if (c == '$' || c == '{' || c == '}' || c == '\\') {
                i++;
            } else if (c == '-' && s.startsWith("---", i)) {
                out.append('—');
                i += 3;
            } else if (c == '-' && s.startsWith("--", i)) {
                out.append('–');
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return SPACES.matcher(Normalizer.normalize(out.toString(), Normalizer.Form.NFC)).replaceAll(" ");
    }

    /** Reads an accent argument: a braced group, a control word such as \i, or one character. */
    private static String readArgument(String s, int start, int[] end) {
        int n = s.length();
        int i = start;
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        if (i >= n) {
            end[0] = n;
            return "";
        }
        char c = s.charAt(i);
        if (c == '{') {
            int depth = 0;
            int j = i;
            while (j < n) {
                char d = s.charAt(j);
                if (d == '{') {
                    depth++;
                } else if (d == '}') {
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                }
                j++;
            }
            end[0] = Math.min(j + 1, n);
            return fallback(s.substring(i + 1, Math.min(j, n)));
        }
        if (c == '\\' && i + 1 < n && Character.isLetter(s.charAt(i + 1))) {
            int j = i + 1;
            while (j < n && Character.isLetter(s.charAt(j))) {
                j++;
            }
            end[0] = j;
            return fallback(s.substring(i, j));
        }
        end[0] = i + 1;
        return String.valueOf(c);
    }

    private static String accent(String arg, char mark) {
        if (arg.isEmpty()) {
            return "";
        }
        // Accents over dotless i/j (\'{\i}) mean the ordinary letter with that accent.
        String base = arg.replace('ı', 'i').replace('ȷ', 'j');
        int first = base.offsetByCodePoints(0, 1);
        return Normalizer.normalize(base.substring(0, first) + mark, Normalizer.Form.NFC) + base.substring(first);
    }
}
