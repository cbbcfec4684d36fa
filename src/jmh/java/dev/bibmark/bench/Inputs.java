package dev.bibmark.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark inputs from the shared generator {@code gen_papers.py} (seed 42, with planted defects), so the
 * benchmarks parse exactly what the end-to-end harness in tests/bench/ runs on. The generator is found at
 * {@code $BIBMARK_GEN_PAPERS}, else {@code ../shared/bench/gen_papers.py} from the working directory.
 */
final class Inputs {
    private Inputs() {}

    static String papers(int n, String format) {
        String env = System.getenv("BIBMARK_GEN_PAPERS");
        Path gen = Path.of(env != null ? env : "../shared/bench/gen_papers.py").toAbsolutePath();
        if (!Files.isRegularFile(gen)) {
            throw new IllegalStateException("gen_papers.py not found at " + gen + " (set BIBMARK_GEN_PAPERS)");
        }
        try {
            Path out = Files.createTempFile("bibmark-jmh-", "." + format);
            try {
                Process p = new ProcessBuilder("python3", gen.toString(), Integer.toString(n), "--format", format)
                        .redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("gen_papers.py failed (exit " + p.exitValue() + ")");
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
