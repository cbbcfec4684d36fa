package dev.bibmark.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The list-aware checks on real Markdown (parsed by the pipeline), each with positive and negative cases,
 * and their fixes: applying a fix must remove the finding.
 */
class ListChecksTest {
    private static final Config ALL = Config.DEFAULT.withSeverity(Code.KEY_CONVENTION, Optional.of(Severity.HINT));

    private static Document md(String text) {
        return Documents.parse("list.md", text);
    }

    private static List<Finding> run(DocumentCheck check, String text, Config config) {
        return check.check(md(text), config);
    }

    private static List<Finding> run(DocumentCheck check, String text) {
        return run(check, text, ALL);
    }

    /** The document text a finding covers. */
    private static String at(Document d, Finding f) {
        return d.text().substring(f.range().start(), f.range().end());
    }

    /** A paper section: heading, paper link, bibtex block. */
    private static String paper(String heading, String link, String entry) {
        return "#### " + heading + "\n\npaper link: [here](" + link + ")\n\ncitation:\n```bibtex\n" + entry + "\n```\n\n";
    }

    /** Applies each fix in turn and asserts the check no longer reports anything of its code there. */
    private static void assertEachFixRemovesFinding(DocumentCheck check, String text, Config config) {
        Document d = md(text);
        List<Finding> findings = check.check(d, config);
        assertEquals(1, findings.size(), findings.toString());
        List<Fix> fixes = Fixes.of(d, findings.get(0), config);
        assertFalse(fixes.isEmpty(), "no fix offered");
        for (Fix fix : fixes) {
            assertFalse(fix.edits().isEmpty(), fix.title());
            String fixed = Edit.apply(text, fix.edits());
            assertEquals(List.of(), check.check(md(fixed), config), fix.title() + " left the finding:\n" + fixed);
        }
    }

    // ---- title-mismatch

    @Test
    void titleMismatchReportsADifferentTitle() {
        String text = paper("Attention Is All You Need [`READ`]", "https://arxiv.org/abs/1706.03762",
                "@article{vaswani2017attention,\n  title={Attention Is Not All You Need},\n  year={2017}\n}");
        Document d = md(text);
        List<Finding> f = new TitleMismatchCheck().check(d, ALL);
        assertEquals(1, f.size());
        assertEquals("Attention Is All You Need", at(d, f.get(0)));
        assertEquals(Code.TITLE_MISMATCH, f.get(0).code());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertTrue(f.get(0).message().contains("'Attention Is Not All You Need'"), f.get(0).message());
        assertEquals("title={Attention Is Not All You Need}",
                d.text().substring(f.get(0).related().get(0).range().start(), f.get(0).related().get(0).range().end()));
    }

    @Test
    void titleMismatchIgnoresLatexBracesCasePunctuationAndNotes() {
        String[][] same = {
                {"BERT: Pre-training of Deep Bidirectional Transformers", "{BERT}: Pre-Training of Deep Bidirectional Transformers"},
                {"Über die Kramár Methode", "{\\\"U}ber die Kram{\\'a}r Methode"},
                {"Language Models are Few-Shot Learners (GPT-3)", "Language models are few-shot learners"},
                {"Delving deep into rectifiers (PReLU / MSRA)", "Delving Deep into Rectifiers"},
                {"Fast finite width neural tangent kernel (NTK) [ICML 2022]", "Fast finite width neural tangent kernel"},
                {"Self-Attention with Relative Position Representations", "Self Attention with Relative Position Representations"},
                {"**Pretraining** is `all` you [need](https://x.org)", "Pre-training is all you need"},
                {"Don't Trust- Verify", "Don't Trust: Verify"},
                {"Training transformers &amp; distillation", "Training transformers \\& distillation"},
                {"Training transformers & distillation", "Training transformers &amp; distillation"},
                {"ChatDev: Communicative Agents for Software Development", "Communicative agents for software development"},
                {"Ulysses Attention", "DeepSpeed Ulysses: Ulysses Attention"},
                {"AdamW - Decoupled Weight Decay Regularization", "Decoupled weight decay regularization"},
                {"Zero Bubble (Almost) Pipeline Parallelism", "Zero Bubble Pipeline Parallelism"},
                {"Understanding deep learning (still) requires rethinking generalization",
                        "Understanding deep learning (still) requires rethinking generalization"},
                {"∞-former: Infinite Memory Transformer", "$\\infty$-former: Infinite Memory Transformer"},
        };
        for (String[] c : same) {
            String text = paper(c[0] + " [`UNREAD`]", "https://example.org/p.pdf",
                    "@misc{k,\n  title = {" + c[1] + "}\n}");
            assertEquals(List.of(), run(new TitleMismatchCheck(), text), c[0] + " vs " + c[1]);
        }
    }

