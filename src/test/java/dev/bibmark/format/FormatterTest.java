package dev.bibmark.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.format.FormatOptions.Delimiters;
import dev.bibmark.format.FormatOptions.FieldOrder;
import dev.bibmark.format.FormatOptions.Numbers;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixture tests: one per option, and the places a fence can be (lists, quotes, CRLF, broken entries). */
class FormatterTest {
    /** Two-space indent, spaces around '=', no trailing comma: the look of most fixtures below. */
    private static final FormatOptions PLAIN =
            FormatOptions.DEFAULT.withIndent("  ").withSpaceAroundEquals(true).withTrailingComma(false);

    private static String format(String path, String text, FormatOptions opts) {
        Document doc = Documents.parse(path, text);
        String out = Edit.apply(text, Formatter.format(doc, opts));
        // Every fixture also checks idempotence.
        assertEquals(List.of(), Formatter.format(Documents.parse(path, out), opts), "formatting formatted text");
        return out;
    }

    private static String bib(String text, FormatOptions opts) {
        return format("refs.bib", text, opts);
    }

    private static final String MESSY = """
            @Article{vaswani2017attention,
              Title={Attention Is All You Need},
                author = "Vaswani, Ashish and Shazeer, Noam",
              year=2017,
              Journal = {Advances in {"}Neural{"} Information Processing Systems},
              pages = {5998--6008}, }
            """;

    @Test
    void defaultsAreTheCorpusStyle() {
        assertEquals("""
                @article{vaswani2017attention,
                      Title={Attention Is All You Need},
                      author={Vaswani, Ashish and Shazeer, Noam},
                      year={2017},
                      Journal={Advances in {"}Neural{"} Information Processing Systems},
                      pages={5998--6008},
                }
                """, bib(MESSY, FormatOptions.DEFAULT));
    }

    @Test
    void indentAndSpaceAroundEquals() {
        assertEquals("""
                @article{vaswani2017attention,
                  Title = {Attention Is All You Need},
                  author = {Vaswani, Ashish and Shazeer, Noam},
                  year = {2017},
                  Journal = {Advances in {"}Neural{"} Information Processing Systems},
                  pages = {5998--6008}
                }
                """, bib(MESSY, PLAIN));
        assertEquals("@misc{k,\n\ttitle={T},\n}\n", bib("@misc{k, title={T}}\n", FormatOptions.DEFAULT.withIndent("\t")));
        assertEquals("@misc{k,\ntitle={T},\n}\n", bib("@misc{k, title={T}}\n", FormatOptions.DEFAULT.withIndent("")));
        assertThrows(IllegalArgumentException.class, () -> FormatOptions.DEFAULT.withIndent("x"));
    }

    @Test
    void alignEquals() {
        assertEquals("""
                @article{vaswani2017attention,
                  Title   = {Attention Is All You Need},
                  author  = {Vaswani, Ashish and Shazeer, Noam},
                  year    = {2017},
                  Journal = {Advances in {"}Neural{"} Information Processing Systems},
                  pages   = {5998--6008}
                }
                """, bib(MESSY, PLAIN.withAlignEquals(true)));
        assertEquals("@misc{k,\n  title ={T},\n  author={A},\n}\n",
                bib("@misc{k, title={T}, author={A}}\n", FormatOptions.DEFAULT.withIndent("  ").withAlignEquals(true)));
    }

    @Test
    void standardFieldOrderIsStableAndKeepsUnknownFieldsLast() {
        String in = """
                @inproceedings{k,
                  url = {https://x.org},
                  note = {first note},
                  pages = {1--2},
                  Author = {A},
                  custom = {c},
                  year = {2020},
                  note = {second note},
                  TITLE = {T},
                  other = {o}
                }
                """;
        assertEquals("""
                @inproceedings{k,
                  TITLE = {T},
                  Author = {A},
                  year = {2020},
                  pages = {1--2},
                  url = {https://x.org},
                  note = {first note},
                  note = {second note},
                  custom = {c},
                  other = {o}
                }
                """, bib(in, PLAIN.withFieldOrder(FieldOrder.STANDARD)));
        assertEquals(in, bib(in, PLAIN.withFieldOrder(FieldOrder.KEEP)));
    }

