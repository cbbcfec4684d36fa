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
 * @param statusTags the status tags a paper heading may carry ({@code "status": {"tags": [...]}})
 * @param keyPattern the JabRef-style key pattern of {@code key-convention}
 * @param format the formatter's style ({@code "format"} settings)
 */
public record Config(Map<Code, Optional<Severity>> severities, Map<String, List<List<String>>> requiredFields,
                     int debounceMs, List<String> statusTags, String keyPattern, FormatOptions format) {
    public static final List<String> DEFAULT_STATUS_TAGS = List.of("READ", "UNREAD");
    public static final String DEFAULT_KEY_PATTERN = "[auth:lower][year][veryshorttitle:lower]";
    public static final Config DEFAULT = new Config(Map.of(), Map.of(), 200);

    public Config {
        severities = Map.copyOf(severities);
        requiredFields = Map.copyOf(requiredFields);
        statusTags = statusTags == null || statusTags.isEmpty() ? DEFAULT_STATUS_TAGS : List.copyOf(statusTags);
        keyPattern = keyPattern == null ? DEFAULT_KEY_PATTERN : keyPattern;
        format = format == null ? FormatOptions.DEFAULT : format;
    }

    /** Default status tags, key pattern and format options. */
    public Config(Map<Code, Optional<Severity>> severities, Map<String, List<List<String>>> requiredFields,
                  int debounceMs) {
        this(severities, requiredFields, debounceMs, DEFAULT_STATUS_TAGS, DEFAULT_KEY_PATTERN, FormatOptions.DEFAULT);
    }

    /** Default status tags and key pattern. */
    public Config(Map<Code, Optional<Severity>> severities, Map<String, List<List<String>>> requiredFields,
                  int debounceMs, FormatOptions format) {
        this(severities, requiredFields, debounceMs, DEFAULT_STATUS_TAGS, DEFAULT_KEY_PATTERN, format);
    }

    /** Default format options. */
    public Config(Map<Code, Optional<Severity>> severities, Map<String, List<List<String>>> requiredFields,
                  int debounceMs, List<String> statusTags, String keyPattern) {
        this(severities, requiredFields, debounceMs, statusTags, keyPattern, FormatOptions.DEFAULT);
    }

    /** The severity a code is reported with, or empty when it is off. */
    public Optional<Severity> severityOf(Code code) {
        Optional<Severity> s = severities.get(code);
        if (s != null) {
            return s;
        }
        return code.onByDefault() ? Optional.of(code.defaultSeverity()) : Optional.empty();
    }

    public Config withSeverity(Code code, Optional<Severity> severity) {
        Map<Code, Optional<Severity>> m = new java.util.EnumMap<>(Code.class);
        m.putAll(severities);
        m.put(code, severity);
        return new Config(m, requiredFields, debounceMs, statusTags, keyPattern, format);
    }

    public Config withStatusTags(List<String> tags) {
        return new Config(severities, requiredFields, debounceMs, tags, keyPattern, format);
    }

    public Config withKeyPattern(String pattern) {
        return new Config(severities, requiredFields, debounceMs, statusTags, pattern, format);
    }
}