    @Test
    void titleMismatchStillSeesRealDifferences() {
        String[][] different = {
                {"Mixtral of experts: A high quality Sparse Mixture-of-Experts", "Mixtral of Experts"},
                {"DELTA: Memory-Efficient Training", "GAMMA: Memory-Efficient Training"},
                {"OMG-LLaVA: Reasoning and Understandin", "OMG-LLaVA: Reasoning and Understanding"},
                {"Which GPU(s) to Get for Deep Learning", "Which GPU for Deep Learning"},
                {"BERT", "BERT: Pre-training of Deep Bidirectional Transformers"},
        };
        for (String[] c : different) {
            String text = paper(c[0], "https://example.org/p.pdf", "@misc{k,\n  title = {" + c[1] + "}\n}");
            assertEquals(1, run(new TitleMismatchCheck(), text).size(), c[0] + " vs " + c[1]);
        }
    }

    @Test
    void titleMismatchSkipsCategoriesAndEntriesWithoutTitle() {
        String twoEntries = "## Surveys\n\n```bibtex\n@misc{a, title={One}}\n```\n\n```bibtex\n@misc{b, title={Two}}\n```\n";
        assertEquals(List.of(), run(new TitleMismatchCheck(), twoEntries));
        String noTitle = paper("Some paper", "https://example.org", "@misc{a, author={X}}");
        assertEquals(List.of(), run(new TitleMismatchCheck(), noTitle));
        assertEquals(List.of(), new TitleMismatchCheck().check(Documents.parse("a.bib", "@misc{a, title={T}}"), ALL));
        String category = "# Papers\n\n```bibtex\n@article{k,\n  title = {T}\n}\n```\n";
        assertEquals(List.of(), run(new TitleMismatchCheck(), category));
        String statusOnly = "#### Another title [`READ`]\n\n```bibtex\n@article{k,\n  title = {T}\n}\n```\n";
        assertEquals(1, run(new TitleMismatchCheck(), statusOnly).size());
        String blog = "#### ReRoPE\n\nblog link: [here](https://spaces.ac.cn/archives/9708)\n\n```bibtex\n"
                + "@misc{k,\n  title = {Transformer Roadmap 12}\n}\n```\n";
        assertEquals(1, run(new TitleMismatchCheck(), blog).size());
    }

    @Test
    void titleMismatchFixesUseEitherSide() {
        String text = "# List\n\n" + paper("Sparse *Transformers* (ST) [`READ`]", "https://arxiv.org/abs/1904.10509",
                "@article{child2019generating,\n  title = {Generating Long Sequences with Sparse {T}ransformers},\n  year = 2019\n}");
        Document d = md(text);
        Finding f = new TitleMismatchCheck().check(d, ALL).get(0);
        List<Fix> fixes = TitleMismatchCheck.fixes(d, f, ALL);
        assertEquals(2, fixes.size());
        String byEntry = Edit.apply(text, fixes.get(0).edits());
        assertTrue(byEntry.contains("#### Generating Long Sequences with Sparse Transformers [`READ`]"), byEntry);
        String byHeading = Edit.apply(text, fixes.get(1).edits());
        assertTrue(byHeading.contains("title = {Sparse Transformers},"), byHeading);
        assertEachFixRemovesFinding(new TitleMismatchCheck(), text, ALL);
    }

