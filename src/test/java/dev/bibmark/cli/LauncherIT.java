package dev.bibmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server/bin/bibmark} as a user runs it: the JVM it chooses for the command-line tools and for the server,
 * the heap it sizes from the input, and the message when the input does not fit in the heap.
 */
class LauncherIT {
    private record Run(int status, String stdout, String stderr) {}

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of("server/bin/bibmark").toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("BIBMARK_HEAP");
        pb.environment().remove("BIBMARK_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher finished");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** The JVM's final flags, printed (to stderr by the launcher's settings) and then a bad option ends the run. */
    private static String flags(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("BIBMARK_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        Run r = run(e, args);
        assertEquals(2, r.status(), r.stderr());
        return r.stderr() + r.stdout();
    }

    private static long flag(String flags, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s+=\\s+(\\d+)").matcher(flags);
        assertTrue(m.find(), name + " in the printed flags");
        return Long.parseLong(m.group(1));
    }

    private static boolean on(String flags, String name) {
        return Pattern.compile("\\b" + name + "\\s+=\\s+true").matcher(flags).find();
    }

    private static void papers(Path file, int n) throws IOException {
        StringBuilder sb = new StringBuilder("# Papers\n\n");
        for (int i = 0; i < n; i++) {
            sb.append("## Paper ").append(i).append(" on a long and winding subject [`READ`]\n\n```bibtex\n@article{key")
                    .append(i).append(",\n  title = {Paper ").append(i).append(" on a long and winding subject},\n")
                    .append("  author = {Smith, Alice and Jones, Bob},\n  journal = {Journal of Things},\n")
                    .append("  year = 2020,\n}\n```\n\n");
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void theCommandLineToolsAndTheServerGetTheirOwnJvm(@TempDir Path dir) throws Exception {
        papers(dir.resolve("a.md"), 10);
        String cli = flags(Map.of(), "check", "--no-such-option", dir.toString());
        assertTrue(on(cli, "UseParallelGC"), "the CLI uses the parallel collector");
        assertEquals(1, flag(cli, "TieredStopAtLevel"), "the CLI uses the quick compiler only");
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean offered = Files.isReadable(thp) && Files.readString(thp).matches("(?s).*\\[(madvise|always)\\].*");
        assertEquals(offered, on(cli, "UseTransparentHugePages"), "huge pages for the CLI where the kernel offers them");
        assertEquals(256L << 20, flag(cli, "NewSize"), "a young generation a 10,000-paper list fits in");
        assertTrue(flag(flags(Map.of("BIBMARK_HEAP", "300m"), "check", "--no-such-option", dir.toString()), "NewSize")
                < 256L << 20, "not with a heap too small for it");
        assertTrue(!on(flags(Map.of(), "lsp", "--no-such-option"), "UseTransparentHugePages"), "not for the server");
        String server = flags(Map.of(), "lsp", "--no-such-option");
        assertTrue(on(server, "UseSerialGC"), "the server uses the serial collector");
        assertEquals(2, flag(server, "SurvivorRatio"));
        assertEquals(80, flag(server, "TargetSurvivorRatio"));
        assertEquals(512L << 20, flag(server, "MaxHeapSize"));
    }

    @Test
    void theClassDataArchiveIsTrainedOnTheCommandLineToolsAndTheServer(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("trained.jsa");
        Run made = run(Map.of("BIBMARK_CDS_ARCHIVE", archive.toString()), "--create-cds-archive");
        assertEquals(0, made.status(), made.stderr());
        assertTrue(made.stderr().contains("class-data sharing archive written"), made.stderr());
        assertTrue(Files.size(archive) > 0);
        papers(dir.resolve("list.md"), 10);
        Path loaded = dir.resolve("classes.txt");
        // -Xshare:on: the run fails if the archive cannot be used; the log says where each class came from.
        Run check = run(Map.of("BIBMARK_CDS_ARCHIVE", archive.toString(),
                "BIBMARK_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + loaded), "check", dir.resolve("list.md").toString());
        assertEquals(0, check.status(), check.stderr());
        List<String> outside = Files.readAllLines(loaded).stream()
                .filter(l -> l.contains(" dev.bibmark.") && !l.contains("shared objects file")).toList();
        // Every class of ours comes from the archive (trained on the server only, a check loaded ~100 from the jar).
        // A lambda may still be spun at run time: which call sites the JVM archives varied once in CI (a check's
        // Suppressions::compute), though never here in several training runs; a few are tolerated, no class.
        List<String> classes = outside.stream().filter(l -> !l.contains("$$Lambda$")).toList();
        assertTrue(classes.isEmpty(), "classes of a check loaded from the jar, not the archive: " + classes);
        assertTrue(outside.size() <= 3, "lambdas of a check spun at run time, not archived: " + outside);
        Run server = run(Map.of("BIBMARK_CDS_ARCHIVE", archive.toString(), "BIBMARK_JAVA_OPTS", "-Xshare:on"),
                "--version");
        assertEquals(0, server.status(), server.stderr());
    }

    @Test
    void theCliSizesItsHeapFromItsInput(@TempDir Path dir) throws Exception {
        papers(dir.resolve("small.md"), 10);
        assertEquals(512L << 20, flag(flags(Map.of(), "check", "--no-such-option", dir.toString()), "MaxHeapSize"));
        // Two lists of about 8 MB: 24 bytes of heap per byte (and 256 MB) is well over the 512 MB default.
        papers(dir.resolve("big1.md"), 36_000);
        papers(dir.resolve("big2.md"), 36_000);
        long big = flag(flags(Map.of(), "check", "--no-such-option", dir.toString()), "MaxHeapSize");
        assertTrue(big > 600L << 20, "heap " + (big >> 20) + " MB");
        // One file is never measured: at most 10 MB is read, which fits the default heap.
        assertEquals(512L << 20, flag(flags(Map.of(), "check", "--no-such-option", dir.resolve("big1.md").toString()),
                "MaxHeapSize"), "a single file keeps the default heap");
        assertEquals(big, flag(flags(Map.of(), "check", "--no-such-option", dir.resolve("big1.md").toString(),
                dir.resolve("big2.md").toString()), "MaxHeapSize"), "two files are measured");
        assertEquals(300L << 20, flag(flags(Map.of("BIBMARK_HEAP", "300m"), "check", "--no-such-option",
                dir.toString()), "MaxHeapSize"), "BIBMARK_HEAP overrides the sizing");
    }

    @Test
    void anInputTooLargeForTheHeapGetsAMessageNotAStackTrace(@TempDir Path dir) throws Exception {
        papers(dir.resolve("list.md"), 30_000);
        Run r = run(Map.of("BIBMARK_HEAP", "24m"), "check", dir.toString());
        assertEquals(2, r.status(), r.stderr());
        assertTrue(r.stderr().contains("bibmark: out of memory") && r.stderr().contains("BIBMARK_HEAP"), r.stderr());
        assertTrue(!r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
    }
}
