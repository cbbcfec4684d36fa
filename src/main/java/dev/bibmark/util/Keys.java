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
        int i0 = 0;
        while (i0 < key.length() && !Character.isWhitespace(key.charAt(i0)) && BAD.indexOf(key.charAt(i0)) < 0) {
            i0++;
        }
        if (i0 == key.length()) {
            return ""; // the usual case, without building a description of every character
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            String shown = Character.isWhitespace(c) ? "whitespace" : "'" + c + "'";
            if ((Character.isWhitespace(c) || BAD.indexOf(c) >= 0) && sb.indexOf(shown) < 0) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(shown);
            }
        }
        return sb.toString();
    }
}
