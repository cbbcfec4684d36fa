package dev.bibmark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.bibmark.format.FormatOptions;
import dev.bibmark.format.FormatOptions.Delimiters;
import dev.bibmark.format.FormatOptions.FieldOrder;
import dev.bibmark.format.FormatOptions.Numbers;
import org.junit.jupiter.api.Test;

/** The {@code format} section of {@code .bibmark.json} (and of the client's {@code bibmark.format} settings). */
class ConfigFormatTest {
    private static Config json(String text) throws ConfigException {
        return ConfigLoader.fromJson(JsonParser.parseString(text));
    }

    private static String failure(String text) {
        return assertThrows(ConfigException.class, () -> json(text)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + message + "' should contain '" + part + "'");
        }
    }

    @Test
    void everyOption() throws Exception {
        Config c = json("""
                {"format": {"indent": "\\t", "alignEquals": true, "spaceAroundEquals": true, "fieldOrder": "standard",
                            "delimiters": "quotes", "lowercaseTypes": false, "lowercaseFieldNames": true,
                            "trailingComma": false, "numbers": "UNBRACED"}}
                """);
        assertEquals(new FormatOptions("\t", true, true, FieldOrder.STANDARD, Delimiters.QUOTES, false, true, false,
                Numbers.UNBRACED), c.format());
    }

    @Test
    void defaultsAndPartialSettings() throws Exception {
        assertEquals(FormatOptions.DEFAULT, json("{}").format());
        assertEquals(FormatOptions.DEFAULT, Config.DEFAULT.format());
        assertEquals(FormatOptions.DEFAULT.withIndent("  "), json("{\"format\": {\"indent\": 2}}").format());
        assertEquals(FormatOptions.DEFAULT.withNumbers(Numbers.KEEP).withDelimiters(Delimiters.KEEP),
                json("{\"format.numbers\": \"keep\", \"format\": {\"delimiters\": \"keep\"}}").format());
    }

    @Test
    void strictErrors() {
        assertContains(failure("{\"format\": {\"indnet\": 2}}"), "$.format.indnet", "indent", "trailingComma");
        assertContains(failure("{\"format\": {\"indent\": \"xx\"}}"), "$.format.indent", "spaces and tabs");
        assertContains(failure("{\"format\": {\"indent\": -1}}"), "$.format.indent");
        assertContains(failure("{\"format\": {\"indent\": 2.5}}"), "$.format.indent");
        assertContains(failure("{\"format\": {\"indent\": true}}"), "$.format.indent", "boolean");
        assertContains(failure("{\"format\": {\"alignEquals\": \"yes\"}}"), "$.format.alignEquals", "true or false");
        assertContains(failure("{\"format\": {\"fieldOrder\": \"alpha\"}}"), "$.format.fieldOrder", "alpha", "keep, standard");
        assertContains(failure("{\"format\": {\"delimiters\": 1}}"), "$.format.delimiters", "braces, quotes, keep");
        assertContains(failure("{\"format\": {\"numbers\": \"bare\"}}"), "$.format.numbers", "unbraced, braced, keep");
        assertContains(failure("{\"format\": []}"), "$.format", "object");
        assertContains(failure("{\"format.nope\": 1}"), "$.format.nope");
    }
}
