package dev.bibmark.bench;

import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Checker.run (every document and workspace check) on a parsed list, as .bib and as .md. */
@State(Scope.Benchmark)
public class CheckBench {
    @Param("10000")
    public int papers;

    private List<Document> bib;
    private List<Document> md;

    @Setup
    public void setUp() {
        bib = List.of(Documents.parse("papers.bib", Inputs.papers(papers, "bib")));
        md = List.of(Documents.parse("papers.md", Inputs.papers(papers, "md")));
        // Planted: 99 key collisions, 100 repeated papers, 100 missing journals, 100 syntax errors per 10k.
        int expected = papers / 100 * 4 - 1;
        for (List<Document> docs : List.of(bib, md)) {
            int found = Checker.run(docs, Config.DEFAULT).size();
            if (found < expected) {
                throw new IllegalStateException("only " + found + " findings, expected at least " + expected);
            }
        }
    }

    @Benchmark
    public List<Finding> checkBib() {
        return Checker.run(bib, Config.DEFAULT);
    }

    @Benchmark
    public List<Finding> checkMd() {
        return Checker.run(md, Config.DEFAULT);
    }
}