    @Test
    void delimiters() {
        String in = "@misc{k,\n  a = {x},\n  b = \"y\",\n  c = {say \"hi\"},\n  d = {in {\"}braces},\n  e = jan # {1} # \"2\"\n}\n";
        assertEquals("@misc{k,\n  a = {x},\n  b = {y},\n  c = {say \"hi\"},\n  d = {in {\"}braces},\n  e = jan # {1} # {2}\n}\n",
                bib(in, PLAIN.withDelimiters(Delimiters.BRACES)));
        // A braced text with a '"' outside inner braces cannot be quoted: it keeps its braces.
        assertEquals("@misc{k,\n  a = \"x\",\n  b = \"y\",\n  c = {say \"hi\"},\n  d = \"in {\"}braces\",\n  e = jan # \"1\" # \"2\"\n}\n",
                bib(in, PLAIN.withDelimiters(Delimiters.QUOTES)));
        assertEquals(in, bib(in, PLAIN.withDelimiters(Delimiters.KEEP)));
        // A backslash escapes nothing in BibTeX: "T\"ULU" would end at the second quote (found by QA in the
        // corpus, align.md), so such a value keeps its braces.
        assertEquals("@misc{k,\n  title = {T\\\"ULU 3},\n  note = \"a \\{\"{}\"\\}\"\n}\n",
                bib("@misc{k,\n  title = {T\\\"ULU 3},\n  note = {a \\{\"{}\"\\}}\n}\n", PLAIN.withDelimiters(Delimiters.QUOTES)));
    }

    @Test
    void numbers() {
        String in = "@misc{k,\n  a = 2020,\n  b = {2021},\n  c = \"2022\",\n  d = {20x},\n  e = {}\n}\n";
        assertEquals("@misc{k,\n  a = 2020,\n  b = 2021,\n  c = 2022,\n  d = {20x},\n  e = {}\n}\n",
                bib(in, PLAIN.withNumbers(Numbers.UNBRACED)));
        assertEquals("@misc{k,\n  a = {2020},\n  b = {2021},\n  c = {2022},\n  d = {20x},\n  e = {}\n}\n",
                bib(in, PLAIN.withNumbers(Numbers.BRACED)));
        assertEquals("@misc{k,\n  a = \"2020\",\n  b = \"2021\",\n  c = \"2022\",\n  d = \"20x\",\n  e = \"\"\n}\n",
                bib(in, PLAIN.withNumbers(Numbers.BRACED).withDelimiters(Delimiters.QUOTES)));
        assertEquals(in, bib(in, PLAIN.withNumbers(Numbers.KEEP)));
        assertEquals("@misc{k,\n  a = 2020,\n  b = {2021},\n  c = \"2022\",\n  d = \"20x\",\n  e = \"\"\n}\n",
                bib(in, PLAIN.withNumbers(Numbers.KEEP).withDelimiters(Delimiters.QUOTES)));
    }

    @Test
    void caseOfTypesAndFieldNames() {
        String in = "@ARTICLE{Key,\n  Title = {T},\n  archivePrefix = {arXiv}\n}\n";
        assertEquals("@article{Key,\n  Title = {T},\n  archivePrefix = {arXiv}\n}\n", bib(in, PLAIN));
        assertEquals("@ARTICLE{Key,\n  Title = {T},\n  archivePrefix = {arXiv}\n}\n", bib(in, PLAIN.withLowercaseTypes(false)));
        assertEquals("@article{Key,\n  title = {T},\n  archiveprefix = {arXiv}\n}\n", bib(in, PLAIN.withLowercaseFieldNames(true)));
        // Only ASCII letters change case; the key never does.
        assertEquals("@misc{K,\n  tİtle = {T}\n}\n", bib("@MISC{K, TİTLE = {T}}\n", PLAIN.withLowercaseFieldNames(true)));
    }

    @Test
    void trailingComma() {
        String in = "@misc{k, title = {T}, year = {2020}}\n";
        assertEquals("@misc{k,\n  title = {T},\n  year = {2020},\n}\n", bib(in, PLAIN.withTrailingComma(true)));
        assertEquals("@misc{k,\n  title = {T},\n  year = {2020}\n}\n", bib(in, PLAIN.withTrailingComma(false)));
        assertEquals("@misc{k}\n", bib("@misc{ k , }\n", PLAIN.withTrailingComma(true)));
    }

