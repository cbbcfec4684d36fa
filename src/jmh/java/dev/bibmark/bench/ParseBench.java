package dev.bibmark.bench;

import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibParser;
import dev.bibmark.markdown.MarkdownIndex;
import dev.bibmark.markdown.MarkdownReader;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The parsing pipeline on one generated list: the BibTeX parser, the Markdown index, and both together. */
@State(Scope.Benchmark)
public class ParseBench {
    @Param("10000")
    public int papers;

    private String bib;
    private String md;

    @Setup
    public void setUp() {
        bib = Inputs.papers(papers, "bib");
        md = Inputs.papers(papers, "md");
        if (BibParser.parse(bib).entries().size() != papers) {
            throw new IllegalStateException("the .bib input did not parse to " + papers + " entries");
        }
    }

    /** BibParser on the whole .bib file. */
    @Benchmark
    public BibFile bibParser() {
        return BibParser.parse(bib);
    }

    /** MarkdownReader alone: fences, headings, links, citations of the .md list. */
    @Benchmark
    public MarkdownIndex markdownReader() {
        return MarkdownReader.read(md);
    }

    /** Documents.parse of the .md list: the Markdown index plus BibParser per fence plus papers. */
    @Benchmark
    public Document documentsParseMd() {
        return Documents.parse("papers.md", md);
    }

    /** Documents.parse of the .bib file (line index plus BibParser). */
    @Benchmark
    public Document documentsParseBib() {
        return Documents.parse("papers.bib", bib);
    }
}
