package dev.bibmark.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The list-aware checks on the real lists in ../shared/corpus: every finding below was read by hand and is a
 * real difference (no LaTeX, brace, punctuation, note or arXiv-version artefacts). A new finding or a lost one
 * fails the test.
 */
class ListChecksCorpusTest {
    private static final Path CORPUS = Path.of("../shared/corpus").toAbsolutePath().normalize();

    private static List<Document> corpus() throws IOException {
        List<Document> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                docs.add(Documents.parse(CORPUS.relativize(p).toString().replace('\\', '/'), Files.readString(p)));
            }
        }
        return docs;
    }

    /** "path key-or-text" of each finding of a check, sorted. */
    private static Set<String> findings(List<Document> docs, DocumentCheck check) {
        Set<String> out = new TreeSet<>();
        for (Document d : docs) {
            for (Finding f : check.check(d, Config.DEFAULT)) {
                String m = f.message();
                String key = m.contains("title of '") ? m.replaceFirst("(?s).*title of '([^']+)'.*", "$1")
                        : m.contains("entry '") ? m.replaceFirst("(?s).*entry '([^']+)'.*", "$1")
                        : d.text().substring(f.range().start(), f.range().end());
                out.add(d.path() + " " + key);
            }
        }
        return out;
    }

    @Test
    void titleMismatchesAreRealDifferences() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent");
        assertEquals(new TreeSet<>(List.of(
                "llms-learning/app/agent.md langchain2022",
                "llms-learning/dev/inference/prompt.md jagerman2023query",
                "llms-learning/dev/modeling/lm/transformer/dense.md anthropic2024claude3",
                "llms-learning/dev/modeling/lm/transformer/pe.md transformer-upgrade-12",
                "llms-learning/dev/modeling/lm/transformer/sparse.md jiang2024mixtral",
                "llms-learning/dev/modeling/lm/transformer/sparse.md openmoe2023",
                "llms-learning/dev/modeling/mm/t2i.md zhang2024omgllavabridgingimagelevelobjectlevel",
                "llms-learning/dev/training/pretrain/mem_manage/ckpt.md megatrondistckpt2024nvidia",
                "llms-learning/dev/training/pretrain/mem_manage/offload.md tang2022deltadynamicallyoptimizinggpu",
                "llms-learning/dev/training/pretrain/mem_manage/offload.md Fang_2023",
                "llms-learning/dev/training/pretrain/mem_manage/recomp.md tang2022deltadynamicallyoptimizinggpu",
                "llms-learning/dev/training/pretrain/mpt.md nvidia2024mixed",
                "llms-learning/dev/training/pretrain/optimizer.md Hinton2012Lecture6a",
                "llms-learning/dev/training/pretrain/parallelism/dp.md pytorch2019ddp",
                "llms-learning/dev/training/pretrain/parallelism/pp.md harlap2018pipedream",
                "llms-learning/study/empirical.md Dettmers2023WhichGPU")),
                findings(corpus(), new TitleMismatchCheck()));
    }

    @Test
    void linkMismatchesAreWrongLinks() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent");
        assertEquals(new TreeSet<>(List.of(
                "llms-learning/app/math.md nikankin2024arithmeticalgorithmslanguagemodels",
                "llms-learning/dev/inference/decode.md holtzman2020curious",
                "llms-learning/dev/inference/serving.md xue2024powerinfer2fastlargelanguage",
                "llms-learning/dev/training/finetune/align.md snell2023offlinerlnaturallanguage",
                "llms-learning/dev/training/pretrain/mem_manage/offload.md li2018supernurons",
                "llms-learning/dev/training/pretrain/recipe.md yang2022tensorprogramsvtuning")),
                findings(corpus(), new LinkMismatchCheck()));
    }

    @Test
    void missingCitationAndStatus() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent");
        List<Document> docs = corpus();
        assertEquals(Set.of("theory-dl.md Deep Learning (Flower Book)"), findings(docs, new MissingCitationCheck()));
        assertEquals(Set.of(), findings(docs, new InvalidStatusCheck()));
    }

    @Test
    void fixesApplyOnTheCorpus() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent");
        int applied = 0;
        for (Document d : corpus()) {
            for (DocumentCheck check : List.of(new TitleMismatchCheck(), new LinkMismatchCheck(),
                    new MissingCitationCheck())) {
                for (Finding f : check.check(d, Config.DEFAULT)) {
                    List<Fix> fixes = Fixes.of(d, f, Config.DEFAULT);
                    assertFalse(fixes.isEmpty(), f.toString());
                    for (Fix fix : fixes) {
                        Document after = Documents.parse(d.path(), Edit.apply(d.text(), fix.edits()));
                        assertFalse(check.check(after, Config.DEFAULT).stream()
                                .anyMatch(g -> g.message().equals(f.message())), fix.title() + " on " + f);
                        applied++;
                    }
                }
            }
        }
        assertEquals(2 * 16 + 2 * 6 + 1, applied);
    }
}