    @Test
    void valuesKeepTheirLinesAndTextBetweenEntriesStays() {
        String in = """
                % a comment line
                @String{ acl = "Association for Computational Linguistics" }
                Some free text @ home.
                @preamble{ "\\newcommand{\\x}{y}" }
                @comment{ keep {me} as is }
                @Misc{k,   title={A title
                    over   two lines},  publisher = acl # { Press},
                  }  trailing text
                """;
        assertEquals("""
                % a comment line
                @String{ acl = "Association for Computational Linguistics" }
                Some free text @ home.
                @preamble{ "\\newcommand{\\x}{y}" }
                @comment{ keep {me} as is }
                @misc{k,
                  title = {A title
                    over   two lines},
                  publisher = acl # { Press}
                }  trailing text
                """, bib(in, PLAIN));
    }

    @Test
    void brokenEntriesAreLeftByteIdenticalAndTheirNeighboursFormatted() {
        String in = """
                @misc{good1, title={A}}
                @article{broken,
                  title = {Missing comma}
                  author = {Someone}
                }
                @misc{bad2, title = {unbalanced}
                @misc{good2, title={B}}
                """;
        Document doc = Documents.parse("refs.bib", in);
        Formatter.Result r = Formatter.run(doc, null, PLAIN);
        assertEquals("""
                @misc{good1,
                  title = {A}
                }
                @article{broken,
                  title = {Missing comma}
                  author = {Someone}
                }
                @misc{bad2, title = {unbalanced}
                @misc{good2,
                  title = {B}
                }
                """, Edit.apply(in, r.edits()));
        assertEquals(List.of("syntax error", "syntax error"), r.skipped().stream().map(Formatter.Skipped::reason).toList());
        assertTrue(in.substring(r.skipped().get(0).range().start()).startsWith("@article{broken"));
        assertTrue(in.substring(r.skipped().get(1).range().start()).startsWith("@misc{bad2"));
    }

    @Test
    void markdownOutsideFencesIsUntouched() {
        String in = """
                # Papers
                @misc{notinfence, title={x}}

                ```bibtex
                @misc{a, title={x}}
                ```

                ```latex
                @misc{b, title={x}}
                ```
                """;
        assertEquals("""
                # Papers
                @misc{notinfence, title={x}}

                ```bibtex
                @misc{a,
                  title = {x}
                }
                ```

                ```latex
                @misc{b, title={x}}
                ```
                """, format("list.md", in, PLAIN));
    }

    @Test
    void fencesInListItemsAndBlockQuotesKeepTheirPrefix() {
        String in = """
                - a paper
                  ```bibtex
                  @misc{a, title={x},
                    note={two
                          lines}}
                  ```
                1. ```bib
                   @misc{b, title={y}}
                   ```

                > quoted
                > ```bibtex
                > @misc{c, title={z},
                >  abstract={one
                >
                > three}}
                > ```
                """;
        assertEquals("""
                - a paper
                  ```bibtex
                  @misc{a,
                    title = {x},
                    note = {two
                          lines}
                  }
                  ```
                1. ```bib
                   @misc{b,
                     title = {y}
                   }
                   ```

                > quoted
                > ```bibtex
                > @misc{c,
                >   title = {z},
                >   abstract = {one
                >
                > three}
                > }
                > ```
                """, format("list.md", in, PLAIN));
    }

    @Test
    void quoteMarkersWithoutSpaces() {
        String in = ">```bibtex\n>@misc{a, title={x}}\n>```\n\n>> ```bibtex\n>>@misc{b, title={y}}\n>> ```\n";
        assertEquals(">```bibtex\n>@misc{a,\n>   title = {x}\n> }\n>```\n\n>> ```bibtex\n>>@misc{b,\n> >   title = {y}\n> > }\n>> ```\n",
                format("list.md", in, PLAIN));
    }

    @Test
    void indentedFenceWithShallowLines() {
        // The fence is indented by two spaces; a content line with less indentation loses only what it has.
        String in = "  ```bibtex\n@misc{a,\n title={x}}\n  ```\n";
        assertEquals("  ```bibtex\n@misc{a,\n    title = {x}\n  }\n  ```\n", format("list.md", in, PLAIN));
        Document after = Documents.parse("list.md", "  ```bibtex\n@misc{a,\n    title = {x}\n  }\n  ```\n");
        assertEquals("@misc{a,\n  title = {x}\n}", after.blocks().get(0).fence().content().text());
    }

