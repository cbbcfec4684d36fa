package dev.bibmark.format;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.model.Documents;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The formatter's promises on damaged input: seeded random edits (a deleted character, an inserted delimiter,
 * quote, comma, line break, tab or {@code @}, a repeated line) of documents that put fences in lists and quotes.
 */
class FormatMutationTest {
    private static final List<String> SEEDS = List.of(
            """
            # Papers
            - one
              ```bibtex
              @Article{a, Title="A {"}quoted{"} title", year = 2020,
                note = {two
                   lines} # jan}
              ```
            > ```bib
            > @string{acl = {ACL}}
            > @misc{b, booktitle = acl # { Press}, pages={1--2},}
            > ```
            """,
            """
            % comment
            @preamble{"x"}
            @inproceedings{c,
              author = {D{\\"o}e, J.},
              title  = {T},
              year   = {2021},
            }
            @comment{c}
            @book(d, title = "B", publisher = {P})
            """,
            "```bibtex\r\n@misc{e, title={x\r\ny}, url={https://e.org/a%20b}}\r\n```\r\n");

    @Test
    void damagedDocumentsKeepTheirContent() {
        Random random = new Random(20261129L);
        String inserts = "{}\"=,#@\n\t %()a1";
        int changed = 0;
        int skipped = 0;
        for (int round = 0; round < 400; round++) {
            String text = SEEDS.get(round % SEEDS.size());
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text = text.substring(0, at) + text.substring(at + 1);
                    case 1 -> text = text.substring(0, at) + inserts.charAt(random.nextInt(inserts.length())) + text.substring(at);
                    default -> {
                        int ls = text.lastIndexOf('\n', at) + 1;
                        int le = text.indexOf('\n', at);
                        le = le < 0 ? text.length() : le + 1;
                        text = text.substring(0, le) + text.substring(ls, le) + text.substring(le);
                    }
                }
            }
            String path = round % SEEDS.size() == 1 ? "refs.bib" : "list.md";
            for (FormatOptions style : FormatCorpusTest.STYLES) {
                FormatProperties.Outcome o = FormatProperties.check(Documents.parse(path, text), style);
                changed += o.changed();
                skipped += o.skipped().size();
            }
        }
        System.out.println("mutated documents: " + changed + " entries reformatted, " + skipped + " left as written");
        // Both paths are exercised: damaged entries are left alone, the others formatted.
        assertTrue(changed > 1000 && skipped > 300, changed + " / " + skipped);
    }
}
