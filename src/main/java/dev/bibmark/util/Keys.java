package dev.bibmark.util;

/**
 * The rule for a usable citation key, shared by the {@code invalid-key} check and rename: no whitespace and
 * none of {@code , { } # % ~ \}, which BibTeX or LaTeX cannot handle in a key.
 */
public final class Keys {
    private static final String BAD = ",{}#%~\\";

    private Keys() {
    }

    /**
     * The key's invalid characters for a message, e.g. {@code "',', whitespace"}; "" when the key is valid
     * (an empty key is not judged here).
     */
    public static String invalidChars(String key) {
        int i = 0;
        while (i < key.length() && !invalid(key.charAt(i))) {
            i++;
        }
        if (i == key.length()) {
            return ""; // the usual valid key: no description built
        }
        StringBuilder sb = new StringBuilder();
        for (; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!invalid(c)) {
                continue;
            }
            String shown = Character.isWhitespace(c) ? "whitespace" : "'" + c + "'";
            if (sb.indexOf(shown) < 0) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(shown);
            }
        }
        return sb.toString();
    }

    private static boolean invalid(char c) {
        return Character.isWhitespace(c) || BAD.indexOf(c) >= 0;
    }
}