    @Test
    void crlfStaysCrlf() {
        String md = "# P\r\n\r\n```bibtex\r\n@misc{a, title={x\r\ny}, year=2020}\r\n```\r\n";
        assertEquals("# P\r\n\r\n```bibtex\r\n@misc{a,\r\n  title = {x\r\ny},\r\n  year = {2020}\r\n}\r\n```\r\n",
                format("list.md", md, PLAIN));
        String bibText = "@misc{a, title={x\r\ny}, year=2020}\r\n";
        assertEquals("@misc{a,\r\n  title = {x\r\ny},\r\n  year = {2020}\r\n}\r\n", bib(bibText, PLAIN));
    }

    @Test
    void unsafeFencesAreLeftAsWritten() {
        String unclosed = "```bibtex\n@misc{a, title={x}}\n";
        Formatter.Result r = Formatter.run(Documents.parse("list.md", unclosed), null, PLAIN);
        assertEquals(List.of(), r.edits());
        assertEquals("unclosed fence", r.skipped().get(0).reason());
        // A tab in the list indentation: commonmark expands it, so the lines do not map back exactly.
        String tabbed = "- x\n\n\t```bibtex\n\t@misc{a, title={x}}\n\t```\n";
        r = Formatter.run(Documents.parse("list.md", tabbed), null, PLAIN);
        assertEquals(List.of(), r.edits());
        assertTrue(r.skipped().get(0).reason().contains("map back"), r.skipped().toString());
    }

    @Test
    void rangeFormattingTouchesOnlyIntersectingEntries() {
        String in = "@misc{a, title={1}}\n@misc{b, title={2}}\n@misc{c, title={3}}\n";
        Document doc = Documents.parse("refs.bib", in);
        int b = in.indexOf("@misc{b");
        assertEquals("@misc{a, title={1}}\n@misc{b,\n  title = {2}\n}\n@misc{c, title={3}}\n",
                Edit.apply(in, Formatter.formatRange(doc, new TextRange(b + 3, b + 5), PLAIN)));
        // A collapsed range formats the entry it touches; a range spanning two entries formats both.
        assertEquals("@misc{a, title={1}}\n@misc{b,\n  title = {2}\n}\n@misc{c, title={3}}\n",
                Edit.apply(in, Formatter.formatRange(doc, TextRange.empty(b), PLAIN)));
        assertEquals("@misc{a,\n  title = {1}\n}\n@misc{b,\n  title = {2}\n}\n@misc{c, title={3}}\n",
                Edit.apply(in, Formatter.formatRange(doc, new TextRange(3, b + 1), PLAIN)));
        // A range ending where the next entry starts (a selection of whole lines) does not include it.
        assertEquals("@misc{a,\n  title = {1}\n}\n@misc{b, title={2}}\n@misc{c, title={3}}\n",
                Edit.apply(in, Formatter.formatRange(doc, new TextRange(0, b), PLAIN)));
    }

    @Test
    void editsAreSmallAndNoneForFormattedText() {
        String in = "@misc{a,\n  title = {x},\n  year = 2020\n}\n";
        List<Edit> edits = Formatter.format(Documents.parse("refs.bib", in), PLAIN);
        assertEquals(List.of(new Edit(new TextRange(in.indexOf("2020"), in.indexOf("2020") + 4), "{2020}")), edits);
        assertEquals(List.of(), Formatter.format(Documents.parse("refs.bib", "@misc{a,\n  title = {x}\n}\n"), PLAIN));
    }

    @Test
    void minimalEditNeverSplitsCrlfOrSurrogates() {
        String text = "ab\r\ncd";
        Edit e = Formatter.minimal(text, new TextRange(0, text.length()), "ab\r\nXd");
        assertEquals(new Edit(new TextRange(4, 5), "X"), e);
        e = Formatter.minimal(text, new TextRange(0, text.length()), "ab\rcd");
        assertFalse(e.range().start() == 3 || e.range().end() == 3, e.toString());
        assertEquals("ab\rcd", Edit.apply(text, List.of(e)));
        String emoji = "x\uD83D\uDE00y";
        e = Formatter.minimal(emoji, new TextRange(0, emoji.length()), "x\uD83D\uDE01y");
        assertEquals(new Edit(new TextRange(1, 3), "\uD83D\uDE01"), e);
    }

    @Test
    void parenthesisedEntriesKeepTheirDelimiters() {
        assertEquals("@misc(k,\n  title = {x}\n)\n", bib("@misc( k, title = {x})\n", PLAIN));
    }
}
