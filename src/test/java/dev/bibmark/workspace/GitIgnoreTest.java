package dev.bibmark.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitIgnoreTest {
    private static GitIgnore of(String... lines) {
        return GitIgnore.parse(List.of(lines));
    }

    @Test
    void commentsAndBlankLinesIgnored() {
        GitIgnore g = of("# a.md", "", "   ");
        assertEquals(Optional.empty(), g.match("a.md", false));
        assertEquals(Optional.empty(), g.match("# a.md", false));
    }

    @Test
    void patternWithoutSlashMatchesAtAnyDepth() {
        GitIgnore g = of("*.bib");
        assertTrue(g.isIgnored("a.bib", false));
        assertTrue(g.isIgnored("x/y/a.bib", false));
        assertFalse(g.isIgnored("a.md", false));
    }

    @Test
    void negation() {
        GitIgnore g = of("*.md", "!keep.md");
        assertTrue(g.isIgnored("a.md", false));
        assertEquals(Optional.of(false), g.match("keep.md", false));
        assertEquals(Optional.of(false), g.match("sub/keep.md", false));
    }

    @Test
    void trailingSlashMatchesDirectoriesOnly() {
        GitIgnore g = of("build/");
        assertTrue(g.isIgnored("build", true));
        assertTrue(g.isIgnored("a/build", true));
        assertFalse(g.isIgnored("build", false));
    }

    @Test
    void leadingSlashAnchors() {
        GitIgnore g = of("/draft.md");
        assertTrue(g.isIgnored("draft.md", false));
        assertFalse(g.isIgnored("sub/draft.md", false));
    }

    @Test
    void innerSlashAnchors() {
        GitIgnore g = of("docs/*.md");
        assertTrue(g.isIgnored("docs/a.md", false));
        assertFalse(g.isIgnored("x/docs/a.md", false));
        assertFalse(g.isIgnored("docs/sub/a.md", false));
    }

    @Test
    void wildcards() {
        GitIgnore g = of("note?.md", "[abc]*.bib", "[!x]y.md");
        assertTrue(g.isIgnored("note1.md", false));
        assertFalse(g.isIgnored("note12.md", false));
        assertTrue(g.isIgnored("beta.bib", false));
        assertFalse(g.isIgnored("delta.bib", false));
        assertTrue(g.isIgnored("zy.md", false));
        assertFalse(g.isIgnored("xy.md", false));
    }

    @Test
    void doubleStar() {
        GitIgnore g = of("**/gen/*.md", "logs/**", "a/**/b.md");
        assertTrue(g.isIgnored("gen/x.md", false));
        assertTrue(g.isIgnored("p/q/gen/x.md", false));
        assertTrue(g.isIgnored("logs/x/y.md", false));
        assertFalse(g.isIgnored("logs", true));
        assertTrue(g.isIgnored("a/b.md", false));
        assertTrue(g.isIgnored("a/x/y/b.md", false));
    }

    @Test
    void starDoesNotCrossSlash() {
        GitIgnore g = of("/*.md");
        assertTrue(g.isIgnored("a.md", false));
        assertFalse(g.isIgnored("d/a.md", false));
    }
}
