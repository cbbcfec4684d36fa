package dev.bibmark.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pandoc's {@code bibliography:} in YAML front matter: the forms Pandoc and Quarto accept, and what is not front matter. */
class FrontMatterTest {
    @Test
    void theFormsOfTheKey() {
        assertEquals(List.of("refs.bib"), FrontMatter.bibliography("---\ntitle: x\nbibliography: refs.bib\n---\n# H\n"));
        assertEquals(List.of("a.bib", "b b.bib"),
                FrontMatter.bibliography("---\nbibliography: [a.bib, \"b b.bib\"]\n...\n"));
        assertEquals(List.of("lib/a.bib", "b.bib"),
                FrontMatter.bibliography("\uFEFF---\r\nbibliography:\r\n  - lib/a.bib\r\n  - 'b.bib' # main\r\nlink: x\r\n---\r\n"));
        assertEquals(List.of("refs.bib"), FrontMatter.bibliography("---\nbibliography: \"refs.bib\"\n---"));
    }

    @Test
    void notFrontMatter() {
        assertEquals(List.of(), FrontMatter.bibliography("# H\n\n---\nbibliography: refs.bib\n---\n"));
        assertEquals(List.of(), FrontMatter.bibliography("---\nbibliography: refs.bib\n"), "never closed");
        assertEquals(List.of(), FrontMatter.bibliography("--- x\nbibliography: refs.bib\n---\n"));
        assertEquals(List.of(), FrontMatter.bibliography("---\ntitle: x\n---\nbibliography: refs.bib\n"));
        assertEquals(List.of(), FrontMatter.bibliography("---\n  bibliography: nested.bib\n---\n"), "not a top-level key");
        assertEquals(List.of(), FrontMatter.bibliography(""));
    }
}
