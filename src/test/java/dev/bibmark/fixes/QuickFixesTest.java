package dev.bibmark.fixes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.checks.Code;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each fix writes, exactly. */
class QuickFixesTest {
    /** The fixes of the first finding with that code in the workspace. */
    private static List<Fix> fixes(List<Document> ws, Code code) {
        FixHarness.Checked c = FixHarness.check(ws);
        Finding f = c.all.stream().filter(x -> x.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code.id() + " in " + c.all));
        return QuickFixes.forFinding(c.doc(f.path()), f, ws, FixHarness.CONFIG);
    }

    private static Fix fix(List<Document> ws, Code code, String titleStart) {
        return fixes(ws, code).stream().filter(x -> x.title().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no fix '" + titleStart + "' in "
                        + fixes(ws, code).stream().map(Fix::title).toList()));
    }

    private static String applied(List<Document> ws, String path, Fix fix) {
        Document d = ws.stream().filter(x -> x.path().equals(path)).findFirst().orElseThrow();
        return Edit.apply(d.text(), fix.editsFor(path));
    }

    private static String fixOne(String path, String text, Code code, String titleStart) {
        List<Document> ws = FixHarness.parse(path, text);
        return applied(ws, path, fix(ws, code, titleStart));
    }

    @Test
    void missingCommaBetweenFields() {
        assertEquals("@misc{k,\n  eprint={1},\n  url={u},\n}\n",
                fixOne("a.bib", "@misc{k,\n  eprint={1}\n  url={u},\n}\n", Code.BIBTEX_SYNTAX, "Insert the missing ','"));
    }

    /** An object written inside an entry is deleted alone: the field after it stays (found by QA: it went too). */
    @Test
    void anObjectInsideAnEntryIsDeletedAloneNotTheFieldAfterIt() {
        String in = "@misc{a,\n  author = {Ann},@comment{x {y}}\n  journal = {J},\n  year = 2020\n}\n";
        List<Document> ws = FixHarness.parse("a.bib", in);
        Fix f = fix(ws, Code.BIBTEX_SYNTAX, "Delete the unexpected text");
        assertEquals("Delete the unexpected text '@comment{x {y}}'", f.title());
        assertEquals("@misc{a,\n  author = {Ann},\n  journal = {J},\n  year = 2020\n}\n", applied(ws, "a.bib", f));
        assertEquals("@misc{a,\n  author = {Ann},\n  journal = {J},\n}\n", fixOne("a.bib",
                "@misc{a,\n  author = {Ann},@include(other.bib)\n  journal = {J},\n}\n", Code.BIBTEX_SYNTAX, "Delete"));
    }

    @Test
    void aCommentLineInsideAnEntryMovesAboveIt() {
        assertEquals("x\n% note\n@misc{k,\n  title={T},\n  year=2000,\n}\n",
                fixOne("a.bib", "x\n@misc{k,\n  title={T},\n% note\n  year=2000,\n}\n", Code.BIBTEX_SYNTAX, "Move the comment"));
        assertEquals("# P\n\n```bibtex\n% note\n@misc{k,\n  title={T},\n  year=2000,\n}\n```\n",
                fixOne("a.md", "# P\n\n```bibtex\n@misc{k,\n  title={T},\n% note\n  year=2000,\n}\n```\n",
                        Code.BIBTEX_SYNTAX, "Move the comment"));
        // After a field on its line, the comment is left for the user (moving the line would move the field).
        List<Document> ws = FixHarness.parse("a.bib", "@misc{k,\n  title={T}, % note\n  year=2000,\n}\n");
        assertTrue(fixes(ws, Code.BIBTEX_SYNTAX).stream().noneMatch(f -> f.title().startsWith("Move")));
    }

    @Test
    void aMisspelledTypeIsSafeToFixABibLatexTypeIsNot() {
        Fix typo = fix(FixHarness.parse("a.bib", "@artcle{k, author = {A}, title = {T}, journal = {J}, year = 2020}\n"), Code.UNKNOWN_ENTRY_TYPE, "Change");
        assertTrue(typo.title().startsWith("Change '@artcle' to '@article'"), typo.title());
        assertTrue(typo.safe());
        for (String type : List.of("online", "software", "dataset", "patent", "periodical")) {
            Fix f = fix(FixHarness.parse("a.bib", "@" + type + "{k, title = {T}}\n"), Code.UNKNOWN_ENTRY_TYPE, "Change");
            assertFalse(f.safe(), type + ": " + f.title());
        }
    }

    /**
     * A quoted value cut short by an accent's quote: the fix braces the accents, and no other fix of the entry is
     * safe (found by QA: --fix made "Sch\",on = ", author=..." of it, a valid but wrong entry).
     */
    @Test
    void anAccentThatEndsAQuotedValueIsBraced() {
        String in = "@article{q, title = \"M\\\"{u}ller and Sch\\\"on\", author={A}, journal={J}, year=2000}\n";
        List<Document> ws = FixHarness.parse("a.bib", in);
        Fix accent = fix(ws, Code.BIBTEX_SYNTAX, "Brace the accents");
        assertTrue(accent.safe() && accent.preferred());
        assertEquals("@article{q, title = \"M{\\\"u}ller and Sch{\\\"o}n\", author={A}, journal={J}, year=2000}\n",
                applied(ws, "a.bib", accent));
        for (Fix other : fixes(ws, Code.BIBTEX_SYNTAX)) {
            if (other != accent && !other.title().startsWith("Brace")) {
                assertFalse(other.safe(), other.title());
            }
        }
        // One field per line, and a value with more after the accent's letter (QA round 3: no fix was offered).
        String lines = "@article{a,\n  title = \"Caf\\\"e\",\n  author = \"D\\\"urer, A\",\n  journal = {J},\n  year = 2000\n}\n";
        List<Document> multi = FixHarness.parse("m.bib", lines);
        assertEquals("@article{a,\n  title = \"Caf{\\\"e}\",\n  author = \"D\\\"urer, A\",\n  journal = {J},\n  year = 2000\n}\n",
                applied(multi, "m.bib", fix(multi, Code.BIBTEX_SYNTAX, "Brace the accent")));
        Map<String, List<dev.bibmark.text.Edit>> all = FixAll.computeAll(ws, dev.bibmark.checks.Checker.run(ws, Config.DEFAULT),
                Config.DEFAULT);
        assertEquals("@article{q, title = \"M{\\\"u}ller and Sch{\\\"o}n\", author={A}, journal={J}, year=2000}\n",
                Edit.apply(in, all.get("a.bib")));
    }

    /** A comment line between '=' and the value: the value is read, and the only fix moves the comment (QA). */
    @Test
    void aCommentBetweenTheEqualsAndTheValueMovesAndNothingIsRemoved() {
        String in = "@misc{g2, title={T}, author={A},\n  year =\n% c\n  2000,\n}\n";
        List<Document> ws = FixHarness.parse("a.bib", in);
        assertEquals(List.of("Move the comment above the entry", "Ignore bibtex-syntax here"),
                fixes(ws, Code.BIBTEX_SYNTAX).stream().map(Fix::title).toList());
        assertEquals("% c\n@misc{g2, title={T}, author={A},\n  year =\n  2000,\n}\n",
                applied(ws, "a.bib", fix(ws, Code.BIBTEX_SYNTAX, "Move")));
    }

    /**
     * An entry with a syntax error gets fixes for its syntax only: edits made from a recovered parse removed the
     * entry's '}' or later fields (found by QA round 3).
     */
    @Test
    void aBrokenEntryGetsSyntaxFixesOnly() {
        List<Document> ws = FixHarness.parse("a.bib", "@misc{k, note = {}, title = {Unclosed,\n  year = 2020}\n\n@misc{j, note = {}}\n");
        FixHarness.Checked c = FixHarness.check(ws);
        int seen = 0;
        for (Finding f : c.all) {
            List<String> titles = QuickFixes.forFinding(c.doc(f.path()), f, ws, FixHarness.CONFIG).stream().map(Fix::title).toList();
            if (f.code() == Code.EMPTY_FIELD && f.range().start() < 20) {
                assertEquals(List.of("Ignore empty-field here"), titles);
                seen++;
            } else if (f.code() == Code.EMPTY_FIELD) {
                assertTrue(titles.get(0).startsWith("Remove the empty"), titles.toString()); // the healthy entry
                seen++;
            }
        }
        assertEquals(2, seen, c.all.toString());
    }

    /** Found by QA round 4: fixes that made a file BibTeX tools read cleanly, and wrongly. */
    @Test
    void fixesThatMustNotFoldLoseOrRename() {
        // An entry on one line: the value closes before ", author =", not after the last field.
        assertEquals("@article{a, title = {Unclosed}, author = {A}, journal = {J}, year = 2020}\n",
                fixOne("a.bib", "@article{a, title = {Unclosed, author = {A}, journal = {J}, year = 2020}\n",
                        Code.BIBTEX_SYNTAX, "Close the brace"));
        assertEquals("@article{a, title = \"Unclosed\", author = {A}, year = 2020}\n",
                fixOne("a.bib", "@article{a, title = \"Unclosed, author = {A}, year = 2020}\n",
                        Code.BIBTEX_SYNTAX, "Close the string"));
        // A comment line after an unclosed value is not the value's text.
        assertEquals("@misc{a,\n  title = {Unclosed},\n% c\n  year = 2020,\n}\n",
                fixOne("a.bib", "@misc{a,\n  title = {Unclosed,\n% c\n  year = 2020,\n}\n", Code.BIBTEX_SYNTAX,
                        "Close the brace"));
        // "title: {T}": the colon was the '='.
        assertEquals("@misc{a,\n  title = {T},\n}\n",
                fixOne("a.bib", "@misc{a,\n  title: {T},\n}\n", Code.BIBTEX_SYNTAX, "Replace ':'"));
        // A @string defined in another file (IEEEabrv.bib) or later: bracing the name is offered, never safe.
        List<Document> two = FixHarness.parse("refs.bib", "@misc{a, journal = IEEE_J_TIT}\n",
                "abbrv.bib", "@string{IEEE_J_TIT = {IEEE Transactions on Information Theory}}\n");
        assertFalse(fix(two, Code.UNDEFINED_STRING, "Wrap").safe());
        assertTrue(fix(FixHarness.parse("a.bib", "@misc{a, journal = jmlr}\n"), Code.UNDEFINED_STRING, "Wrap").safe());
        // "@article(... }": the brace is replaced, not followed by ')'.
        List<Document> paren = FixHarness.parse("a.bib", "@article(a, title = {T}, year = 2020}\n");
        Map<String, List<dev.bibmark.text.Edit>> parenFix = FixAll.computeAll(paren,
                dev.bibmark.checks.Checker.run(paren, Config.DEFAULT), Config.DEFAULT);
        assertEquals("@article(a, title = {T}, year = 2020)\n", Edit.apply(paren.get(0).text(), parenFix.get("a.bib")));
        // A comma is safe only where a field follows: before a stray word it would make the word a field name.
        assertFalse(fix(FixHarness.parse("a.bib", "@misc{a,\n  year = circa 2020,\n}\n"), Code.BIBTEX_SYNTAX,
                "Insert the missing ','").safe());
        assertTrue(fix(FixHarness.parse("a.bib", "@misc{a,\n  eprint = {1}\n  url = {u},\n}\n"), Code.BIBTEX_SYNTAX,
                "Insert the missing ','").safe());
    }

    @Test
    void missingKeyIsGenerated() {
        String in = "@article{title = {Attention Is All You Need}, author = {Vaswani, Ashish}, year = 2017}\n";
        List<Document> ws = FixHarness.parse("a.bib", in, "b.bib", "@misc{vaswani2017attention, title = {X}}\n");
        Fix f = fix(ws, Code.BIBTEX_SYNTAX, "Insert the generated key");
        assertEquals("Insert the generated key 'vaswani2017attentionb'", f.title());
        assertTrue(f.safe() && f.preferred());
        assertEquals("@article{vaswani2017attentionb, title = {Attention Is All You Need}, author = {Vaswani, Ashish},"
                + " year = 2017}\n", applied(ws, "a.bib", f));
    }

    @Test
    void closesTheBraceBeforeTheNextField() {
        assertEquals("@misc{k,\n  title = {A {B} c},\n  year = {2020},\n}\n",
                fixOne("a.bib", "@misc{k,\n  title = {A {B} c,\n  year = {2020},\n}\n", Code.BIBTEX_SYNTAX,
                        "Close the brace"));
        assertEquals("@misc{k,\n  title = {Foo},\n  year = 2020\n}\n",
                fixOne("a.bib", "@misc{k,\n  title = {Foo}},\n  year = 2020\n}\n", Code.BIBTEX_SYNTAX,
                        "Delete the '}'"));
        assertEquals("@misc{k, title = \"Foo\",\n year = 2020}\n",
                fixOne("a.bib", "@misc{k, title = \"Foo,\n year = 2020}\n", Code.BIBTEX_SYNTAX, "Close the string"));
        assertEquals("@misc{k, title = {x}}\n",
                fixOne("a.bib", "@misc{k, title = {x}\n", Code.BIBTEX_SYNTAX, "Insert the missing '}'"));
        // The fields after it lack their commas: the brace still closes before them (it closed after the last one,
        // and author, journal and year became part of the title; found by QA round 3). Their commas are fixes of
        // their own.
        assertEquals("@article{s,\n  title = {Unclosed},\n  author = {A}\n  journal = {J}\n  year = 2020\n}\n",
                fixOne("a.bib", "@article{s,\n  title = {Unclosed,\n  author = {A}\n  journal = {J}\n  year = 2020\n}\n",
                        Code.BIBTEX_SYNTAX, "Close the brace"));
    }

    @Test
    void missingEqualsAndValue() {
        assertEquals("@misc{k, title = {x}, year = 2020}\n",
                fixOne("a.bib", "@misc{k, title {x}, year = 2020}\n", Code.BIBTEX_SYNTAX, "Insert the missing '='"));
        assertEquals("@misc{k, year = 2020}\n",
                fixOne("a.bib", "@misc{k, title = , year = 2020}\n", Code.BIBTEX_SYNTAX, "Remove the field 'title'"));
    }

    @Test
    void missingFieldsFilledFromTheArxivLinkWithSnippet() {
        String md = """
                #### Attention Is All You Need

                paper link: [here](https://arxiv.org/abs/1706.03762v7)

                ```bibtex
                @article{vaswani2017attention,
                  title     = {Attention Is All You Need},
                  author    = {Vaswani, Ashish}
                }
                ```
                """;
        List<Document> ws = FixHarness.parse("a.md", md);
        Fix f = fix(ws, Code.MISSING_FIELD, "Add");
        assertEquals("Add the missing fields journal, year (filled in)", f.title());
        assertTrue(f.safe() && f.preferred());
        assertTrue(applied(ws, "a.md", f).contains("""
                  author    = {Vaswani, Ashish},
                  journal   = {arXiv preprint arXiv:1706.03762},
                  year      = {2017}
                }"""), applied(ws, "a.md", f));
        assertEquals(",\n  journal   = {${1:arXiv preprint arXiv:1706.03762}\\},\n  year      = {${2:2017}\\}$0",
                f.snippet().newText());
        assertEquals(f.editsFor("a.md").get(0).range(), f.snippet().range());
    }

    @Test
    void missingFieldsWithPlaceholdersKeepLayout() {
        Fix f = fix(FixHarness.parse("a.bib", "@article{k, title = {T}}\n"), Code.MISSING_FIELD, "Add");
        assertEquals("Add the missing fields author, journal, year (author, journal, year empty, to fill in)",
                f.title());
        assertFalse(f.safe());
        assertEquals("@article{k, title = {T}, author = {}, journal = {}, year = {}}\n",
                Edit.apply("@article{k, title = {T}}\n", f.editsFor("a.bib")));
        assertEquals("@article{k,\n  author = {},\n  title = {},\n  journal = {},\n  year = {}\n}\n",
                fixOne("a.bib", "@article{k,\n}\n", Code.MISSING_FIELD, "Add"));
        // Trailing commas stay trailing commas.
        assertEquals("@article{k,\n  title={T},\n  author={},\n  journal={},\n  year={},\n}\n",
                fixOne("a.bib", "@article{k,\n  title={T},\n}\n", Code.MISSING_FIELD, "Add"));
    }

    @Test
    void fencesInQuotesAndListsKeepTheirPrefix() {
        String md = """
                - #### Listed

                  ```bibtex
                  @article{k,
                    title = {T},
                    author = {A},
                    year = 2020
                  }
                  ```

                > ```bibtex
                > @misc{q, title = {T}, title = {T}}
                > ```
                """;
        List<Document> ws = FixHarness.parse("a.md", md);
        assertTrue(applied(ws, "a.md", fix(ws, Code.MISSING_FIELD, "Add")).contains(
                "    year = 2020,\n    journal = {}\n  }"));
        String ignored = applied(ws, "a.md", fix(ws, Code.DUPLICATE_FIELD, "Ignore"));
        assertTrue(ignored.contains("> <!-- bibmark-disable-next-line duplicate-field -->\n> ```bibtex\n"), ignored);
        String ignoredList = applied(ws, "a.md", fix(ws, Code.MISSING_FIELD, "Ignore"));
        assertTrue(ignoredList.contains("  <!-- bibmark-disable-next-line missing-field -->\n  ```bibtex\n"), ignoredList);
        assertEquals(List.of(), FixHarness.check(List.of(Documents.parse("a.md", ignored))).all.stream()
                .filter(x -> x.code() == Code.DUPLICATE_FIELD).toList());
    }

    @Test
    void ignoreAboveAFenceThatOpensAListItemAndCrlfText() {
        String md = "# P\n\n- ```bibtex\n  @online{k, title = {T}}\n  ```\n";
        String ignored = fixOne("a.md", md, Code.UNKNOWN_ENTRY_TYPE, "Ignore");
        assertEquals("# P\n\n- <!-- bibmark-disable-next-line unknown-entry-type -->\n  ```bibtex\n"
                + "  @online{k, title = {T}}\n  ```\n", ignored);
        assertEquals(List.of(), FixHarness.check(List.of(Documents.parse("a.md", ignored))).all);
        assertEquals("@article{k,\r\n  title = {T},\r\n  author = {},\r\n  journal = {},\r\n  year = {}\r\n}\r\n",
                fixOne("a.bib", "@article{k,\r\n  title = {T}\r\n}\r\n", Code.MISSING_FIELD, "Add"));
    }

    @Test
    void duplicateFieldRemoveOrKeepLater() {
        String in = "@misc{k,\n  note = {a},\n  year = 2020,\n  note = {b}\n}\n";
        List<Document> ws = FixHarness.parse("a.bib", in);
        Fix remove = fix(ws, Code.DUPLICATE_FIELD, "Remove the later");
        assertFalse(remove.safe(), "the later value differs: removing it is the user's call");
        assertEquals("@misc{k,\n  note = {a},\n  year = 2020,\n}\n", applied(ws, "a.bib", remove));
        assertEquals("@misc{k,\n  note = {b},\n  year = 2020,\n}\n",
                applied(ws, "a.bib", fix(ws, Code.DUPLICATE_FIELD, "Keep the later")));
        Fix same = fix(FixHarness.parse("a.bib", "@misc{k, note = {a}, note = { a }}\n"), Code.DUPLICATE_FIELD,
                "Remove the later");
        assertTrue(same.safe());
        assertEquals("@misc{k, note = {a}}\n", Edit.apply("@misc{k, note = {a}, note = { a }}\n", same.editsFor("a.bib")));
    }

    @Test
    void duplicateEntryRemovesTheSectionTheBlockOrTheEntry() {
        String first = FixFixtures.section("Paper", "https://arxiv.org/abs/2401.01234",
                "@misc{p, title = {P}, author = {Doe, J}}");
        String again = FixFixtures.section("Paper again", null, "@misc{p, title = {P}, author = {Doe, J}}");
        List<Document> ws = FixHarness.parse("a.md", "# List\n\n" + first + again + "#### Next\n");
        Fix remove = fix(ws, Code.DUPLICATE_ENTRY, "Remove this copy");
        assertEquals("Remove this copy (the whole section)", remove.title());
        assertTrue(remove.preferred());
        assertFalse(remove.safe());
        assertEquals("# List\n\n" + first + "#### Next\n", applied(ws, "a.md", remove));

        String two = "#### Two\n\n```bibtex\n@misc{o, title = {O}}\n@misc{p, title = {P}, author = {Doe, J}}\n```\n";
        ws = FixHarness.parse("a.md", first + two);
        assertEquals(first + "#### Two\n\n```bibtex\n@misc{o, title = {O}}\n```\n",
                applied(ws, "a.md", fix(ws, Code.DUPLICATE_ENTRY, "Remove this copy (the entry)")));
    }

    @Test
    void duplicateEntryMergeGoesToTheFirstCopyInItsFile() {
        List<Document> ws = FixHarness.parse("a.bib", "@misc{one, doi = {10.1000/x}, title = {T}}\n",
                "b.md", "# B\n\n```bibtex\n@misc{two,\n  doi = {10.1000/X},\n  year = 2020,\n  note = \"n\"\n}\n```\n");
        Fix merge = fix(ws, Code.DUPLICATE_ENTRY, "Merge");
        assertEquals("Merge year, note into 'one' and remove this copy (the whole section)", merge.title());
        assertEquals("@misc{one, doi = {10.1000/x}, title = {T}, year = 2020, note = \"n\"}\n",
                applied(ws, "a.bib", merge));
        assertEquals("", applied(ws, "b.md", merge));
    }

    @Test
    void typeKeyStringAndEmptyFieldFixes() {
        assertEquals("@Misc{k, title = {T}}\n",
                fixOne("a.bib", "@Online{k, title = {T}}\n", Code.UNKNOWN_ENTRY_TYPE, "Change"));
        List<Document> report = FixHarness.parse("a.bib", "@report{k, title = {T}}\n");
        assertEquals(List.of("Change '@report' to '@techreport' and the missing fields author, institution, year "
                        + "(author, institution, year empty, to fill in)", "Change '@report' to '@misc'",
                "Ignore unknown-entry-type here"), fixes(report, Code.UNKNOWN_ENTRY_TYPE).stream().map(Fix::title).toList());
        assertEquals("@misc{k, journal = {jmlr}}\n",
                fixOne("a.bib", "@misc{k, journal = jmlr}\n", Code.UNDEFINED_STRING, "Wrap"));
        assertEquals("@misc{smith2020deep, author = {Smith, J}, year = 2020, title = {Deep}}\n", fixOne("a.bib",
                "@misc{smith 2020, author = {Smith, J}, year = 2020, title = {Deep}}\n", Code.INVALID_KEY, "Replace"));
        assertEquals("@misc{k, year = 2020}\n",
                fixOne("a.bib", "@misc{k, pages = {}, year = 2020}\n", Code.EMPTY_FIELD, "Remove the empty"));
        // A required empty field is filled in from what the entry knows, not removed.
        assertEquals("@article{k, author = {A}, title = {T}, journal = {J}, year = {2021}, date = {2021-05}}\n",
                fixOne("a.bib", "@article{k, author = {A}, title = {T}, journal = {J}, year = {}, date = {2021-05}}\n",
                        Code.EMPTY_FIELD, "Fill in"));
        assertEquals(List.of("Ignore empty-field here"), fixes(FixHarness.parse("a.bib",
                "@article{k, author = {}, title = {T}, journal = {J}, year = 2020}\n"), Code.EMPTY_FIELD)
                .stream().map(Fix::title).toList());
    }

    @Test
    void ignoreHereAddsToAnExistingDirective() {
        String md = "# P\n\n<!-- bibmark-disable-next-line empty-field -->\n```bibtex\n@online{k, note = {}}\n```\n";
        assertEquals("# P\n\n<!-- bibmark-disable-next-line empty-field unknown-entry-type -->\n```bibtex\n"
                + "@online{k, note = {}}\n```\n", fixOne("a.md", md, Code.UNKNOWN_ENTRY_TYPE, "Ignore"));
        assertEquals("@misc{a, title = {A}}\n% bibmark-disable-next-line empty-field\n@misc{k, note = {}}\n",
                fixOne("a.bib", "@misc{a, title = {A}}\n@misc{k, note = {}}\n", Code.EMPTY_FIELD, "Ignore"));
    }

    @Test
    void identicalCopiesAreFixedTogether() {
        String entry = "@inproceedings{k, author = {A}, title = {T}, year = 2020}";
        List<Document> ws = FixHarness.parse("a.md", "# A\n\n```bibtex\n" + entry + "\n```\n",
                "b.bib", entry + "\n");
        Fix f = fix(ws, Code.MISSING_FIELD, "Add");
        assertEquals("Add the missing field booktitle (booktitle empty, to fill in) (and in 1 identical copy)",
                f.title());
        assertEquals(Map.of("a.md", 1, "b.bib", 1), Map.of("a.md", f.editsFor("a.md").size(),
                "b.bib", f.editsFor("b.bib").size()));
        assertNull(f.snippet());
    }

    /**
     * The same paper listed twice: the list-aware fixes that change the entry ("Use the heading as the entry's
     * title", "Complete from paper link") change the copy too, or the warning about a paper listed twice would turn
     * into two key-clash errors (found by QA on the corpus). A copy in another file is changed too.
     */
    @Test
    void listFixesAndCompletionChangeIdenticalCopiesToo() {
        String entry = "@misc{chen2023, title = {Benchmarking LLMs}, author = {Chen, J}, year = 2023}";
        String md = FixFixtures.section("RGB: Benchmarking LLMs in RAG", "https://arxiv.org/abs/2309.01431", entry)
                + FixFixtures.section("RGB: Benchmarking LLMs in RAG", "https://arxiv.org/abs/2309.01431", entry);
        List<Document> ws = FixHarness.parse("a.md", md, "b.md", FixFixtures.section("Other heading", null, entry));
        Fix title = fix(List.of(ws.get(0)), Code.TITLE_MISMATCH, "Use the heading");
        assertTrue(title.title().endsWith("(and in 1 identical copy)"), title.title());
        String after = applied(ws, "a.md", title);
        assertEquals(2, after.split("title = \\{RGB: Benchmarking LLMs in RAG\\}", -1).length - 1, after);
        assertEquals(List.of(), dev.bibmark.checks.Checker.run(FixHarness.parse("a.md", after), Config.DEFAULT).stream()
                .filter(f -> f.code() == Code.DUPLICATE_KEY).toList());

        Fix withB = fix(ws, Code.TITLE_MISMATCH, "Use the heading");
        assertTrue(withB.title().endsWith("(and in 2 identical copies)"), withB.title());
        assertTrue(applied(ws, "b.md", withB).contains("title = {RGB: Benchmarking LLMs in RAG}"));

        Document a = ws.get(0);
        List<Fix> complete = QuickFixes.completeFromLink(a, md.indexOf("@misc") + 3, ws, Config.DEFAULT);
        assertEquals(1, complete.size());
        assertEquals("Complete from paper link: eprint, archivePrefix, url (and in 2 identical copies)",
                complete.get(0).title());
        String both = Edit.apply(md, complete.get(0).editsFor("a.md"));
        assertEquals(2, both.split("eprint = \\{2309.01431\\}", -1).length - 1, both);
        assertTrue(Edit.apply(ws.get(1).text(), complete.get(0).editsFor("b.md")).contains("eprint = {2309.01431}"));
    }

    @Test
    void completeFromPaperLink() {
        String md = FixFixtures.section("Attention", "https://arxiv.org/pdf/1706.03762v7.pdf",
                "@misc{v, title = {Attention}}") + FixFixtures.section("Doi", "https://doi.org/10.1145/3503222.3507778",
                "@misc{d, title = {D}}") + FixFixtures.section("Full", "https://arxiv.org/abs/1706.03762",
                "@misc{f, eprint = {1706.03762}, archivePrefix = {arXiv}, year = 2017, url = {u}}");
        Document d = Documents.parse("a.md", md);
        List<Fix> arxiv = QuickFixes.completeFromLink(d, md.indexOf("@misc{v") + 3, List.of(d), Config.DEFAULT);
        assertEquals(1, arxiv.size());
        assertEquals("Complete from paper link: eprint, archivePrefix, year, url", arxiv.get(0).title());
        assertNull(arxiv.get(0).code());
        assertTrue(Edit.apply(md, arxiv.get(0).editsFor("a.md")).contains("@misc{v, title = {Attention}, eprint = "
                + "{1706.03762}, archivePrefix = {arXiv}, year = {2017}, url = {https://arxiv.org/abs/1706.03762}}"));
        List<Fix> doi = QuickFixes.completeFromLink(d, md.indexOf("Doi"), List.of(d), Config.DEFAULT);
        assertEquals(List.of(), doi, "outside a block there is no entry");
        doi = QuickFixes.completeFromLink(d, md.indexOf("@misc{d"), List.of(d), Config.DEFAULT);
        assertTrue(Edit.apply(md, doi.get(0).editsFor("a.md")).contains(
                "@misc{d, title = {D}, doi = {10.1145/3503222.3507778}}"));
        assertEquals(List.of(), QuickFixes.completeFromLink(d, md.indexOf("@misc{f"), List.of(d), Config.DEFAULT));
    }
}
