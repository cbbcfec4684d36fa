package dev.bibmark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.bibtex.SyntaxError.Kind;
import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.markdown.Fence;
import dev.bibmark.text.TextRange;
import dev.bibmark.workspace.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end positions: a whole document goes through {@link Documents#parse} and
 * {@link Checker#run}, and every expected range is a literal {@code line:character-line:character}
 * (0-based, UTF-16 code units, as the server publishes and {@code check --format json} prints).
 * The numbers are counted by hand from the fixture lines, which are written one per array element
 * so that the array index is the line number.
 */
class DocumentPositionsTest {

    /** The entry after every broken one: its key and its empty-field finding prove recovery. */
    private static final String OK = "@misc{ok, note = {}}";

    // ---------------------------------------------------------------- helpers

    static String lines(String... ls) {
        return String.join("\n", ls) + "\n";
    }

    static String at(Document d, TextRange r) {
        return d.lines().line(r.start()) + ":" + d.lines().character(r.start()) + "-"
                + d.lines().line(r.end()) + ":" + d.lines().character(r.end());
    }

    /** Parses and checks; fails on a check that throws and on any unsound range (see {@link PositionInvariants}). */
    static Result check(String path, String text) {
        Document d = Documents.parse(path, text);
        List<String> failures = new ArrayList<>();
        List<Finding> fs = Checker.run(List.of(d), Config.DEFAULT, failures::add);
        assertEquals(List.of(), failures, "checks that threw");
        PositionInvariants.assertSound(d, fs);
        return new Result(d, fs);
    }

    record Result(Document doc, List<Finding> findings) {
        /** Every finding as {@code code l:c-l:c}, in the checker's order. */
        List<String> codes() {
            return findings.stream().map(f -> f.code().id() + " " + at(doc, f.range())).toList();
        }

        /** Every syntax error as {@code KIND l:c-l:c}, block by block. */
        List<String> errors() {
            List<String> out = new ArrayList<>();
            for (Block b : doc.blocks()) {
                for (SyntaxError e : b.bib().errors()) {
                    out.add(e.kind() + " " + at(doc, e.range()));
                }
            }
            return out;
        }

        /** Every entry as {@code key@l:c-l:c} (the key range). */
        List<String> keys() {
            return doc.entries().stream().map(e -> e.key() + "@" + at(doc, e.keyRange())).toList();
        }

        BibEntry entry(String key) {
            return doc.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
        }

        String fieldNames(String key) {
            return entry(key).fields().stream().map(f -> f.name() + "@" + at(doc, f.nameRange()))
                    .collect(Collectors.joining(" "));
        }

        List<String> fences() {
            return doc.markdownIndex().fences().stream()
                    .map(f -> f.language() + (f.closed() ? "" : "(open)") + "@" + at(doc, f.range())).toList();
        }
    }

    // ---------------------------------------------------------------- every SyntaxError.Kind in a fence

    /**
     * One broken fixture per kind. Each document is {@code # Paper}, a blank line, and a fence opened
     * on line 2; the broken lines start on line 3, and a later entry (mostly {@link #OK}) shows that
     * parsing and checking went on after the error.
     */
    record KindFixture(Kind kind, String text, List<String> errors, List<String> findings, List<String> keys) {
        @Override
        public String toString() {
            return kind.name();
        }
    }

    static Stream<KindFixture> kindFixtures() {
        return Stream.of(
                new KindFixture(Kind.EXPECTED_OPEN, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@misc broken,",
                        OK,
                        "```"),
                        List.of("EXPECTED_OPEN 3:5-3:5"),
                        List.of("bibtex-syntax 3:5-3:5", "empty-field 4:10-4:19"),
                        List.of("ok@4:6-4:8")),
                new KindFixture(Kind.EXPECTED_KEY, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@misc{, note = {x}}",
                        "@misc{title = {T}}",
                        OK,
                        "```"),
                        List.of("EXPECTED_KEY 3:6-3:6", "EXPECTED_KEY 4:6-4:6"),
                        List.of("bibtex-syntax 3:6-3:6", "bibtex-syntax 4:6-4:6", "empty-field 5:10-5:19"),
                        List.of("@3:6-3:6", "@4:6-4:6", "ok@5:6-5:8")),
                new KindFixture(Kind.EXPECTED_COMMA, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@misc{k",
                        "  note = {x}}",
                        "@misc{j, note = {x}",
                        "  year = 2020}",
                        OK,
                        "```"),
                        List.of("EXPECTED_COMMA 3:7-3:7", "EXPECTED_COMMA 5:19-5:19"),
                        List.of("bibtex-syntax 3:7-3:7", "bibtex-syntax 5:19-5:19", "empty-field 7:10-7:19"),
                        List.of("k@3:6-3:7", "j@5:6-5:7", "ok@7:6-7:8")),
                new KindFixture(Kind.EXPECTED_EQUALS, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@misc{k, note {x}}",
                        OK,
                        "```"),
                        List.of("EXPECTED_EQUALS 3:13-3:13"),
                        List.of("bibtex-syntax 3:13-3:13", "empty-field 4:10-4:19"),
                        List.of("k@3:6-3:7", "ok@4:6-4:8")),
                new KindFixture(Kind.EXPECTED_VALUE, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@misc{k, note = , year = 2020}",
                        OK,
                        "```"),
                        List.of("EXPECTED_VALUE 3:16-3:16"),
                        List.of("bibtex-syntax 3:16-3:16", "empty-field 4:10-4:19"),
                        List.of("k@3:6-3:7", "ok@4:6-4:8")),
                new KindFixture(Kind.EXPECTED_FIELD_NAME, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@misc{k,, note = {x}}",
                        "@string{ = {x}}",
                        OK,
                        "```"),
                        List.of("EXPECTED_FIELD_NAME 3:8-3:9", "EXPECTED_FIELD_NAME 4:9-4:10"),
                        List.of("bibtex-syntax 3:8-3:9", "bibtex-syntax 4:9-4:10", "empty-field 5:10-5:19"),
                        List.of("k@3:6-3:7", "ok@5:6-5:8")),
                new KindFixture(Kind.EXPECTED_CLOSE, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@string{venue = {NeurIPS} 2020}",
                        "@preamble{\"p\" x}",
                        OK,
                        "```"),
                        List.of("EXPECTED_CLOSE 3:26-3:27", "EXPECTED_CLOSE 4:14-4:15"),
                        List.of("bibtex-syntax 3:26-3:27", "bibtex-syntax 4:14-4:15", "empty-field 5:10-5:19"),
                        List.of("ok@5:6-5:8")),
                new KindFixture(Kind.UNBALANCED_BRACES, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@misc{k, note = {a {b},",
                        "  year = 2020}",
                        "@misc{j, note = {x}},",
                        "  year = 2020",
                        "}",
                        "@misc{m, note = {a {b}",
                        OK,
                        "```"),
                        List.of("UNBALANCED_BRACES 3:16-3:17", "UNBALANCED_BRACES 5:19-5:20",
                                "UNBALANCED_BRACES 8:16-8:17"),
                        List.of("bibtex-syntax 3:16-3:17", "bibtex-syntax 5:19-5:20", "bibtex-syntax 8:16-8:17",
                                "empty-field 9:10-9:19"),
                        List.of("k@3:6-3:7", "j@5:6-5:7", "m@8:6-8:7", "ok@9:6-9:8")),
                new KindFixture(Kind.UNTERMINATED_STRING, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@misc{k, note = \"x, year = 2020}",
                        OK,
                        "```"),
                        List.of("UNTERMINATED_STRING 3:16-3:17"),
                        List.of("bibtex-syntax 3:16-3:17", "empty-field 4:10-4:19"),
                        List.of("k@3:6-3:7", "ok@4:6-4:8")),
                // The second entry is unterminated at the end of its fence; the next fence is still read.
                new KindFixture(Kind.UNTERMINATED_ENTRY, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@misc{k, note = {x}",
                        "@misc{j, note = {y}",
                        "```",
                        "",
                        "```bibtex",
                        OK,
                        "```"),
                        List.of("UNTERMINATED_ENTRY 3:19-3:19", "UNTERMINATED_ENTRY 4:19-4:19"),
                        List.of("bibtex-syntax 3:19-3:19", "bibtex-syntax 4:19-4:19", "empty-field 8:10-8:19"),
                        List.of("k@3:6-3:7", "j@4:6-4:7", "ok@8:6-8:8")),
                new KindFixture(Kind.UNEXPECTED_CHARACTER, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@{k, note = {x}}",
                        "@misc{j, note = {x}; year = 2020}",
                        OK,
                        "```"),
                        List.of("UNEXPECTED_CHARACTER 3:0-3:1", "UNEXPECTED_CHARACTER 4:19-4:20"),
                        List.of("bibtex-syntax 3:0-3:1", "bibtex-syntax 4:19-4:20", "empty-field 5:10-5:19"),
                        List.of("j@4:6-4:7", "ok@5:6-5:8")),
                new KindFixture(Kind.INCLUDE, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@include{other.bib}",
                        OK,
                        "```"),
                        List.of("INCLUDE 3:0-3:19"),
                        List.of("bibtex-syntax 3:0-3:19", "empty-field 4:10-4:19"),
                        List.of("ok@4:6-4:8")),
                new KindFixture(Kind.COMMENT_IN_ENTRY, lines(
                        "# Paper",
                        "",
                        "```bibtex",
                        "@misc{k, note = {x},",
                        "  % a comment \ud83d\ude00",
                        "  year = 2020}",
                        OK,
                        "```"),
                        List.of("COMMENT_IN_ENTRY 4:2-4:16"),
                        List.of("bibtex-syntax 4:2-4:16", "empty-field 6:10-6:19"),
                        List.of("k@3:6-3:7", "ok@6:6-6:8")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kindFixtures")
    void everySyntaxErrorKindInAFenceHasItsExactPositionAndTheNextEntryIsStillChecked(KindFixture f) {
        Result r = check("papers.md", f.text());
        assertEquals(f.errors(), r.errors());
        assertEquals(f.findings(), r.codes());
        assertEquals(f.keys(), r.keys());
    }

    @Test
    void theKindFixturesCoverEverySyntaxErrorKind() {
        Set<Kind> covered = EnumSet.noneOf(Kind.class);
        kindFixtures().forEach(f -> covered.add(f.kind()));
        assertEquals(EnumSet.allOf(Kind.class), covered);
        // And each fixture really produces the kind it is named after.
        kindFixtures().forEach(f -> assertTrue(
                f.errors().stream().anyMatch(e -> e.startsWith(f.kind().name() + " ")), f.kind().name()));
    }

    @Test
    void unterminatedEntryRangeEndsAtItsLastCharacter() {
        Result r = check("papers.md", kindFixtures().filter(f -> f.kind() == Kind.UNTERMINATED_ENTRY)
                .findFirst().orElseThrow().text());
        BibEntry k = r.entry("k");
        assertFalse(k.closed());
        assertEquals("3:0-3:19", at(r.doc(), k.range()));
        assertEquals(List.of("bibtex@2:0-5:3", "bibtex@7:0-9:3"), r.fences());
    }

    // ---------------------------------------------------------------- line endings, tabs, wide characters, BOM

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void lineEndingsDoNotMovePositions(String eol) {
        String text = String.join(eol,
                "# Paper",
                "",
                "```bibtex",
                "@misc{k,",
                "  note = {x}",
                "  year = 2020,",
                "  title = {",
                "  }}",
                "@misc{j, note {x}}",
                "```") + eol;
        Result r = check("papers.md", text);
        assertEquals(List.of("EXPECTED_COMMA 4:12-4:12", "EXPECTED_EQUALS 8:13-8:13"), r.errors());
        // The empty title spans two lines: from its name to its closing brace.
        assertEquals(List.of("bibtex-syntax 4:12-4:12", "empty-field 6:2-7:3", "bibtex-syntax 8:13-8:13"), r.codes());
        assertEquals(List.of("k@3:6-3:7", "j@8:6-8:7"), r.keys());
        assertEquals("note@4:2-4:6 year@5:2-5:6 title@6:2-6:7", r.fieldNames("k"));
        assertEquals(List.of("bibtex@2:0-9:3"), r.fences());
    }

    @Test
    void tabsBeforeTheErrorCountOneUnitEach() {
        Result r = check("papers.md", lines(
                "# Paper",
                "",
                "```bibtex",
                "@misc{k,\tnote\t{x}}",
                "\t@misc{j,",
                "\t\tnote = {x}\t\tyear = 2020}",
                "```"));
        assertEquals(List.of("EXPECTED_EQUALS 3:13-3:13", "EXPECTED_COMMA 5:12-5:12"), r.errors());
        assertEquals(List.of("bibtex-syntax 3:13-3:13", "bibtex-syntax 5:12-5:12"), r.codes());
        assertEquals(List.of("k@3:6-3:7", "j@4:7-4:8"), r.keys());
        assertEquals("note@5:2-5:6 year@5:14-5:18", r.fieldNames("j"));
    }

    @Test
    void tabIndentedFenceInAListItem() {
        // The tab is 4 columns: 2 belong to the list item, the other 2 are the fence's indent
        // (first item) or part of the content line (second item, whose fence is not indented).
        Result r = check("papers.md", lines(
                "- Paper",
                "\t```bibtex",
                "\t@misc{k, note {x}}",
                "\t```",
                "- ```bibtex",
                "\t@misc{j, note {x}}",
                "  ```"));
        assertEquals(List.of("EXPECTED_EQUALS 2:14-2:14", "EXPECTED_EQUALS 5:14-5:14"), r.errors());
        assertEquals(List.of("k@2:7-2:8", "j@5:7-5:8"), r.keys());
        assertEquals("note@5:10-5:14", r.fieldNames("j"));
    }

    @Test
    void emojiAndCjkBeforeTheErrorOnTheSameLine() {
        Result r = check("papers.md", lines(
                "# 😀 Paper 深度学习",
                "",
                "```bibtex",
                "@misc{k, title = {😀 ok}, note {x}}",
                "@misc{深度, title = {学习}, note {x}}",
                "@misc{😀k, note {x}}",
                "@misc{e, 😀 = {x}}",
                "```"));
        assertEquals(List.of("EXPECTED_EQUALS 3:30-3:30", "EXPECTED_EQUALS 4:28-4:28", "EXPECTED_EQUALS 5:15-5:15",
                "EXPECTED_FIELD_NAME 6:9-6:11"), r.errors());
        assertEquals(List.of("bibtex-syntax 3:30-3:30", "bibtex-syntax 4:28-4:28", "bibtex-syntax 5:15-5:15",
                "bibtex-syntax 6:9-6:11"), r.codes());
        assertEquals(List.of("k@3:6-3:7", "深度@4:6-4:8", "😀k@5:6-5:9", "e@6:6-6:7"), r.keys());
        assertEquals("title@3:9-3:14 note@3:26-3:30", r.fieldNames("k"));
        assertEquals("title@4:10-4:15 note@4:24-4:28", r.fieldNames("深度"));
    }

    @Test
    void byteOrderMarkAtDocumentStart() {
        Result r = check("papers.md", "\uFEFF" + lines(
                "# Paper",
                "",
                "```bibtex",
                "@misc{k, note {x}}",
                OK,
                "```"));
        assertEquals(List.of("EXPECTED_EQUALS 3:13-3:13"), r.errors());
        assertEquals(List.of("bibtex-syntax 3:13-3:13", "empty-field 4:10-4:19"), r.codes());
        assertEquals(List.of("k@3:6-3:7", "ok@4:6-4:8"), r.keys());
        // The BOM is not a character of line 0 (editors do not show or send it): the heading starts at 0:0,
        // one past the mark in the text.
        Block b = r.doc().blocks().get(0);
        assertEquals("Paper", b.paper().heading().title());
        assertEquals(1, b.paper().heading().range().start());
        assertEquals("0:0-0:7", at(r.doc(), b.paper().heading().range()));
        assertEquals(List.of("bibtex@2:0-5:3"), r.fences());

        Result first = check("papers.md", "\uFEFF```bibtex\n@misc{k, note {x}}\n```\n");
        assertEquals(List.of("EXPECTED_EQUALS 1:13-1:13"), first.errors());
        assertEquals(List.of("bibtex@0:0-2:3"), first.fences());
    }

    // ---------------------------------------------------------------- containers

    @Test
    void fencesInBulletAndOrderedListItems() {
        Result r = check("papers.md", lines(
                "# Paper",
                "",
                "- Some paper, [pdf](https://x.org/a.pdf)",
                "",
                "  ```bibtex",
                "  @misc{k,",
                "    note {x}}",
                "  " + OK,
                "  ```",
                "",
                "1. Another paper",
                "   ```bib",
                "   @misc{j, note {x}}",
                "   ```",
                "10. Third paper",
                "    ```bibtex",
                "    @misc{m,",
                "      note = {x}",
                "      year = 2020}",
                "    ```"));
        assertEquals(List.of("EXPECTED_EQUALS 6:8-6:8", "EXPECTED_EQUALS 12:16-12:16", "EXPECTED_COMMA 17:16-17:16"),
                r.errors());
        assertEquals(List.of("bibtex-syntax 6:8-6:8", "empty-field 7:12-7:21", "bibtex-syntax 12:16-12:16",
                "bibtex-syntax 17:16-17:16"), r.codes());
        assertEquals(List.of("k@5:8-5:9", "ok@7:8-7:10", "j@12:9-12:10", "m@16:10-16:11"), r.keys());
        assertEquals("note@17:6-17:10 year@18:6-18:10", r.fieldNames("m"));
        assertEquals(List.of("bibtex@4:2-8:5", "bib@11:3-13:6", "bibtex@15:4-19:7"), r.fences());
    }

    @Test
    void fencesInBlockQuotesNestedQuotesAndAListInAQuote() {
        Result r = check("papers.md", lines(
                "> ```bibtex",
                "> @misc{k, note {x}}",
                ">",
                "> " + OK,
                "> ```",
                "",
                "> Nested:",
                ">",
                "> > ~~~bib",
                "> > @misc{j,",
                "> >   note {x}}",
                "> > ~~~",
                "",
                "> - item",
                ">   ```BibTeX",
                ">   @misc{m, note {x}}",
                ">   ```",
                "",
                ">> ```bibtex",
                ">> @misc{n, note {x}}",
                ">> ```"));
        assertEquals(List.of("EXPECTED_EQUALS 1:15-1:15", "EXPECTED_EQUALS 10:10-10:10", "EXPECTED_EQUALS 15:17-15:17",
                "EXPECTED_EQUALS 19:16-19:16"), r.errors());
        assertEquals(List.of("bibtex-syntax 1:15-1:15", "empty-field 3:12-3:21", "bibtex-syntax 10:10-10:10",
                "bibtex-syntax 15:17-15:17", "bibtex-syntax 19:16-19:16"), r.codes());
        assertEquals(List.of("k@1:8-1:9", "ok@3:8-3:10", "j@9:10-9:11", "m@15:10-15:11", "n@19:9-19:10"), r.keys());
        assertEquals(List.of("bibtex@0:2-4:5", "bib@8:4-11:7", "BibTeX@14:4-16:7", "bibtex@18:3-20:6"), r.fences());
    }

    @Test
    void tildeFencesInfoStringsInAnyCaseAndWhatIsNotBibtex() {
        Result r = check("papers.md", lines(
                "# Paper",
                "",
                "~~~bib",
                "@misc{a, note {x}}",
                "~~~",
                "```BibLaTeX",
                "@misc{b, note {x}}",
                "```",
                "```BIBLATEX {.numberLines}",
                "@misc{c, note {x}}",
                "```",
                "```latex",
                "@misc{d, note {x}}",
                "```",
                "Inline `@misc{e, note {x}}` is ignored.",
                "````bibtex",
                "@misc{f, note {x}}",
                "```",
                "````"));
        assertEquals(List.of("EXPECTED_EQUALS 3:13-3:13", "EXPECTED_EQUALS 6:13-6:13", "EXPECTED_EQUALS 9:13-9:13",
                "EXPECTED_EQUALS 16:13-16:13"), r.errors());
        // The latex block is not read; unmarked-bibtex says so, on its language.
        assertEquals(List.of("bibtex-syntax 3:13-3:13", "bibtex-syntax 6:13-6:13", "bibtex-syntax 9:13-9:13",
                "unmarked-bibtex 11:3-11:8", "bibtex-syntax 16:13-16:13"), r.codes());
        assertEquals(List.of("a@3:6-3:7", "b@6:6-6:7", "c@9:6-9:7", "f@16:6-16:7"), r.keys());
        assertEquals(List.of("bib@2:0-4:3", "BibLaTeX@5:0-7:3", "BIBLATEX@8:0-10:3", "bibtex@15:0-18:4"), r.fences());
    }

    @Test
    void unterminatedFenceEndsWithItsListItem() {
        Result r = check("papers.md", lines(
                "- Paper A",
                "  ```bibtex",
                "  @misc{a, note = {x}",
                "- Paper B",
                "  ```bibtex",
                "  @misc{b, note {x}}",
                "  ```",
                "",
                "- Paper C",
                "  ```bibtex",
                "  @misc{c, note = {x}",
                "",
                "Not in the list: @misc{z, note {x}}"));
        assertEquals(List.of("UNTERMINATED_ENTRY 2:21-2:21", "EXPECTED_EQUALS 5:15-5:15", "UNTERMINATED_ENTRY 10:21-10:21"),
                r.errors());
        assertEquals(List.of("bibtex-syntax 2:21-2:21", "bibtex-syntax 5:15-5:15", "bibtex-syntax 10:21-10:21"),
                r.codes());
        assertEquals(List.of("a@2:8-2:9", "b@5:8-5:9", "c@10:8-10:9"), r.keys());
        assertEquals("bibtex(open)@1:2-2:21", r.fences().get(0));
        assertEquals("bibtex@4:2-6:5", r.fences().get(1));
        assertTrue(r.fences().get(2).startsWith("bibtex(open)@9:2-"), r.fences().get(2));
    }

    @Test
    void unterminatedFenceRunsToTheEndOfTheDocumentOrQuote() {
        Result r = check("papers.md", lines(
                "# Paper",
                "",
                "```bibtex",
                "@misc{k, note = {x}",
                "") + "@misc{j, note = \"open");
        assertEquals(List.of("UNTERMINATED_ENTRY 3:19-3:19", "UNTERMINATED_STRING 5:16-5:17"), r.errors());
        assertEquals(List.of("bibtex-syntax 3:19-3:19", "bibtex-syntax 5:16-5:17"), r.codes());
        assertEquals(List.of("k@3:6-3:7", "j@5:6-5:7"), r.keys());
        assertEquals(List.of("bibtex(open)@2:0-5:21"), r.fences());

        Result q = check("papers.md", lines(
                "> ```bib",
                "> @misc{q, note = {x}",
                "",
                "After: @misc{z, note {x}}"));
        assertEquals(List.of("UNTERMINATED_ENTRY 1:21-1:21"), q.errors());
        assertEquals(List.of("q@1:8-1:9"), q.keys());
        assertEquals(List.of("bib(open)@0:2-1:21"), q.fences());
    }

    // ---------------------------------------------------------------- .bib files

    @Test
    void bibFileWithCrlfTabsAndEmoji() {
        String text = String.join("\r\n",
                "% A comment line with an emoji 😀",
                "@string{venue = {NeurIPS}}",
                "@misc{k,",
                "\tnote {x},",
                "\tyear = venue,",
                "\thowpublished = {}",
                "}",
                "@misc{😀, note = undefinedmacro}",
                "@article{a, title = {Attention}}",
                "@online{o, title = {Online thing}}",
                "@misc{d, note = {a}, NOTE = {b}}",
                "@misc{K, note = {other}}") + "\r\n";
        Result r = check("refs.bib", text);
        assertEquals(List.of("EXPECTED_EQUALS 3:5-3:5"), r.errors());
        assertEquals(List.of(
                "duplicate-key 2:6-2:7",
                "bibtex-syntax 3:5-3:5",
                "empty-field 5:1-5:18",
                "undefined-string 7:17-7:31",
                "missing-field 8:9-8:10",
                "unknown-entry-type 9:1-9:7",
                "duplicate-field 10:21-10:25",
                "duplicate-key 11:6-11:7"), r.codes());
        assertEquals(List.of("k@2:6-2:7", "😀@7:6-7:8", "a@8:9-8:10", "o@9:8-9:9", "d@10:6-10:7", "K@11:6-11:7"), r.keys());
        assertEquals("note@3:1-3:5 year@4:1-4:5 howpublished@5:1-5:13", r.fieldNames("k"));
        // The duplicate-key finding on k points at K and back.
        Finding dk = r.findings().get(0);
        assertEquals("11:6-11:7", at(r.doc(), dk.related().get(0).range()));
    }

    @Test
    void bibFileWithByteOrderMark() {
        // Columns of line 0 as an editor shows them: without the mark.
        Result r = check("refs.bib", "\uFEFF@misc{k, note {x}}\n" + OK + "\n");
        assertEquals(List.of("EXPECTED_EQUALS 0:13-0:13"), r.errors());
        assertEquals(List.of("bibtex-syntax 0:13-0:13", "empty-field 1:10-1:19"), r.codes());
        assertEquals(List.of("k@0:6-0:7", "ok@1:6-1:8"), r.keys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void bibFileRecoveryStopsAtTheLineEndWhateverItIs(String eol) {
        // Lone CR: the recovery points (end of a comment line, of an @include, of a runaway value)
        // must be found at '\r' too, or the rest of the file is swallowed.
        String text = String.join(eol,
                "@comment a note",
                "@include{a.bib",
                "@misc{k, note = {a {b}",
                "@misc{j, note = \"open",
                "@misc{i, note {x}}",
                "@misc{h, note = {a {b},",
                "  year = 2020}",
                OK) + eol;
        Result r = check("refs.bib", text);
        assertEquals(List.of("INCLUDE 1:0-1:14", "UNBALANCED_BRACES 2:16-2:17", "UNTERMINATED_STRING 3:16-3:17",
                "EXPECTED_EQUALS 4:13-4:13", "UNBALANCED_BRACES 5:16-5:17"), r.errors());
        assertEquals(List.of("bibtex-syntax 1:0-1:14", "bibtex-syntax 2:16-2:17", "bibtex-syntax 3:16-3:17",
                "bibtex-syntax 4:13-4:13", "bibtex-syntax 5:16-5:17", "empty-field 7:10-7:19"), r.codes());
        assertEquals(List.of("k@2:6-2:7", "j@3:6-3:7", "i@4:6-4:7", "h@5:6-5:7", "ok@7:6-7:8"), r.keys());
    }

    // ---------------------------------------------------------------- every finding, every key

    @Test
    void everyFindingLiesInTheDocumentAndEveryKeyRangeHoldsItsKey() {
        List<String> texts = new ArrayList<>();
        kindFixtures().forEach(f -> texts.add(f.text()));
        int checked = 0;
        for (String base : texts) {
            for (String variant : PositionInvariants.variants(base)) {
                Result r = check("papers.md", variant);
                assertFalse(r.findings().isEmpty(), variant);
                assertFalse(r.doc().entries().isEmpty(), variant);
                checked++;
            }
        }
        assertEquals(texts.size() * PositionInvariants.VARIANT_COUNT, checked);
    }

    /** Odd container and whitespace shapes: each must parse to sound ranges and find its one entry. */
    @ParameterizedTest
    @ValueSource(strings = {
        ">\t```bibtex\n>\t@misc{k, note {x}}\n>\t```\n",
        "- a\n\n  ```bib\n  @misc{k,\n \n    note {x}}\n  ```\n",
        "   ```bib\n @misc{k, note {x}}\n   ```\n",
        "\uFEFF> ```bib\n> @misc{k, note {x}}\n> ```\n",
        "- a\r  ```bib\r  @misc{k, note {x}}\r  ```\r",
        "> - a\r\n>\r\n>   ```bib\r\n>   @misc{k, note {x}}\r\n>\r\n>   ```\r\n",
        "```bib\n@misc{k, note {x}}\t \n```\n",
        "- ```bib\n  @misc{k, note = {x}\n\n\n- next\n",
        "1) ```bib\n   @misc{k,\tnote {x}}\n   ```\n",
        "* > ```bib\n  > @misc{k, note {x}}\n  > ```\n",
        "```bib\n\u0000@misc{k, note {x}}\n```\n",
        "-\t```bib\n\t@misc{k, note {x}}\n\t```\n",
        "- a\n\t```bib\n\t\t@misc{k, note {x}}\n\t```\n",
        "- ```bibtex\n\t@misc{k, note {x}}\n  ```\n",
    })
    void oddShapesStaySound(String text) {
        Result r = check("papers.md", text);
        assertEquals(List.of("k"), r.doc().entries().stream().map(BibEntry::key).toList());
        assertEquals(List.of("bibtex-syntax"), r.findings().stream().map(f -> f.code().id()).toList());
        // The error sits right after the field name (missing '=') or the value (missing '}').
        int at = r.findings().get(0).range().start();
        String before = text.substring(0, at);
        assertTrue(before.endsWith("note") || before.endsWith("{x}"), r.codes().toString());
    }

    @Test
    void everyFindingInTheSharedCorpusLiesInItsDocument() throws IOException {
        Path corpus = Path.of("../shared/corpus").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(corpus), "no " + corpus);
        List<Document> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".md") || name.endsWith(".bib")) {
                    docs.add(Documents.parse(p.toString(), TextFiles.read(p)));
                }
            }
        }
        assertFalse(docs.isEmpty());
        List<String> failures = new ArrayList<>();
        List<Finding> all = Checker.run(docs, Config.DEFAULT, failures::add);
        assertEquals(List.of(), failures);
        assertFalse(all.isEmpty());
        for (Document d : docs) {
            PositionInvariants.assertSound(d, all.stream().filter(f -> f.path().equals(d.path())).toList());
        }
    }
}
