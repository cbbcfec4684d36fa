package dev.bibmark.fixes;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.util.Identifiers;
import dev.bibmark.util.Latex;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated citation keys in the Google Scholar style the lists use: first author's surname, year, first
 * significant title word, lower-case ASCII ({@code vaswani2017attention}). JabRef's pattern
 * {@code [auth:lower][year][veryshorttitle:lower]}.
 */
public final class Keys {
    /** Words skipped when picking the title word (JabRef's small words, as {@code [veryshorttitle]} does). */
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "as", "at", "but", "by", "down", "for",
            "from", "if", "in", "into", "is", "like", "near", "nor", "of", "off", "on", "onto", "or", "over", "so",
            "than", "that", "the", "to", "up", "upon", "via", "when", "with", "yet");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+(?![^{]*})", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");

    private Keys() {}

    /**
     * A key for the given field texts (raw BibTeX, LaTeX allowed; any may be null) that is not in {@code taken}
     * (compared case-insensitively, as BibTeX does): the base key, else the base with a suffix b, c, …, z, bb, bc, ….
     * When the fields give nothing, the base is {@code key}.
     */
    public static String generate(String author, String year, String title, Set<String> taken) {
        Set<String> lower = new HashSet<>();
        for (String k : taken) {
            lower.add(k.toLowerCase(Locale.ROOT));
        }
        return free(base(author, year, title), lower);
    }

    private static String free(String base, Set<String> taken) {
        if (!isTaken(base, taken)) {
            return base;
        }
        for (int i = 1; ; i++) {
            String candidate = base + suffix(i);
            if (!isTaken(candidate, taken)) {
                return candidate;
            }
        }
    }

    /** A free key for an entry, from its author (or editor), year (or date) and title; macros resolved. */
    public static String generate(BibEntry e, Map<String, String> macros, Set<String> taken) {
        String author = value(e, "author", macros);
        if (author.isBlank()) {
            author = value(e, "editor", macros);
        }
        String year = value(e, "year", macros);
        if (year.isBlank()) {
            year = value(e, "date", macros);
        }
        return generate(author, year, value(e, "title", macros), taken);
    }

    /** The key without collision handling. */
    public static String base(String author, String year, String title) {
        StringBuilder sb = new StringBuilder();
        sb.append(surname(author));
        if (year != null) {
            Matcher m = YEAR.matcher(year);
            if (m.find()) {
                sb.append(m.group(1));
            }
        }
        sb.append(firstWord(title));
        return sb.length() == 0 ? "key" : sb.toString();
    }

    /**
     * The first author's last name without its von part ("Ludwig van Beethoven" and "van Beethoven, Ludwig" give
     * beethoven), as lower-case ASCII; "" when there is no author.
     */
    static String surname(String author) {
        if (author == null || author.isBlank()) {
            return "";
        }
        String first = AND.split(author.trim(), 2)[0];
        int depth = 0;
        int comma = -1;
        for (int i = 0; i < first.length() && comma < 0; i++) {
            char c = first.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (c == ',' && depth == 0) {
                comma = i;
            }
        }
        List<String> words = dev.bibmark.util.Strings.topLevelWords(comma >= 0 ? first.substring(0, comma) : first);
        if (words.isEmpty()) {
            return "";
        }
        int start;
        if (comma >= 0) {
            // "von Last, First": the last name starts after the lower-case words.
            start = 0;
            while (start < words.size() - 1 && isLower(words.get(start))) {
                start++;
            }
        } else {
            // "First von Last": the last name is what follows the lower-case words, else the last word.
            start = words.size() - 1;
            for (int i = 1; i < words.size() - 1; i++) {
                if (isLower(words.get(i))) {
                    int j = i;
                    while (j < words.size() - 1 && isLower(words.get(j))) {
                        j++;
                    }
                    start = j;
                    break;
                }
            }
        }
        return Identifiers.firstAuthorSurname(String.join(" ", words.subList(start, words.size())) + ", X");
    }

    private static boolean isLower(String word) {
        return !word.isEmpty() && Character.isLowerCase(word.charAt(0));
    }
    /** The first title word that is not a small word, as lower-case ASCII letters and digits; "" when none. */
    static String firstWord(String title) {
        if (title == null || title.isBlank()) {
            return "";
        }
        String s = Normalizer.normalize(Latex.toUnicode(title), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.replace('ı', 'i').replace('ø', 'o').replace('Ø', 'o').replace('ł', 'l').replace('Ł', 'l')
                .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").toLowerCase(Locale.ROOT);
        String fallback = "";
        for (String w : s.split("[^a-z0-9]+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (!SMALL_WORDS.contains(w)) {
                return w;
            }
            if (fallback.isEmpty()) {
                fallback = w;
            }
        }
        return fallback;
    }

    /** b, c, …, z, bb, bc, …: a bijective base-25 count over b..z. */
    static String suffix(int i) {
        StringBuilder sb = new StringBuilder();
        int n = i;
        while (n > 0) {
            n--;
            sb.append((char) ('b' + n % 25));
            n /= 25;
        }
        return sb.reverse().toString();
    }

    private static boolean isTaken(String key, Set<String> lowerTaken) {
        return lowerTaken.contains(key.toLowerCase(Locale.ROOT));
    }

    private static String value(BibEntry e, String name, Map<String, String> macros) {
        return e.field(name).map(BibField::value).map(v -> v.resolve(macros)).orElse("");
    }
}
