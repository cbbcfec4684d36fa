package dev.bibmark.checks;

import static dev.bibmark.checks.Fixtures.bib;
import static dev.bibmark.checks.Fixtures.e;
import static dev.bibmark.checks.Fixtures.md;
import static dev.bibmark.checks.Fixtures.s;

import dev.bibmark.model.Document;
import java.util.List;

/**
 * The documents of the check fixtures (DocumentChecksTest, WorkspaceChecksTest, CheckerTest) as workspaces, for
 * tests outside this package that re-parse their text (the quick-fix round trip). Built with the same
 * {@link Fixtures} calls as those tests.
 */
public final class CheckFixtureTexts {
    private static final String[] ARTICLE = {"author", "{A. Smith}", "title", "{T}", "journal", "{J}", "year", "2020"};

    private CheckFixtureTexts() {}

    /** Each inner list is one workspace, in the order the check tests pass it. */
    public static List<List<Document>> workspaces() {
        return List.of(
                // DocumentChecksTest
                List.of(bib("a.bib").error("expected '{'").add(e("article", "x", ARTICLE)).build()),
                List.of(bib("a.bib").add(e("article", "x", "title", "{T}")).build()),
                List.of(bib("a.bib").add(e("book", "b", "editor", "{E}", "title", "{T}", "publisher", "{P}",
                        "year", "1999"), e("inbook", "c", "author", "{A}", "title", "{T}", "pages", "{1--2}",
                        "publisher", "{P}", "year", "1999")).build()),
                List.of(bib("a.bib").add(e("inbook", "c", "title", "{T}", "publisher", "{P}", "year", "1999")).build()),
                List.of(bib("a.bib").add(e("article", "x", "author", "{}", "title", "{T}", "journal", "{ }",
                        "year", "2020"), e("misc", "m")).build()),
                List.of(bib("a.bib").add(e("misc", "")).build()),
                List.of(bib("a.bib").add(e("misc", "m", "title", "{ {} }", "note", "\"\"", "year", "2020",
                        "month", "jan", "url", "{x}")).build()),
                List.of(bib("a.bib").add(e("misc", "m", "title", "{A}", "Title", "{B}", "TITLE", "{C}")).build()),
                List.of(bib("a.bib").add(e("online", "a"), e("report", "b"), e("artcle", "c"), e("zzzzzz", "d"),
                        e("thesis", "e")).build()),
                List.of(bib("a.bib").add(e("Article", "x", ARTICLE), e("INPROCEEDINGS", "y"), e("conference", "z"))
                        .build()),
                List.of(md("a.md").fence(e("article", "x", "journal", "jml", "month", "jan", "note", "{a} # foo"))
                        .fence(s("jml", "{J. ML}"), e("article", "y", "journal", "JML")).build()),
                List.of(bib("a.bib").add(s("jml", "{J}"), s("j2", "jml # { x}"), e("article", "y", "journal", "j2",
                        "month", "Dec")).build()),
                List.of(bib("a.bib").add(e("misc", "a b"), e("misc", "x,y{"), e("misc", "ok:key-1_2.3/4")).build()),
                // WorkspaceChecksTest
                List.of(md("a.md").line("# P").fence(e("misc", "Smith2020", "title", "{A}")).build(),
                        bib("b.bib").add(e("misc", "smith2020", "title", "{B}")).build()),
                List.of(bib("a.bib").add(e("misc", "x", "title", "{A  B}"), e("MISC", "X", "Title", "{A B}"),
                        e("misc", "y", "title", "{C}")).build()),
                List.of(bib("a.bib").add(e("misc", "x", "title", "{A  B}", "year", "2020"),
                        e("misc", "x", "year", "2020", "title", "{A B}")).build()),
                List.of(md("a.md").fence(e("misc", "one", "doi", "{10.1000/ABC}"))
                        .fence(e("misc", "two", "doi", "{https://doi.org/10.1000/abc}"))
                        .fence(e("article", "three", "journal", "{arXiv preprint arXiv:2401.01234}"))
                        .fence(e("misc", "four", "eprint", "{2401.01234v2}"))
                        .fence(e("misc", "five", "title", "{A {Great} Paper}", "author", "{Smith, John and Doe, J.}"))
                        .fence(e("misc", "six", "title", "{A great paper}", "author", "{John Smith}")).build()),
                List.of(bib("a.bib").add(e("misc", "x", "title", "{A}", "doi", "{10.1/a}"),
                        e("misc", "X", "title", "{B}", "doi", "{10.1/a}"),
                        e("misc", "y", "title", "{Other}", "author", "{Smith}"),
                        e("misc", "z", "title", "{Other}", "author", "{Jones}"),
                        e("misc", "w", "title", "{Other}")).build()),
                // CheckerTest
                List.of(bib("b.bib").add(e("online", "k", "title", "{}")).build(),
                        md("a.md").fence(e("misc", "k", "title", "{X}")).build()),
                List.of(md("a.md").line("<!-- bibmark-disable-next-line duplicate-key -->")
                        .fence(e("misc", "k", "title", "{X}")).build(),
                        bib("b.bib").add(e("misc", "k", "title", "{Y}")).build()));
    }
}
