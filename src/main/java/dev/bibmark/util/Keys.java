package dev.bibmark.util;

/**
 * The rule for a usable citation key, shared by the {@code invalid-key} check and rename: no whitespace, no
 * control or invisible formatting character, and none of {@code , { } # % ~ \}, which BibTeX or LaTeX cannot
 * handle in a key.
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
            String shown = Character.isWhitespace(c) || Character.isSpaceChar(c) ? "whitespace"
                    : Character.isISOControl(c) ? "a control character"
                    : Character.getType(c) == Character.FORMAT ? String.format("an invisible U+%04X", (int) c)
                    : "'" + c + "'";
            if (sb.indexOf(shown) < 0) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(shown);
            }
        }
        return sb.toString();
    }

    /**
     * Whitespace (no-break spaces too), the characters BibTeX or LaTeX cannot take, control characters, and
     * invisible formatting characters (a zero-width space pasted with a key: it looks valid and matches nothing).
     */
    private static boolean invalid(char c) {
        return c < 128 ? c <= ' ' || c == 127 || BAD.indexOf(c) >= 0
                : Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                        || Character.getType(c) == Character.FORMAT;
    }
}
