package dev.bibmark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HoverTest {
    private static final String LIST = """
            #### Attention Is All You Need [`READ`]

            paper link: [here](https://arxiv.org/abs/1706.03762)

            ```bibtex
            @inproceedings{vaswani2017attention,
              title={Attention Is All You Need},
              author={Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob},
              booktitle={Advances in Neural Information Processing Systems},
              year={2017},
              foo={bar}
            }
            @article{kramar2020,
              title={Kram{\\'a}r's theorem},
              author={Kram{\\'a}r, J},
              journal={J},
              year={2020}
            }
            ```

            As in [@vaswani2017attention; @kramar2020] and [@nobody].
            """;

    private static Optional<Hover.Result> hover(String needle, int delta) {
        Document doc = Documents.parse("file:///dir/list.md", LIST);
        return Hover.at(doc, LIST.indexOf(needle) + delta, EntryInfo.all(List.of(doc)));
    }

    @Test
    void citationShowsTitleAuthorsVenueLinksStatusAndPlace() {
        Hover.Result r = hover("@vaswani2017attention;", 3).orElseThrow();
        String md = r.markdown();
        assertTrue(md.startsWith("**Attention Is All You Need** `READ`"), md);
        assertTrue(md.contains("Ashish Vaswani, Noam Shazeer, Niki Parmar et al."), md);
        assertTrue(md.contains("*Advances in Neural Information Processing Systems*, 2017"), md);
        assertTrue(md.contains("(https://arxiv.org/abs/1706.03762)"), md);
        assertTrue(md.contains("list.md:6](file:///dir/list.md#L6)"), md);
        assertEquals(LIST.indexOf("vaswani2017attention;"), r.range().start());
    }

    @Test
    void everyKeyOfAGroupAndLatexDecoded() {
        String md = hover("@kramar2020]", 2).orElseThrow().markdown();
        assertTrue(md.startsWith("**Kramár’s theorem**"), md);
        assertTrue(md.contains("J Kramár"), md);
    }

    @Test
    void unknownKeySaysSo() {
        assertTrue(hover("@nobody", 2).orElseThrow().markdown().contains("no entry with this key"));
    }

    @Test
    void entryTypeAndFieldNames() {
        String type = hover("@inproceedings{", 3).orElseThrow().markdown();
        assertTrue(type.startsWith("**@inproceedings**: An article in a conference proceedings."), type);
        assertTrue(type.contains("Required: `author`, `title`, `booktitle`, `year`"), type);
        String field = hover("booktitle={Adv", 2).orElseThrow().markdown();
        assertTrue(field.startsWith("**booktitle**"), field);
        assertTrue(field.contains("Required for `@inproceedings`."), field);
        assertTrue(hover("foo={bar}", 1).orElseThrow().markdown().contains("not a standard BibTeX field"));
    }

    @Test
    void nothingOnPlainText() {
        assertTrue(hover("As in", 1).isEmpty());
    }
}
