package dev.bibmark.bibtex;

import java.util.Locale;
import java.util.Map;

/** BibTeX's predefined month macros {@code jan} … {@code dec}. */
public final class Months {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("jan", "January"), Map.entry("feb", "February"), Map.entry("mar", "March"),
            Map.entry("apr", "April"), Map.entry("may", "May"), Map.entry("jun", "June"),
            Map.entry("jul", "July"), Map.entry("aug", "August"), Map.entry("sep", "September"),
            Map.entry("oct", "October"), Map.entry("nov", "November"), Map.entry("dec", "December"));

    private Months() {}

    public static boolean isMonth(String macro) {
        return NAMES.containsKey(macro.toLowerCase(Locale.ROOT));
    }

    /** The month's full name, or "" for a name that is not a month macro. */
    public static String expand(String macro) {
        return NAMES.getOrDefault(macro.toLowerCase(Locale.ROOT), "");
    }

    public static Iterable<String> macros() {
        return java.util.List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    }
}
