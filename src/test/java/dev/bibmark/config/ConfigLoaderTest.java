package dev.bibmark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import dev.bibmark.checks.Code;
import dev.bibmark.checks.Severity;
import dev.bibmark.format.FormatOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static Config json(String text) throws ConfigException {
        return ConfigLoader.fromJson(JsonParser.parseString(text));
    }

    private static ConfigException failure(String text) {
        return assertThrows(ConfigException.class, () -> json(text));
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + message + "' should contain '" + part + "'");
        }
    }

    @Test
    void happyPath() throws Exception {
        Config c = json("""
                {"checks": {"duplicate-entry": "off", "missing-field": "error", "empty-field": "hint",
                            "invalid-key": "information"},
                 "requiredFields": {"Article": ["DOI", "author|editor"]},
                 "diagnostics": {"debounceMs": 350},
                 "format": {"trailingComma": false}, "status": {"tags": ["READ", "READING", "TODO"]},
                 "keyPattern": "[auth][year]"}
                """);
        assertEquals(Optional.empty(), c.severityOf(Code.DUPLICATE_ENTRY));
        assertEquals(Optional.of(Severity.ERROR), c.severityOf(Code.MISSING_FIELD));
        assertEquals(Optional.of(Severity.HINT), c.severityOf(Code.EMPTY_FIELD));
        assertEquals(Optional.of(Severity.INFORMATION), c.severityOf(Code.INVALID_KEY));
        assertEquals(Optional.of(Severity.ERROR), c.severityOf(Code.DUPLICATE_KEY));
        assertEquals(Map.of("article", List.of(List.of("doi"), List.of("author", "editor"))), c.requiredFields());
        assertEquals(350, c.debounceMs());
        assertEquals(FormatOptions.DEFAULT.withTrailingComma(false), c.format());
        assertEquals(List.of("READ", "READING", "TODO"), c.statusTags());
        assertEquals("[auth][year]", c.keyPattern());
    }

    @Test
    void listDefaults() throws Exception {
        Config c = json("{}");
        assertEquals(List.of("READ", "UNREAD"), c.statusTags());
        assertEquals("[auth:lower][year][veryshorttitle:lower]", c.keyPattern());
        assertEquals(Optional.empty(), c.severityOf(Code.KEY_CONVENTION));
        assertEquals(Optional.of(Severity.WARNING), c.severityOf(Code.TITLE_MISMATCH));
        assertEquals(Optional.of(Severity.INFORMATION), c.severityOf(Code.MISSING_CITATION));
    }

    @Test
    void onTurnsACheckOnWithItsDefaultSeverity() throws Exception {
        Config c = json("{\"checks\": {\"key-convention\": \"on\", \"link-mismatch\": \"on\"}, "
                + "\"status.tags\": [\"DONE\"]}");
        assertEquals(Optional.of(Severity.HINT), c.severityOf(Code.KEY_CONVENTION));
        assertEquals(Optional.of(Severity.WARNING), c.severityOf(Code.LINK_MISMATCH));
        assertEquals(List.of("DONE"), c.statusTags());
        assertEquals(Optional.of(Severity.ERROR),
                json("{\"checks\": {\"key-convention\": \"error\"}}").severityOf(Code.KEY_CONVENTION));
    }

    @Test
    void badStatusTags() {
        assertContains(failure("{\"status\": [\"READ\"]}").getMessage(), "$.status", "object");
        assertContains(failure("{\"status\": {\"tag\": [\"READ\"]}}").getMessage(), "$.status.tag", "tags");
        assertContains(failure("{\"status\": {\"tags\": []}}").getMessage(), "$.status.tags", "non-empty");
        assertContains(failure("{\"status\": {\"tags\": \"READ\"}}").getMessage(), "$.status.tags", "array");
        assertContains(failure("{\"status\": {\"tags\": [\"READ\", 3]}}").getMessage(), "$.status.tags[1]");
        assertContains(failure("{\"status\": {\"tags\": [\"`READ`\"]}}").getMessage(), "$.status.tags[0]",
                "backticks");
        assertContains(failure("{\"status\": {\"tags\": [\" READ\"]}}").getMessage(), "$.status.tags[0]");
        assertContains(failure("{\"status\": {\"tags\": [\"READ\", \"READ\"]}}").getMessage(),
                "$.status.tags[1]", "twice");
    }

    @Test
    void badKeyPattern() {
        assertContains(failure("{\"keyPattern\": \"[auth][veryshortitle]\"}").getMessage(), "$.keyPattern",
                "unknown marker '[veryshortitle]'");
        assertContains(failure("{\"keyPattern\": \"[auth:lowr]\"}").getMessage(), "$.keyPattern",
                "unknown modifier ':lowr'");
        assertContains(failure("{\"keyPattern\": \"[auth\"}").getMessage(), "$.keyPattern", "never closed");
        assertContains(failure("{\"keyPattern\": 3}").getMessage(), "$.keyPattern", "key pattern");
        assertContains(failure("{\"keyPattern\": {\"x\": 1}}").getMessage(), "$.keyPattern", "an object");
    }

    @Test
    void emptyObjectAndNullGiveDefaults() throws Exception {
        assertEquals(Config.DEFAULT, json("{}"));
        assertSame(Config.DEFAULT, ConfigLoader.fromJson(JsonNull.INSTANCE));
        assertSame(Config.DEFAULT, ConfigLoader.fromJson(null));
    }

    @Test
    void flatDottedKeys() throws Exception {
        Config c = json("""
                {"diagnostics.debounceMs": 50, "checks.duplicate-key": "warning",
                 "checks": {"empty-field": "off"}, "requiredFields.book": ["isbn"]}
                """);
        assertEquals(50, c.debounceMs());
        assertEquals(Optional.of(Severity.WARNING), c.severityOf(Code.DUPLICATE_KEY));
        assertEquals(Optional.empty(), c.severityOf(Code.EMPTY_FIELD));
        assertEquals(Map.of("book", List.of(List.of("isbn"))), c.requiredFields());
    }

    @Test
    void loadsFile() throws Exception {
        Path file = dir.resolve(".bibmark.json");
        Files.writeString(file, "{\"checks\": {\"bibtex-syntax\": \"warning\"}}");
        assertEquals(Optional.of(Severity.WARNING), ConfigLoader.load(file).severityOf(Code.BIBTEX_SYNTAX));
    }

    @Test
    void unknownTopLevelKey() {
        assertContains(failure("{\"chekcs\": {}}").getMessage(), "$.chekcs", "chekcs", "checks", "diagnostics");
        assertContains(failure("{\"foo.bar\": 1}").getMessage(), "$.foo.bar", "checks");
    }

    @Test
    void unknownCheckCodeListsValidCodes() {
        String m = failure("{\"checks\": {\"duplicate-entries\": \"off\"}}").getMessage();
        assertContains(m, "$.checks.duplicate-entries", "duplicate-entries");
        for (Code code : Code.values()) {
            assertContains(m, code.id());
        }
    }

    @Test
    void badSeverity() {
        assertContains(failure("{\"checks\": {\"duplicate-entry\": \"fatal\"}}").getMessage(),
                "$.checks.duplicate-entry", "fatal", "off", "error", "warning", "information", "hint");
        assertContains(failure("{\"checks\": {\"duplicate-entry\": false}}").getMessage(),
                "$.checks.duplicate-entry", "boolean");
    }

    @Test
    void wrongTypes() {
        assertContains(failure("[]").getMessage(), "$", "object");
        assertContains(failure("{\"checks\": []}").getMessage(), "$.checks", "object");
        assertContains(failure("{\"requiredFields\": {\"article\": \"doi\"}}").getMessage(),
                "$.requiredFields.article", "array");
        assertContains(failure("{\"requiredFields\": {\"article\": [1]}}").getMessage(),
                "$.requiredFields.article[0]", "field name");
        assertContains(failure("{\"requiredFields\": {\"article\": [\"author|\"]}}").getMessage(),
                "$.requiredFields.article[0]", "empty");
        assertContains(failure("{\"diagnostics\": {\"debounceMs\": \"fast\"}}").getMessage(),
                "$.diagnostics.debounceMs", "integer");
        assertContains(failure("{\"diagnostics\": {\"debounceMs\": -1}}").getMessage(),
                "$.diagnostics.debounceMs", "non-negative");
        assertContains(failure("{\"diagnostics.debounceMs\": 1.5}").getMessage(), "$.diagnostics.debounceMs");
        assertContains(failure("{\"diagnostics\": {\"delay\": 1}}").getMessage(),
                "$.diagnostics.delay", "debounceMs");
    }

    @Test
    void fileErrorsNameTheFile() throws Exception {
        Path file = dir.resolve("conf.json");
        Files.writeString(file, "{\"checks\": {\"nope\": \"off\"}}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertContains(e.getMessage(), file.toString(), "$.checks.nope");
    }

    @Test
    void malformedJson() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"checks\": {\"duplicate-entry\": ");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertContains(e.getMessage(), file.toString(), "malformed JSON");
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("missing.json");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals("cannot read config file " + file + ": no such file", e.getMessage());
    }

    /**
     * Messages for people, not Java programmers; and a setting given twice is an error, not the last one silently
     * (found by QA).
     */
    @Test
    void trailingTextAndNamesGivenTwiceAreErrorsInPlainWords() throws Exception {
        Path trail = dir.resolve("trail.json");
        Files.writeString(trail, "{\"checks\": {}} x");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(trail));
        assertTrue(e.getMessage().startsWith(trail + ": malformed JSON: "), e.getMessage());
        assertTrue(!e.getMessage().contains("JsonReader") && !e.getMessage().contains("https://")
                && e.getMessage().contains("line 1 column"), e.getMessage());
        Path twice = dir.resolve("twice.json");
        Files.writeString(twice, "{\"checks\": {\"empty-field\": \"off\", \"empty-field\": \"error\"}}");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(twice));
        assertEquals(twice + ": malformed JSON: 'empty-field' is given twice in the same object (at $.checks.empty-field)",
                e.getMessage());
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "\uFEFF{\"checks\": {\"empty-field\": \"off\"}, \"diagnostics\": {\"debounceMs\": 150}}\n");
        assertEquals(150, ConfigLoader.load(ok).debounceMs());
    }
}