    @Test
    void titleFixEscapesSpecialCharacters() {
        String text = paper("Q&A_bench 100% *fast*", "https://example.org",
                "@misc{k,\n  title = {Something \\& else: a_b}\n}");
        assertEachFixRemovesFinding(new TitleMismatchCheck(), text, ALL);
        Document d = md(text);
        List<Fix> fixes = Fixes.of(d, new TitleMismatchCheck().check(d, ALL).get(0), ALL);
        assertTrue(Edit.apply(text, fixes.get(1).edits()).contains("title = {Q\\&A\\_bench 100\\% fast}"));
        assertTrue(Edit.apply(text, fixes.get(0).edits()).contains("#### Something & else: a\\_b"));
    }

    // ---- link-mismatch

    @Test
    void linkMismatchComparesArxivIdsWithoutVersion() {
        String ok = paper("Tracr", "https://arxiv.org/pdf/2301.05062v2.pdf",
                "@article{lindner2023tracr,\n  title={Tracr},\n  journal={arXiv preprint arXiv:2301.05062},\n  year={2023}\n}")
                + paper("LIMO", "https://arxiv.org/abs/2502.03387",
                "@misc{ye2025limo,\n  title={LIMO},\n  eprint={2502.03387v1},\n  archivePrefix={arXiv}\n}")
                + paper("Old", "https://arxiv.org/abs/1211.5063",
                "@article{p2012,\n  title={Old},\n  journal={CoRR, abs/1211.5063}\n}")
                + paper("Doi style", "https://arxiv.org/abs/2410.21272",
                "@misc{n2024,\n  title={Doi style},\n  doi={10.48550/arXiv.2410.21272}\n}")
                + paper("Hep", "https://arxiv.org/abs/hep-th/9901001v3",
                "@article{h1999,\n  title={Hep},\n  eprint={hep-th/9901001}\n}");
        assertEquals(List.of(), run(new LinkMismatchCheck(), ok));
        String bad = paper("Arithmetic Without Algorithms", "https://arxiv.org/pdf/2305.10037",
                "@misc{nikankin2024,\n  title={Arithmetic Without Algorithms},\n  eprint={2410.21272},\n"
                        + "  archivePrefix={arXiv},\n  url={https://arxiv.org/abs/2410.21272}\n}");
        Document d = md(bad);
        List<Finding> f = new LinkMismatchCheck().check(d, ALL);
        assertEquals(1, f.size());
        assertEquals("https://arxiv.org/pdf/2305.10037", at(d, f.get(0)));
        assertEquals("Paper link names arXiv:2305.10037 but entry 'nikankin2024' has arXiv:2410.21272 (eprint)",
                f.get(0).message());
        assertEquals(2, f.get(0).related().size());
    }

