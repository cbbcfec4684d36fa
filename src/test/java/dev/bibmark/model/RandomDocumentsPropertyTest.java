package dev.bibmark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded random properties of the whole pipeline over {@link RandomLists}: no exception escapes, no check fails,
 * and every range (findings, entries, fields, fences) lies inside the document, maps back, and round-trips through
 * (line, character). A failure names its seed; replay one with {@code -Dbibmark.seed=N}.
 */
class RandomDocumentsPropertyTest {
    static final int RUNS = 400;

    /** Runs {@code property} for the seeds to test: the one of {@code -Dbibmark.seed}, else {@code runs} fixed ones. */
    static void forSeeds(long base, int runs, LongConsumer property) {
        String replay = System.getProperty("bibmark.seed");
        long first = replay != null ? Long.parseLong(replay) : base;
        int n = replay != null ? 1 : runs;
        for (long seed = first; seed < first + n; seed++) {
            try {
                property.accept(seed);
            } catch (AssertionError | RuntimeException | StackOverflowError e) {
                System.out.println("FAILING SEED " + seed + " (replay: -Dbibmark.seed=" + seed + ")");
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void everyRangeOfEveryRandomDocumentIsSound() {
        forSeeds(1_000, RUNS, seed -> {
            String text = RandomLists.text(seed);
            Document md = Documents.parse("r.md", text);
            Document bib = Documents.parse("r.bib", text);
            List<String> failures = new ArrayList<>();
            List<Finding> findings = Checker.run(List.of(md, bib), Config.DEFAULT, failures::add);
            assertEquals(List.of(), failures);
            List<Finding> ofMd = new ArrayList<>();
            List<Finding> ofBib = new ArrayList<>();
            for (Finding f : findings) {
                (f.path().equals("r.md") ? ofMd : ofBib).add(f);
            }
            PositionInvariants.assertSound(md, ofMd);
            PositionInvariants.assertSound(bib, ofBib);
        });
    }

    @Test
    void randomEditsEqualAFullParse() {
        forSeeds(50_000, RUNS, seed -> {
            java.util.Random r = new java.util.Random(seed);
            Document doc = Documents.parse("e.md", RandomLists.markdown(r));
            for (int i = 0; i < 8; i++) {
                String t = doc.text();
                int start = r.nextInt(t.length() + 1);
                int end = Math.min(t.length(), start + r.nextInt(6));
                String insert = RandomLists.damage(r, "", 1 + r.nextInt(2));
                doc = Documents.edit(doc, start, end, insert);
                Document full = Documents.parse("e.md", doc.text());
                assertEquals(full.markdownIndex(), doc.markdownIndex(), "index after edit " + i);
                assertEquals(full.blocks(), doc.blocks(), "blocks after edit " + i);
            }
        });
    }
}
