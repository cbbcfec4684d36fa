package dev.bibmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated lists of the class-data training run take the paths a long list takes, findings included. */
class CdsTrainingTest {
    @Test
    void theGeneratedListsAreLongEnoughForEveryParallelPathAndHaveFindings() {
        String md = CdsTraining.list(CdsTraining.PAPERS);
        String bib = CdsTraining.bib(CdsTraining.PAPERS);
        // MarkdownReader.PARALLEL_CHARS and Checker.PARALLEL_CHARS (200,000), BibParser.PARALLEL_CHARS (256 KiB).
        assertTrue(md.length() > 256 * 1024, "md length " + md.length());
        assertTrue(bib.length() > 256 * 1024, "bib length " + bib.length());
        Document mdDoc = Documents.parse("generated.md", md);
        Document bibDoc = Documents.parse("generated.bib", bib);
        // Documents.PARALLEL_FENCES (512), EntryRef.PARALLEL_BLOCKS (256) and PARALLEL_ENTRIES (1024).
        assertEquals(CdsTraining.PAPERS, mdDoc.blocks().size());
        assertEquals(CdsTraining.PAPERS, bibDoc.entries().size());
        List<Finding> findings = Checker.run(List.of(mdDoc, bibDoc), Config.DEFAULT);
        Set<String> codes = findings.stream().map(f -> f.code().id()).collect(Collectors.toSet());
        for (String code : List.of("bibtex-syntax", "duplicate-key", "duplicate-entry", "link-mismatch",
                "undefined-string")) {
            assertTrue(codes.contains(code), code + " in " + codes);
        }
    }
}
