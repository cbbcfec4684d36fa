package dev.bibmark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTagsTest {
    private static List<String> actions(String fixture, List<String> tags) {
        Fixture f = Fixture.of(fixture);
        Document d = f.cursorDocument();
        return StatusTags.actions(d, f.cursor(), tags).stream().map(a -> (a.preferred() ? "* " : "") + a.title() + " => "
                + Edit.apply(d.text(), List.of(a.edit())).lines().findFirst().orElse("")).toList();
    }

    @Test
    void togglesReadAndUnread() {
        assertEquals(List.of("* Mark as UNREAD => #### Attention [`UNREAD`]"),
                actions("#### Atten$0tion [`READ`]\n", StatusTags.DEFAULT_TAGS));
        assertEquals(List.of("* Mark as READ => #### Attention [`READ`]"),
                actions("#### Attention [`UNREAD`]$0\n", StatusTags.DEFAULT_TAGS));
    }

    @Test
    void cyclesAConfiguredListAndOffersTheOthers() {
        List<String> tags = List.of("TODO", "READING", "READ");
        assertEquals(List.of("* Mark as READ => #### P [`READ`]", "Mark as TODO => #### P [`TODO`]"),
                actions("$0#### P [`READING`]\n", tags));
        assertEquals(List.of("* Mark as TODO => #### P [`TODO`]", "Mark as READING => #### P [`READING`]"),
                actions("#### P [`READ`]$0\n", tags));
        // A tag outside the list moves to the first one.
        assertEquals(List.of("* Mark as TODO => #### P [`TODO`]", "Mark as READING => #### P [`READING`]",
                "Mark as READ => #### P [`READ`]"), actions("#### P [`SKIMMED`]$0\n", tags));
    }

    @Test
    void addsATagToAPaperHeadingWithoutOne() {
        String fixture = "#### Pap$0er\n\n```bibtex\n@misc{a, title = {Paper}}\n```\n";
        assertEquals(List.of("Add status tag READ => #### Paper [`READ`]", "Add status tag UNREAD => #### Paper [`UNREAD`]"),
                actions(fixture, StatusTags.DEFAULT_TAGS));
    }

    @Test
    void nothingOffPaperHeadings() {
        assertEquals(List.of(), actions("# Reading list$0\n\nprose\n", StatusTags.DEFAULT_TAGS));
        assertEquals(List.of(), actions("#### P [`READ`]\n\nsome $0prose\n", StatusTags.DEFAULT_TAGS));
    }

    private static List<String> completions(String fixture, List<String> tags) {
        Fixture f = Fixture.of(fixture);
        Document d = f.cursorDocument();
        return StatusTags.complete(d, f.cursor(), tags).stream()
                .map(i -> i.tag() + "@" + d.text().substring(i.replace().start(), i.replace().end())).toList();
    }

    @Test
    void completesInsideTheTagAndWhileTypingOne() {
        assertEquals(List.of("READ@UNR", "UNREAD@UNR"), completions("#### P [`UN$0R`]\n", StatusTags.DEFAULT_TAGS));
        assertEquals(List.of("READ@", "UNREAD@"), completions("#### P [`$0\n", StatusTags.DEFAULT_TAGS));
        assertEquals(List.of("TODO@RE", "READ@RE"), completions("#### P [`RE$0`]\n", List.of("TODO", "READ")));
    }

    @Test
    void noCompletionOutsideATag() {
        assertEquals(List.of(), completions("#### P$0 [`READ`]\n", StatusTags.DEFAULT_TAGS));
        assertEquals(List.of(), completions("Text [`$0\n", StatusTags.DEFAULT_TAGS));
    }
}