    @Test
    void linkMismatchComparesDois() {
        String ok = paper("Understanding deep learning", "https://dl.acm.org/doi/pdf/10.1145/3446776",
                "@article{zhang2021,\n  title={Understanding deep learning},\n  doi={10.1145/3446776}\n}")
                + paper("Springer", "https://link.springer.com/content/pdf/10.1007/S11263-015-0816-Y.pdf",
                "@article{s2015,\n  title={Springer},\n  doi={10.1007/s11263-015-0816-y}\n}")
                + paper("Url doi", "https://doi.org/10.1000/xyz123",
                "@article{u,\n  title={Url doi},\n  url={https://doi.org/10.1000/xyz123}\n}");
        assertEquals(List.of(), run(new LinkMismatchCheck(), ok));
        String bad = paper("SuperNeurons", "https://dl.acm.org/doi/pdf/10.1145/3200691.3178491",
                "@inproceedings{li2018,\n  title={SuperNeurons},\n  doi={10.1145/3178487.3178491}\n}");
        List<Finding> f = run(new LinkMismatchCheck(), bad);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("DOI 10.1145/3200691.3178491"), f.get(0).message());
    }

    @Test
    void linkMismatchNeedsTheSameKindOfIdentifierAndAPaperLink() {
        String published = paper("Published", "https://arxiv.org/abs/2001.00001",
                "@article{a,\n  title={Published},\n  doi={10.1145/1234567}\n}");
        String noIds = paper("No ids", "https://arxiv.org/abs/2001.00001", "@article{a,\n  title={No ids}\n}");
        String codeLink = "#### Code\n\ncode link: [here](https://arxiv.org/abs/2001.00002)\n\n"
                + "```bibtex\n@misc{a, title={Code}, eprint={2001.00001}}\n```\n";
        String otherArchive = paper("Other archive", "https://arxiv.org/abs/2001.00001",
                "@misc{a,\n  title={Other archive},\n  eprint={2001.00009},\n  archivePrefix={HAL}\n}");
        for (String t : List.of(published, noIds, codeLink, otherArchive)) {
            assertEquals(List.of(), run(new LinkMismatchCheck(), t), t);
        }
    }

    @Test
    void linkMismatchFixes() {
        String text = paper("Arithmetic", "https://arxiv.org/pdf/2305.10037v2.pdf",
                "@misc{n2024,\n  title={Arithmetic},\n  eprint={2410.21272},\n  archivePrefix={arXiv},\n"
                        + "  url={https://arxiv.org/abs/2410.21272v1},\n  journal={arXiv preprint arXiv:2410.21272}\n}");
        assertEachFixRemovesFinding(new LinkMismatchCheck(), text, ALL);
        Document d = md(text);
        List<Fix> fixes = Fixes.of(d, new LinkMismatchCheck().check(d, ALL).get(0), ALL);
        assertEquals(2, fixes.size());
        String entryFixed = Edit.apply(text, fixes.get(0).edits());
        assertTrue(entryFixed.contains("eprint={2305.10037}"), entryFixed);
        assertTrue(entryFixed.contains("url={https://arxiv.org/abs/2305.10037}"), entryFixed);
        assertTrue(entryFixed.contains("arXiv:2305.10037}"), entryFixed);
        String linkFixed = Edit.apply(text, fixes.get(1).edits());
        assertTrue(linkFixed.contains("[here](https://arxiv.org/pdf/2410.21272.pdf)"), linkFixed);

        String doi = paper("SuperNeurons", "https://dl.acm.org/doi/pdf/10.1145/3200691.3178491",
                "@inproceedings{li2018,\n  title={SuperNeurons},\n  url = {https://doi.org/10.1145/3178487.3178491},\n"
                        + "  doi={10.1145/3178487.3178491}\n}");
        assertEachFixRemovesFinding(new LinkMismatchCheck(), doi, ALL);
    }

    // ---- missing-citation

    @Test
    void missingCitationForPaperHeadingsWithoutBlock() {
        String text = """
                # Theory

                ## Papers

                #### Deep Learning (Flower Book) [`READ`]

                #### Linked but no block

                paper link: [here](https://arxiv.org/abs/2310.19360)

                ## TextBooks
                """;
        Document d = md(text);
        List<Finding> f = new MissingCitationCheck().check(d, ALL);
        assertEquals(2, f.size(), f.toString());
        assertEquals("Deep Learning (Flower Book)", at(d, f.get(0)));
        assertEquals("Linked but no block", at(d, f.get(1)));
        assertEquals(Severity.INFORMATION, f.get(0).severity());
    }

    @Test
    void missingCitationNotForCategoriesOrSectionsWithABlock() {
        String text = """
                # Theory
                *resources*

                ## Papers

                #### With block [`READ`]

                paper link: [here](https://example.org)

                ```bibtex
                @misc{a, title={With block}}
                ```

                #### Block under a sub-heading [`UNREAD`]

                ##### Notes

                ```bib
                @misc{b, title={Block under a sub-heading}}
                ```

                #### Untagged fence [`UNREAD`]

                ```
                @article{c, title={Untagged fence}}
                ```

                #### Only a code link

                code link: [here](https://github.com/x/y)
                """;
        assertEquals(List.of(), run(new MissingCitationCheck(), text));
    }

    @Test
    void missingCitationFixInsertsAFilledBlock() {
        String text = "# L\n\n#### Tracr: Compiled Transformers (Tracr) [`UNREAD`]\n\n"
                + "paper link: [here](https://arxiv.org/pdf/2301.05062v1.pdf)\n\n#### Next [`READ`]\n\ncitation:\n"
                + "```bibtex\n@misc{next2020, title={Next}}\n```\n";
        assertEachFixRemovesFinding(new MissingCitationCheck(), text, ALL);
        Document d = md(text);
        Fix fix = Fixes.of(d, new MissingCitationCheck().check(d, ALL).get(0), ALL).get(0);
        String fixed = Edit.apply(text, fix.edits());
        assertTrue(fixed.contains("""
                paper link: [here](https://arxiv.org/pdf/2301.05062v1.pdf)

                citation:

                ```bibtex
                @misc{2023tracr,
                  title = {Tracr: Compiled Transformers},
                  author = {},
                  year = {2023},
                  eprint = {2301.05062},
                  archivePrefix = {arXiv},
                  url = {https://arxiv.org/pdf/2301.05062v1.pdf}
                }
                ```

                #### Next"""), fixed);
        Document after = md(fixed);
        assertEquals(List.of(), new TitleMismatchCheck().check(after, ALL));
        assertEquals(List.of(), new LinkMismatchCheck().check(after, ALL));
        assertEquals(List.of(), new SyntaxCheck().check(after, ALL));
    }

    @Test
    void missingCitationFixWithDoiAndCrlf() {
        String text = "#### A paper [`READ`]\r\n\r\npaper link: [here](https://doi.org/10.1145/3446776)\r\n";
        assertEachFixRemovesFinding(new MissingCitationCheck(), text, ALL);
        Document d = md(text);
        String fixed = Edit.apply(text, Fixes.of(d, new MissingCitationCheck().check(d, ALL).get(0), ALL)
                .get(0).edits());
        assertTrue(fixed.contains("  doi = {10.1145/3446776},\r\n"), fixed);
        assertFalse(fixed.replace("\r\n", "").contains("\n"), "mixed line endings");
    }

    // ---- invalid-status

    @Test
    void invalidStatus() {
        String text = "#### A [`READ`]\n\n#### B [`TODO`]\n\n#### C [`read`]\n\n#### D\n";
        Document d = md(text);
        List<Finding> f = new InvalidStatusCheck().check(d, ALL);
        assertEquals(2, f.size());
        assertEquals("TODO", at(d, f.get(0)));
        assertEquals("read", at(d, f.get(1)));
        assertEquals("Status 'TODO' is not one of the configured tags: READ, UNREAD", f.get(0).message());
        Config custom = ALL.withStatusTags(List.of("READ", "TODO", "SKIMMED"));
        assertEquals(1, new InvalidStatusCheck().check(d, custom).size());
    }

    @Test
    void invalidStatusFixesOfferTheNearestTagFirst() {
        String text = "#### A paper [`UNRAED`]\n";
        Document d = md(text);
        Finding f = new InvalidStatusCheck().check(d, ALL).get(0);
        List<Fix> fixes = InvalidStatusCheck.fixes(d, f, ALL);
        assertEquals(List.of("Change status to UNREAD", "Change status to READ"), fixes.stream().map(Fix::title).toList());
        assertEquals("#### A paper [`UNREAD`]\n", Edit.apply(text, fixes.get(0).edits()));
        assertEachFixRemovesFinding(new InvalidStatusCheck(), text, ALL);
        String lower = "#### A paper [`read`]\n";
        Document dl = md(lower);
        assertEquals("Change status to READ",
                InvalidStatusCheck.fixes(dl, new InvalidStatusCheck().check(dl, ALL).get(0), ALL).get(0).title());
    }

    /** A configured tag in brackets without backticks ends the heading: reported on the brackets, fixed by adding them. */
    @Test
    void statusTagWithoutBackticks() {
        String text = "#### A [READ]\n\n#### B [ unread ]\n\n#### C [ICML 2023]\n\n#### D [`READ`]\n\n#### E [TODO]\n\n"
                + "#### [READ]\n\n#### F [READ] and more\n";
        Document d = md(text);
        List<Finding> f = new InvalidStatusCheck().check(d, ALL);
        assertEquals(List.of("[READ]", "[ unread ]", "[READ]"), f.stream().map(x -> at(d, x)).toList());
        assertEquals("Status tag [READ] is not read without backticks: write [`READ`]", f.get(0).message());
        assertEquals("Status tag [ unread ] is not read without backticks: write [`UNREAD`]", f.get(1).message());
        List<Fix> fixes = InvalidStatusCheck.fixes(d, f.get(1), ALL);
        assertEquals(List.of("Write the status tag as [`UNREAD`]"), fixes.stream().map(Fix::title).toList());
        String fixed = Edit.apply(text, fixes.get(0).edits());
        assertTrue(fixed.contains("#### B [`UNREAD`]\n"), fixed);
        assertEquals("UNREAD", md(fixed).markdownIndex().headings().get(1).status());
        assertEachFixRemovesFinding(new InvalidStatusCheck(), "#### A paper [Read]\n", ALL);
        // [TODO] is a tag only when configured.
        assertEquals(4, new InvalidStatusCheck().check(d, ALL.withStatusTags(List.of("READ", "UNREAD", "TODO"))).size());
    }

    // ---- unmarked-bibtex

    @Test
    void unmarkedBibtexBlocksAreReportedAndMarkedByTheFix() {
        String text = "# L\n\n## P [`READ`]\n\n```latex\n@article{a, title={P}}\n```\n\n## Q\n\n```\n@misc{b, title={Q}}\n```\n";
        Document d = md(text);
        List<Finding> f = new UnmarkedBibtexCheck().check(d, ALL);
        assertEquals(List.of("latex", "```"), f.stream().map(x -> at(d, x)).toList());
        assertEquals("This code block holds BibTeX but is marked 'latex', so it is not read: mark it ```bibtex",
                f.get(0).message());
        assertEquals(Severity.INFORMATION, f.get(0).severity());
        String fixed = text;
        for (Finding x : List.of(f.get(1), f.get(0))) {
            fixed = Edit.apply(fixed, UnmarkedBibtexCheck.fixes(d, x, ALL).get(0).edits());
        }
        assertTrue(fixed.contains("```bibtex\n@article{a") && fixed.contains("```bibtex\n@misc{b"), fixed);
        assertEquals(2, md(fixed).entries().size());
        assertTrue(new UnmarkedBibtexCheck().check(md(fixed), ALL).isEmpty());
        assertEachFixRemovesFinding(new UnmarkedBibtexCheck(), "```tex\n@misc{k}\n```\n", ALL);
        // The section's entry is in an unmarked block: no missing-citation besides.
        assertTrue(new MissingCitationCheck().check(d, ALL).isEmpty());
    }

    // ---- key-convention

    @Test
    void keyConventionIsOffByDefault() {
        assertEquals(Optional.empty(), Config.DEFAULT.severityOf(Code.KEY_CONVENTION));
        String text = paper("T", "https://example.org", "@misc{whatever, author={Smith, John}, title={Deep things}, year=2020}");
        assertTrue(Checker.runDocument(md(text), Config.DEFAULT, s -> { }).stream()
                .noneMatch(f -> f.code() == Code.KEY_CONVENTION));
        assertEquals(1, Checker.runDocument(md(text), ALL, s -> { }).stream()
                .filter(f -> f.code() == Code.KEY_CONVENTION).count());
    }

    @Test
    void keyConvention() {
        String bib = """
                @article{wang2023balance, author={Wang, Yifei and Li, Liangchen}, title={Balance, Imbalance}, year={2023}}
                @article{lindner2023tracr, author={Lindner, David and Kram{\\'a}r, J{\\'a}nos}, title={Tracr: Compiled}, year=2023}
                @article{belkin2018understanda, author={Mikhail Belkin}, title={To understand deep learning}, year={2018}}
                @article{Zhang2021Understanding, author={Zhang, Chiyuan}, title={Understanding deep learning}, year={2021}}
                @misc{noauthor, title={Only a title}, year={2021}}
                @article{kramar2020the, author={Kram{\\'a}r, J{\\'a}nos}, title={The {BERT} way}, year={2020}}
                """;
        Document d = Documents.parse("a.bib", bib);
        List<Finding> f = new KeyConventionCheck().check(d, ALL);
        assertEquals(List.of("Zhang2021Understanding", "kramar2020the"), f.stream().map(x -> at(d, x)).toList());
        assertEquals("Key 'kramar2020the' does not follow the key pattern [auth:lower][year][veryshorttitle:lower]: "
                + "expected 'kramar2020bert'", f.get(1).message());
        Config authYear = ALL.withKeyPattern("[auth][year]");
        assertEquals(List.of("wang2023balance", "lindner2023tracr", "belkin2018understanda", "Zhang2021Understanding",
                "kramar2020the"), new KeyConventionCheck().check(d, authYear).stream().map(x -> at(d, x)).toList());
    }

    @Test
    void keyConventionFixRenamesKeyCitationsAndCrossrefs() {
        String text = """
                See [@Smith-deep] and \\cite{other, Smith-deep}.

                #### Deep things

                ```bibtex
                @inproceedings{Smith-deep, author={Smith, John}, title={Deep things}, year=2020, crossref={proc}}
                @proceedings{proc, title={Proc}, year=2020}
                @misc{smith2020deep, author={Smith, Jane}, title={Deep stuff}, year=2020}
                @misc{x, crossref = {Smith-deep}}
                ```
                """;
        Config c = ALL.withKeyPattern("[auth:lower][year][veryshorttitle:lower]");
        Document d = md(text);
        Finding f = new KeyConventionCheck().check(d, c).stream()
                .filter(x -> at(d, x).equals("Smith-deep")).findFirst().orElseThrow();
        List<Fix> fixes = KeyConventionCheck.fixes(d, f, c);
        assertEquals(1, fixes.size());
        assertEquals("Rename key to smith2020deepa", fixes.get(0).title());
        String fixed = Edit.apply(text, fixes.get(0).edits());
        assertTrue(fixed.startsWith("See [@smith2020deepa] and \\cite{other, smith2020deepa}."), fixed);
        assertTrue(fixed.contains("@inproceedings{smith2020deepa,"), fixed);
        assertTrue(fixed.contains("@misc{x, crossref = {smith2020deepa}}"), fixed);
        assertTrue(new KeyConventionCheck().check(md(fixed), c).stream().noneMatch(x -> at(md(fixed), x).startsWith("smith")));
    }

    @Test
    void registeredInTheCheckerWithTheirDefaults() {
        List<Code> registered = Checker.DOCUMENT_CHECKS.stream().map(DocumentCheck::code).toList();
        for (Code c : List.of(Code.TITLE_MISMATCH, Code.LINK_MISMATCH, Code.MISSING_CITATION, Code.INVALID_STATUS,
                Code.KEY_CONVENTION)) {
            assertTrue(registered.contains(c), c.id());
        }
        assertEquals(Severity.WARNING, Code.TITLE_MISMATCH.defaultSeverity());
        assertEquals(Severity.WARNING, Code.LINK_MISMATCH.defaultSeverity());
        assertEquals(Severity.INFORMATION, Code.MISSING_CITATION.defaultSeverity());
        assertEquals(Severity.WARNING, Code.INVALID_STATUS.defaultSeverity());
        assertFalse(Code.KEY_CONVENTION.onByDefault());
        assertEquals(Optional.of(Code.KEY_CONVENTION), Code.byId("key-convention"));
    }

    @Test
    void staleFindingsGetNoFixes() {
        String text = "#### A paper [`TODO`]\n";
        Document d = md(text);
        Finding f = new InvalidStatusCheck().check(d, ALL).get(0);
        Document changed = md("#### A paper [`READ`]\n");
        assertEquals(List.of(), Fixes.of(changed, f, ALL));
        assertEquals(List.of(), Fixes.of(d, new Finding("other.md", f.code(), f.severity(), f.range(), "", List.of()), ALL));
    }
}
