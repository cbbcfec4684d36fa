package dev.bibmark.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 10,000-paper lists of gen_papers.py: every planted defect found with the right code, nothing else an error. */
class GeneratedListsIT {
    private static final Path BENCH = Path.of("../shared/bench");

    @Test
    void tenThousandPapersMarkdown(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(BENCH), "../shared is absent");
        CorpusCheckTest.assertPlantedDefectsFound(10_000, "md", dir);
    }

    @Test
    void tenThousandPapersBib(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(BENCH), "../shared is absent");
        CorpusCheckTest.assertPlantedDefectsFound(10_000, "bib", dir);
    }
}
