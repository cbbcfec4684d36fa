package dev.bibmark.checks;

import java.util.Locale;

/** Severity of a finding, as LSP orders them. */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses error|warning|information|info|hint (any case); null for anything else. */
    public static Severity parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "information", "info" -> INFORMATION;
            case "hint" -> HINT;
            default -> null;
        };
    }
}
