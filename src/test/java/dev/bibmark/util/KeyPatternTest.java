package dev.bibmark.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyPatternTest {
    private static final Map<String, String> ENTRY = Map.of(
            "author", "Lindner, David and Kram{\\'a}r, J{\\'a}nos and Rahtz, Matthew",
            "title", "An awesome paper on {JabRef}: Tracr-style",
            "year", "2023",
            "pages", "17018--17044",
            "journal", "Journal of Fish Biology");

    private static String expand(String pattern, Map<String, String> fields) {
        return KeyPattern.parse(pattern).expand("article", fields).orElse("<empty>");
    }

    private static String expand(String pattern) {
        return expand(pattern, ENTRY);
    }

    @Test
    void googleScholarStyle() {
        assertEquals("lindner2023awesome", expand("[auth:lower][year][veryshorttitle:lower]"));
        assertEquals("belkin2018understand", expand("[auth:lower][year][veryshorttitle:lower]",
                Map.of("author", "Mikhail Belkin and Siyuan Ma", "title", "To understand deep learning", "year", "2018")));
        assertEquals("vaswani2017attention", expand("[auth:lower][year][veryshorttitle:lower]",
                Map.of("author", "Ashish Vaswani and others", "title", "Attention Is All You Need", "year", "2017")));
    }

    @Test
    void authorMarkers() {
        assertEquals("Lindner", expand("[auth]"));
        assertEquals("Lin", expand("[auth3]"));
        assertEquals("Kra", expand("[auth3_2]"));
        assertEquals("LindnerKramarRahtz", expand("[authors]"));
        assertEquals("LindnerKramarEtAl", expand("[authors2]"));
        assertEquals("LindnerEtAl", expand("[authEtAl]"));
        assertEquals("Lindner.etal", expand("[auth.etal]"));
        assertEquals("Lindner.Kramar.ea", expand("[auth.auth.ea]"));
        assertEquals("Rahtz", expand("[authorLast]"));
        assertEquals("LindnKR", expand("[authorIni]"));
        assertEquals("LKR", expand("[authshort]"));
        assertEquals("D", expand("[authForeIni]"));
        Map<String, String> two = Map.of("author", "Ludwig van Beethoven and Doe, Jane");
        assertEquals("BeethovenDoe", expand("[authEtAl]", two));
        assertEquals("Beethoven.Doe", expand("[auth.etal]", two));
        assertEquals("Doe", expand("[auth]", Map.of("author", "Doe, Jr., John")));
        assertEquals("NVIDIACorporation", expand("[auth]", Map.of("author", "{NVIDIA Corporation}")));
    }

    @Test
    void editorFallbackAndPureauth() {
        Map<String, String> edited = Map.of("editor", "Smith, Ann", "title", "Proceedings");
        assertEquals("Smith", expand("[auth]", edited));
        assertEquals("Smith", expand("[edtr]", edited));
        assertEquals("<empty>", expand("[pureauth]", edited));
    }

    @Test
    void titleAndOtherMarkers() {
        assertEquals("awesome", expand("[veryshorttitle:lower]"));
        assertEquals("awesomepaperJabRef", expand("[shorttitle]"));
        assertEquals("AnAwesomePaperOnJabRefTracrStyle", expand("[camel]"));
        assertEquals("AnAwesome", expand("[camel2]"));
        assertEquals("AnAwesomePaperonJabRefTracrStyle", expand("[title]"));
        assertEquals("23", expand("[shortyear]"));
        assertEquals("Article", expand("[entrytype]"));
        assertEquals("17018", expand("[firstpage]"));
        assertEquals("17044", expand("[lastpage]"));
        assertEquals("JournalofFishBiology", expand("[journal]"));
        assertEquals("2021", expand("[year]", Map.of("date", "2021-05-03")));
    }

    @Test
    void modifiersAndLiterals() {
        assertEquals("LINDNER", expand("[auth:upper]"));
        assertEquals("Lindner", expand("[auth:lower:capitalize]"));
        assertEquals("JoFB", expand("[journal:abbr]"));
        assertEquals("Lind", expand("[auth:truncate4]"));
        assertEquals("lindner_2023", expand("[auth:lower]_[year]"));
        assertEquals("nd", expand("[volume:(nd)]"));
        assertEquals("Lindner", expand("[auth:(anon)]"));
    }

    @Test
    void emptyMarkerMeansNoJudgement() {
        KeyPattern p = KeyPattern.parse("[auth:lower][year][veryshorttitle:lower]");
        assertEquals(Optional.empty(), p.expand("misc", Map.of("title", "Only a title", "year", "2020")));
        assertEquals("2020only", p.expandLenient("misc", Map.of("title", "Only a title", "year", "2020")));
    }

    @Test
    void unicodeIsFoldedToAscii() {
        assertEquals("muller2020uber", expand("[auth:lower][year][veryshorttitle:lower]",
                Map.of("author", "M{\\\"u}ller, Hans", "title", "Über {\\O}rsted", "year", "2020")));
        assertEquals("Orsted", expand("[auth]", Map.of("author", "Hans Ørsted")));
    }

    @Test
    void parseErrors() {
        for (String bad : List.of("", "   ", "[auth", "auth]", "[]", "[veryshortitle]", "[auth:lowr]", "key",
                "[auth] [year]", "[auth]{x}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyPattern.parse(bad), bad);
            assertTrue(!e.getMessage().isBlank());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyPattern.parse("[veryshortitle]"))
                .getMessage().contains("unknown marker '[veryshortitle]'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyPattern.parse("[auth:lowr]"))
                .getMessage().contains("unknown modifier ':lowr'"));
    }
}
