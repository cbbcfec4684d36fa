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
    INVALID_KEY("invalid-key", Severity.ERROR),
    TITLE_MISMATCH("title-mismatch", Severity.WARNING),
    LINK_MISMATCH("link-mismatch", Severity.WARNING),
    MISSING_CITATION("missing-citation", Severity.INFORMATION),
    INVALID_STATUS("invalid-status", Severity.WARNING),
    UNDEFINED_CITATION("undefined-citation", Severity.WARNING),
    UNMARKED_BIBTEX("unmarked-bibtex", Severity.INFORMATION),
    /** Off unless configured; reported as a hint when turned on with "on". */
    KEY_CONVENTION("key-convention", Severity.HINT, false);

    private final String id;
    private final Severity defaultSeverity;
    private final boolean onByDefault;

    Code(String id, Severity defaultSeverity) {
        this(id, defaultSeverity, true);
    }

    Code(String id, Severity defaultSeverity, boolean onByDefault) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.onByDefault = onByDefault;
    }

    public String id() {
        return id;
    }

    /** The severity findings carry when the check runs and the config does not override it. */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** Whether the check runs when the config does not mention it. */
    public boolean onByDefault() {
        return onByDefault;
    }

    public static Optional<Code> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
