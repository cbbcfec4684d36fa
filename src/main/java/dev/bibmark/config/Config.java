package dev.bibmark.config;

import dev.bibmark.checks.Code;
import dev.bibmark.checks.Severity;
import dev.bibmark.format.FormatOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed settings (from {@code .bibmark.json} or the client's {@code bibmark} section), with defaults.
 * Features never see JSON; {@link ConfigLoader} converts it.
 *
 * @param severities per-code override; {@code Optional.empty()} means the check is off
 * @param requiredFields extra required fields per entry type (lower-case type); each inner list
 *                       is an either-or group, e.g. [["author","editor"], ["doi"]]
 * @param debounceMs delay before the server re-checks after an edit
 * @param format the formatter's style ({@code "format"} settings)
 */
public record Config(Map<Code, Optional<Severity>> severities, Map<String, List<List<String>>> requiredFields,
                     int debounceMs, FormatOptions format) {
    public static final Config DEFAULT = new Config(Map.of(), Map.of(), 200);

    /** Settings with the default format options. */
    public Config(Map<Code, Optional<Severity>> severities, Map<String, List<List<String>>> requiredFields, int debounceMs) {
        this(severities, requiredFields, debounceMs, FormatOptions.DEFAULT);
    }

    /** The severity a code is reported with, or empty when it is off. */
    public Optional<Severity> severityOf(Code code) {
        Optional<Severity> s = severities.get(code);
        return s != null ? s : Optional.of(code.defaultSeverity());
    }
}
