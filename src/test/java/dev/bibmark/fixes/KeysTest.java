package dev.bibmark.fixes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bibmark.bibtex.BibParser;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeysTest {
    @Test
    void surnameYearFirstSignificantWord() {
        assertEquals("vaswani2017attention", Keys.generate("Vaswani, Ashish and Shazeer, Noam", "2017",
                "Attention Is All You Need", Set.of()));
        assertEquals("vaswani2017attention", Keys.generate("Ashish Vaswani and Noam Shazeer", "{2017}",
                "{Attention} is all you need", Set.of()));
        // Small words are skipped; LaTeX is decoded and diacritics are stripped.
        assertEquals("muller2001uber", Keys.generate("M{\\\"u}ller, J{\\\"o}rg", "2001", "The {\\\"U}ber Paper",
                Set.of()));
        assertEquals("beethoven1808on", Keys.generate("Ludwig van Beethoven", "1808", "On the of a", Set.of()));
        assertEquals("beethoven1808symphony", Keys.generate("van Beethoven, Ludwig", "1808", "A Symphony",
                Set.of()));
        assertEquals("openai2023gpt", Keys.generate("{OpenAI}", "2023", "{GPT-4} Technical Report", Set.of()));
        assertEquals("zhang2024", Keys.generate("Zhang, Y.", "March 2024", null, Set.of()));
        assertEquals("delafuente2020deep", Keys.generate("{de la Fuente}, Ana", "2020", "Deep", Set.of()));
        assertEquals("lee2021long", Keys.generate("Lee, K. and {Research Group}", "2021", "Long", Set.of()));
        assertEquals("key", Keys.generate("", "", "", Set.of()));
    }

    @Test
    void suffixWhenTaken() {
        assertEquals("smith2020deep", Keys.generate("Smith, J", "2020", "Deep", Set.of("smith2020other")));
        assertEquals("smith2020deepb", Keys.generate("Smith, J", "2020", "Deep", Set.of("smith2020deep")));
        // Taken is compared ignoring case, as BibTeX compares keys.
        assertEquals("smith2020deepc", Keys.generate("Smith, J", "2020", "Deep",
                Set.of("Smith2020Deep", "smith2020deepb")));
        assertEquals("b", Keys.suffix(1));
        assertEquals("z", Keys.suffix(25));
        assertEquals("bb", Keys.suffix(26));
    }

    @Test
    void fromAnEntryWithEditorDateAndMacros() {
        var e = BibParser.parse("@book{x, editor = {Knuth, Donald}, date = {1984-01-01}, title = tb}").entries().get(0);
        assertEquals("knuth1984texbook", Keys.generate(e, Map.of("tb", "The TeXbook"), Set.of()));
    }
}
