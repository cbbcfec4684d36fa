package dev.bibmark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bibmark.model.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinksTest {
    private static List<String> links(Document d) {
        return Links.of(d).stream().map(l -> d.text().substring(l.range().start(), l.range().end()) + " -> " + l.target())
                .toList();
    }

    @Test
    void linksDoiArxivAndUrlsInFieldValues() {
        Document d = Fixture.of("""
                #### A paper [`READ`]

                paper link: [here](https://arxiv.org/pdf/2310.19360)

                ```bibtex
                @article{a,
                  journal = {arXiv preprint arXiv:2310.19360},
                  doi = {10.1145/3292500.3330701},
                  url = {https://example.org/paper?id=1},
                  howpublished = {\\url{https://example.org/x}},
                }
                @misc{b, eprint = {1706.03762v2}, archivePrefix = {arXiv}}
                @misc{c, eprint = "hep-th/9901001"}
                @misc{d, doi = {https://doi.org/10.1000/xyz}}
                ```
                """).doc("papers.md");
        assertEquals(List.of(
                "2310.19360 -> https://arxiv.org/abs/2310.19360",
                "10.1145/3292500.3330701 -> https://doi.org/10.1145/3292500.3330701",
                "https://example.org/paper?id=1 -> https://example.org/paper?id=1",
                "https://example.org/x -> https://example.org/x",
                "1706.03762v2 -> https://arxiv.org/abs/1706.03762v2",
                "hep-th/9901001 -> https://arxiv.org/abs/hep-th/9901001",
                "https://doi.org/10.1000/xyz -> https://doi.org/10.1000/xyz"), links(d));
    }

    @Test
    void bareIdentifiersInProseButNotInLinksOrCode() {
        Document d = Fixture.of("""
                Preprint arXiv:2301.05062, published as doi:10.1038/nature14539.

                Not in [a link](https://doi.org/10.1000/abc) nor `arXiv:1234.56789` nor https://x.org/10.1000/q.
                """).doc("papers.md");
        assertEquals(List.of(
                "2301.05062 -> https://arxiv.org/abs/2301.05062",
                "10.1038/nature14539 -> https://doi.org/10.1038/nature14539"), links(d));
    }

    @Test
    void noLinksForOtherArchivesOrPlainValues() {
        Document d = Fixture.of("""
                //- refs.bib
                @misc{a, eprint = {12345678}, archivePrefix = {HAL}, title = {On 1234.5678 things}, year = 2020}
                """).doc("refs.bib");
        assertEquals(List.of(), links(d));
    }
}
