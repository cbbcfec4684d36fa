package dev.bibmark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CslBibliographyTest {
    @Test
    void cslJsonIdsAreReadAndEverythingElseSkipped() {
        String json = "\uFEFF[\n {\"type\": \"article-journal\", \"id\": \"smith2020\", \"author\": [{\"family\": \"Smith\","
                + " \"id\": \"nested-not-a-key\"}], \"title\": \"T\"},\n {\"id\": 42},\n {\"title\": \"no id\"},\n"
                + " {\"id\": \"  spaced  \", \"issued\": {\"date-parts\": [[2020, 1]]}}\n]";
        assertEquals(List.of("smith2020", "42", "spaced"), CslBibliography.ids("refs.JSON", json));
        assertEquals(List.of("one"), CslBibliography.jsonIds("{\"id\": \"one\"}"));
        assertEquals(List.of(), CslBibliography.jsonIds("[]"));
    }

    @Test
    void textThatIsNotCslJsonGetsAMessageThatSaysWhere() {
        IllegalArgumentException syntax = assertThrows(IllegalArgumentException.class,
                () -> CslBibliography.jsonIds("[{\"id\": \"a\"}\n, {\"id\" \"b\"}]"));
        assertEquals("not valid JSON: Expected ':' at line 2 column 10 path $[1].id", syntax.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CslBibliography.jsonIds("[{\"id\": \"a\",}]"));
        // Gson's advice for programmers is not passed on (found by QA).
        IllegalArgumentException unquoted = assertThrows(IllegalArgumentException.class,
                () -> CslBibliography.jsonIds("[{\"id\": a b}]"));
        assertTrue(unquoted.getMessage().startsWith("not valid JSON: ") && !unquoted.getMessage().contains("JsonReader"),
                unquoted.getMessage());
        IllegalArgumentException notArray = assertThrows(IllegalArgumentException.class, () -> CslBibliography.jsonIds("\"x\""));
        assertEquals("not CSL JSON: expected an array of items, found a string", notArray.getMessage());
        IllegalArgumentException notObject = assertThrows(IllegalArgumentException.class,
                () -> CslBibliography.jsonIds("[{\"id\": \"a\"}, 3]"));
        assertTrue(notObject.getMessage().contains("item 2 is not an object"), notObject.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CslBibliography.jsonIds(""));
        assertThrows(IllegalArgumentException.class, () -> CslBibliography.jsonIds("[{\"id\": \"a\"}] trailing"));
    }

    @Test
    void cslYamlIdsAreReadFromTheItemLines() {
        String yaml = "---\nreferences:\n- type: article-journal\n  id: WatsonCrick1953\n  author:\n  - family: Watson\n"
                + "    given: J. D.\n- id: \"quoted:key\"   \n  title: 'Molecular structure'\n-   id: 'single' # a comment\n"
                + "- id: plain # comment\n  note: \"id: not-a-key\"\n...\n";
        assertEquals(List.of("WatsonCrick1953", "quoted:key", "single", "plain"), CslBibliography.ids("refs.yaml", yaml));
        assertEquals(List.of("a"), CslBibliography.ids("r.yml", "references:\r\n  - id: a\r\n"));
    }

    /** Found by QA round 2: a key inside a block scalar, and files that are not CSL at all. */
    @Test
    void blockScalarsAreTextAndFilesWithoutItemsAreNamed() {
        String yaml = "references:\n- id: real1\n  title: |\n    A title that quotes\n    - id: fake1\n  abstract: >-\n"
                + "      id: fake2\n- title: >\n    - id: fake3\n  id: real2\n";
        assertEquals(List.of("real1", "real2"), CslBibliography.ids("refs.yaml", yaml));
        for (String[] notCsl : new String[][] {{"a.yaml", "just some text\n"}, {"a.json", "{\"a\": 1}"},
                {"a.json", "{\"items\": [{\"id\": \"x\"}]}"}, {"a.yml", "references:\n  - title: no id\n"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CslBibliography.ids(notCsl[0], notCsl[1]));
            assertEquals("no CSL items with an \"id\" found", e.getMessage(), notCsl[1]);
        }
        assertEquals(List.of(), CslBibliography.ids("a.json", "[]"));
        assertEquals(List.of(), CslBibliography.ids("a.yaml", ""));
    }

    @Test
    void theFormatFollowsTheExtension() {
        assertTrue(CslBibliography.isCsl("refs.json"));
        assertTrue(CslBibliography.isCsl("dir/refs.YAML"));
        assertTrue(CslBibliography.isCsl("refs.yml"));
        assertFalse(CslBibliography.isCsl("refs.bib"));
        assertFalse(CslBibliography.isCsl("refs.ris"));
    }
}
