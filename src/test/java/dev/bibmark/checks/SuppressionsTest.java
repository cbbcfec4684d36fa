package dev.bibmark.checks;

import static dev.bibmark.checks.Fixtures.bib;
import static dev.bibmark.checks.Fixtures.e;
import static dev.bibmark.checks.Fixtures.md;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    private static List<String> run(Document d) {
        return Checker.runDocument(d, Config.DEFAULT, s -> { }).stream()
                .map(f -> f.code().id() + "@" + d.lines().line(f.range().start())).toList();
    }

    @Test
    void markdownNextLineSilencesWholeNextFence() {
        Document d = md("a.md")
                .line("<!-- bibmark-disable-next-line unknown-entry-type -->")
                .line("")
                .fence(e("online", "a"), e("www", "b", "title", "{}"))
                .fence(e("online", "c")).build();
        assertEquals(List.of("empty-field@4", "unknown-entry-type@7"), run(d));
    }

    /** A code named twice (a pasted comment) silences that code; it once threw and lost every check's findings. */
    @Test
    void aCodeNamedTwiceIsNamedOnce() {
        Document d = md("a.md")
                .line("<!-- bibmark-disable-next-line unknown-entry-type, unknown-entry-type ,, -->")
                .line("")
                .fence(e("online", "a"), e("www", "b", "title", "{}")).build();
        assertEquals(List.of("empty-field@4"), run(d));
        Document bib = Documents.parse("a.bib", "% bibmark-disable empty-field empty-field\n@misc{a, title = {}}\n@online{b}\n");
        assertEquals(List.of(Code.UNKNOWN_ENTRY_TYPE), Checker.run(List.of(bib), Config.DEFAULT).stream().map(Finding::code).toList());
    }

    @Test
    void markdownNextLineWithoutCodesSilencesAll() {
        Document d = md("a.md").line("<!-- bibmark-disable-next-line -->")
                .fence(e("online", "a", "title", "{}")).build();
        assertEquals(List.of(), run(d));
    }

    @Test
    void markdownNextLineOnlyNextLineWhenNoFenceFollows() {
        Document d = md("a.md").line("<!-- bibmark-disable-next-line -->").line("prose")
                .fence(e("online", "a")).build();
        assertEquals(List.of("unknown-entry-type@3"), run(d));
    }

    @Test
    void markdownDisableEnable() {
        Document d = md("a.md").fence(e("online", "a"))
                .line("<!-- bibmark-disable unknown-entry-type empty-field -->")
                .fence(e("online", "b", "title", "{}"))
                .line("<!-- bibmark-enable unknown-entry-type -->")
                .fence(e("online", "c", "note", "{}")).build();
        assertEquals(List.of("unknown-entry-type@1", "unknown-entry-type@9"), run(d));
    }

    @Test
    void markdownOtherCommentsIgnored() {
        Document d = md("a.md").line("<!-- just a note -->").fence(e("online", "a")).build();
        assertEquals(List.of("unknown-entry-type@2"), run(d));
    }

    @Test
    void bibNextLineSilencesNextEntry() {
        Document d = bib("a.bib").line("% bibmark-disable-next-line unknown-entry-type")
                .line("")
                .add(e("online", "a", "title", "{}"), e("online", "b")).build();
        assertEquals(List.of("empty-field@2", "unknown-entry-type@3"), run(d));
    }

    @Test
    void bibDisableEnable() {
        Document d = bib("a.bib").line("%% bibmark-disable").add(e("online", "a"))
                .line("% bibmark-enable").add(e("online", "b")).build();
        assertEquals(List.of("unknown-entry-type@3"), run(d));
    }

    @Test
    void bibDisableWithoutEnableRunsToEnd() {
        Document d = bib("a.bib").add(e("online", "a")).line("% bibmark-disable unknown-entry-type")
                .add(e("online", "b"), e("online", "c")).build();
        assertEquals(List.of("unknown-entry-type@0"), run(d));
        assertTrue(Suppressions.of(bib("x.bib").build()).filter(List.of()).isEmpty());
    }
}
