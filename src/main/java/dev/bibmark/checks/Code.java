package dev.bibmark.checks;

import java.util.Arrays;
import java.util.Optional;

/** The stable code of every check; the id is used by the CLI, the server, config and tests. */
public enum Code {
    BIBTEX_SYNTAX("bibtex-syntax", Severity.ERROR),
    DUPLICATE_KEY("duplicate-key", Severity.ERROR),
    DUPLICATE_ENTRY("duplicate-entry", Severity.WARNING),
    MISSING_FIELD("missing-field", Severity.WARNING),
    EMPTY_FIELD("empty-field", Severity.WARNING),
    DUPLICATE_FIELD("duplicate-field", Severity.ERROR),
    UNKNOWN_ENTRY_TYPE("unknown-entry-type", Severity.WARNING),
    UNDEFINED_STRING("undefined-string", Severity.ERROR),
    INVALID_KEY("invalid-key", Severity.ERROR);

    private final String id;
    private final Severity defaultSeverity;

    Code(String id, Severity defaultSeverity) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public static Optional<Code> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
