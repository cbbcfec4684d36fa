package dev.bibmark.fixes;

import dev.bibmark.model.Document;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsed fixtures for the fixes: every syntax-error kind, layouts, sections, links, duplicates. */
final class FixFixtures {
    private FixFixtures() {}

    static String section(String heading, String link, String bibtex) {
        return "#### " + heading + "\n\n" + (link == null ? "" : "paper link: [here](" + link + ")\n\n")
                + "citation:\n\n```bibtex\n" + bibtex + "\n```\n\n";
    }

    /** name → workspace. */
    static Map<String, List<Document>> all() {
        Map<String, List<Document>> m = new LinkedHashMap<>();
        m.put("missing comma", FixHarness.parse("a.md", section("Husky", "https://arxiv.org/abs/2406.06469", """
                @misc{kim2024husky,
                      title={Husky: A Unified Language Agent},
                      author={Joongwon Kim and Bhargavi Paranjape},
                      year={2024},
                      eprint={2406.06469},
                      primaryClass={cs.AI}
                      url={https://arxiv.org/abs/2406.06469},
                }""")));
        m.put("link names another paper", FixHarness.parse("a.md", section("Husky", "https://arxiv.org/abs/2406.06469", """
                @misc{kim2024husky,
                  title = {Husky},
                  author = {Kim, Joongwon},
                  year = {2024},
                  eprint = {2401.00001},
                  archivePrefix = {arXiv}
                }
                """)));
        m.put("citation and crossref typos", FixHarness.parse(
                "a.md", section("Attention Is All You Need", null, """
                        @inproceedings{vaswani2017attention,
                          title = {Attention Is All You Need},
                          author = {Vaswani, Ashish},
                          booktitle = {NeurIPS},
                          year = {2017},
                          crossref = {neurips2071}
                        }"""),
                "b.md", "# Notes\n\nSee [@vaswani2017atention; @vaswani2017attention].\n",
                "c.bib", "@proceedings{neurips2017, title = {NeurIPS 2017}, year = 2017}\n"));
        m.put("status tag without backticks", FixHarness.parse("a.md",
                "# Papers\n\n#### Attention Is All You Need [READ]\n\n```bibtex\n@misc{vaswani2017,"
                        + " title = {Attention Is All You Need}}\n```\n"));
        m.put("bibtex in an unmarked block", FixHarness.parse("a.md",
                "# Papers\n\n#### Attention Is All You Need [`READ`]\n\n```\n@misc{vaswani2017,"
                        + " title = {Attention Is All You Need}}\n```\n"));
        m.put("paper without a block", FixHarness.parse("a.md",
                "# Papers\n\n#### Husky: A Unified Agent [`UNREAD`]\n\npaper link: [here](https://arxiv.org/abs/2406.06469)\n"));
        m.put("unknown status tag", FixHarness.parse("a.md",
                "# Papers\n\n#### Husky [`REDA`]\n\n```bibtex\n@misc{kim2024husky,\n  title = {Husky},\n  author = {Kim, J},\n  year = {2024}\n}\n```\n"));
        m.put("missing key", FixHarness.parse("a.md", section("Attention", null, """
                @article{title = {Attention Is All You Need}, author = {Vaswani, Ashish and Shazeer, Noam},
                  journal = {NeurIPS}, year = 2017}""")));
        m.put("empty key", FixHarness.parse("a.bib", """
                @misc{, title = {The {\\"U}ber Paper}, author = {M{\\"u}ller, J{\\"o}rg}, year = {2001}}
                @misc{mller2001uber, title = {Other}}
                """));
        m.put("missing equals", FixHarness.parse("a.bib", """
                @misc{k1,
                  title {Attention},
                  year 2017,
                  note
                }
                """));
        m.put("unclosed brace before next field", FixHarness.parse("a.md", section("Foo", null, """
                @misc{foo2020,
                  title = {Foo: a {B}ar,
                  year = {2020},
                }""")));
        m.put("brace never closed", FixHarness.parse("a.bib", """
                @misc{foo2020,
                  title = {{Foo,
                  year = 2020}

                @misc{bar2021, title = {Bar}}
                """));
        m.put("brace never closed one line", FixHarness.parse("a.bib", "@misc{foo2020, title = {{Foo}}\n"));
        m.put("entry closed early", FixHarness.parse("a.md", section("Foo", null, """
                @misc{foo2020,
                  title = {Foo}},
                  year = {2020}
                }""")));
        m.put("unterminated entry", FixHarness.parse("a.md", section("Foo", null,
                "@misc{foo2020, title = {Foo},\n  year = 2020,")));
        m.put("extra comma", FixHarness.parse("a.bib", "@misc{k, title = {x},, year = 2020}\n"));
        m.put("unterminated string", FixHarness.parse("a.bib", """
                @misc{k,
                  title = "Foo,
                  year = 2020
                }
                """));
        m.put("value missing", FixHarness.parse("a.bib", "@misc{k, title = , year = 2020}\n"
                + "@article{k2, author = {A}, title = {T}, journal = , year = 2020}\n"));
        m.put("missing open", FixHarness.parse("a.bib", "@misc k, title = {x}}\n@misc{k2, title = {y}}\n"));
        m.put("semicolon", FixHarness.parse("a.bib", "@misc{k, title = {x}; year = 2020}\n"));
        m.put("include", FixHarness.parse("a.bib", "@include{other.bib}\n@misc{k, title = {x}}\n"));
        m.put("junk field", FixHarness.parse("a.bib", "@misc{k, title = {x}, \"junk\", year = 2020}\n"));
        m.put("blockquote and list", FixHarness.parse("a.md", """
                # List

                > #### Quoted paper
                >
                > ```bibtex
                > @article{smith2020quoted,
                >   title = {Quoted},
                >   author = {Smith, J.}
                >   year = {2020}
                > }
                > ```

                - #### Listed paper

                  paper link: [here](https://arxiv.org/pdf/1706.03762v5)

                  ```bibtex
                  @article{vaswani2017attention,
                    title = {Attention Is All You Need},
                    author = {Vaswani, Ashish}
                  }
                  ```
                """));
        m.put("arxiv section", FixHarness.parse("a.md", section("Attention Is All You Need",
                "https://arxiv.org/abs/1706.03762", """
                @article{vaswani2017attention,
                  title={Attention Is All You Need},
                  author={Vaswani, Ashish and Shazeer, Noam}
                }""") + section("Scaling & More", "https://doi.org/10.1145/3503222.3507778", """
                @inproceedings{x2022scaling,
                  author = {X, Y},
                  date = {2022-03-01}
                }""")));
        m.put("value checks", FixHarness.parse("a.md", section("Value checks", null, """
                @online{web2024,
                  author = {Someone},
                  title = {A page},
                  title = {A page},
                  journal = jmlr,
                  note = {},
                  pages = {},
                  year = 2024,
                }""") + section("Two keys", null, "@misc{a b, title = {T}, author = {Doe, Jane}, year = 1999}")));
        m.put("duplicates", FixHarness.parse("a.md", section("First", "https://arxiv.org/abs/2401.01234", """
                @misc{smith2024first,
                  title = {First},
                  author = {Smith, John},
                  eprint = {2401.01234}
                }""") + section("Same paper again", "https://arxiv.org/abs/2401.01234", """
                @misc{smith2024again,
                  title = {First},
                  author = {Smith, John},
                  eprint = {2401.01234},
                  year = {2024},
                  doi = {10.48550/arXiv.2401.01234}
                }""") + section("Two in a block", null, """
                @misc{other2020, title = {Other}}
                @misc{smith2024first,
                  title = {First},
                  author = {Smith, John},
                  eprint = {2401.01234}
                }"""), "b.bib", """
                @misc{Other2020, title = {Different}}

                @misc{smith2024first,
                  title = {First},
                  author = {Smith, John},
                  eprint = {2401.01234}
                }
                """));
        m.put("crlf", FixHarness.parse("a.md", section("Attention", "https://arxiv.org/abs/1706.03762", """
                @article{vaswani2017attention,
                  title = {Attention},
                  author = {Vaswani, Ashish}
                  note = {}
                }""").replace("\n", "\r\n")));
        m.put("suppressed already", FixHarness.parse("a.md", "# P\n\n<!-- bibmark-disable-next-line empty-field -->\n"
                + "```bibtex\n@online{k, title = {}, note = {}}\n```\n", "b.bib",
                "% bibmark-disable-next-line empty-field\n@online{k2, title = {}}\n"));
        return m;
    }
}
