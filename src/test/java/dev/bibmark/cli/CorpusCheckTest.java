package dev.bibmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box runs of {@code bibmark check} over ../shared/corpus and generated lists. */
class CorpusCheckTest {
    static final Path SHARED = Path.of("../shared").toAbsolutePath().normalize();

    record Run(int status, String out, String err) {
        JsonObject json() {
            return JsonParser.parseString(out).getAsJsonObject();
        }
    }

    static Run check(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 1];
        full[0] = "check";
        System.arraycopy(args, 0, full, 1, args.length);
        int status = Main.run(full, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** (path, line, code) triples of every diagnostic of a JSON report. */
    static List<String> findings(JsonObject report, String severity) {
        List<String> out = new ArrayList<>();
        for (JsonElement f : report.getAsJsonArray("files")) {
            String path = f.getAsJsonObject().get("path").getAsString();
            for (JsonElement d : f.getAsJsonObject().getAsJsonArray("diagnostics")) {
                JsonObject o = d.getAsJsonObject();
                if (severity == null || o.get("severity").getAsString().equals(severity)) {
                    out.add(path + ":" + o.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt() + ":"
                            + o.get("code").getAsString() + ":" + o.get("message").getAsString());
                }
            }
        }
        return out;
    }

    @Test
    void corpusFindsTheKnownDefects() {
        assumeTrue(Files.isDirectory(SHARED.resolve("corpus")), "../shared is absent");
        Run r = check("--format", "json", SHARED.resolve("corpus").toString());
        assertEquals(1, r.status(), r.err());
        JsonObject rep = r.json();
        assertEquals(50, rep.getAsJsonObject("summary").get("files").getAsInt());
        List<String> all = findings(rep, null);
        List<String> dupKeys = all.stream().filter(s -> s.contains(":duplicate-key:")).toList();
        assertTrue(dupKeys.stream().anyMatch(s -> s.contains("dev/inference/prompt.md") && s.contains("wang2022self")), dupKeys.toString());
        assertTrue(dupKeys.stream().anyMatch(s -> s.contains("dev/training/finetune/align.md") && s.contains("wang2022self")), dupKeys.toString());
        assertTrue(dupKeys.stream().allMatch(s -> s.contains("wang2022self")), "only wang2022self is a key clash: " + dupKeys);
        long dupEntries = all.stream().filter(s -> s.contains(":duplicate-entry:")).count();
        assertTrue(dupEntries >= 19, "identical repeats are duplicate-entry warnings: " + dupEntries);
        assertTrue(all.stream().anyMatch(s -> s.contains(":missing-field:")), "entries missing required fields");
    }

    @Test
    void theoryListTextFormat() {
        assumeTrue(Files.isDirectory(SHARED.resolve("corpus")), "../shared is absent");
        Run r = check(SHARED.resolve("corpus/theory-dl.md").toString());
        assertTrue(r.out().lines().reduce((a, b) -> b).orElse("").startsWith("1 file, 22 entries"), r.out());
    }

    static JsonObject generate(Path dir, int n, String format, Path truth) throws Exception {
        Process p = new ProcessBuilder("python3", SHARED.resolve("bench/gen_papers.py").toString(), String.valueOf(n),
                "--format", format, "--out", dir.toString(), "--files", "1", "--truth", truth.toString())
                .redirectErrorStream(false).start();
        p.getInputStream().readAllBytes();
        String planted = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), planted);
        return JsonParser.parseString(planted.lines().reduce((a, b) -> b).orElseThrow()).getAsJsonObject();
    }

    static void assertPlantedDefectsFound(int n, String format, Path dir) throws Exception {
        Path truth = dir.resolve("truth.json");
        generate(dir, n, format, truth);
        Path list = dir.resolve("list-0000." + format);
        Run r = check("--format", "json", list.toString());
        List<String> all = findings(r.json(), null);
        Set<String> expectedErrors = new HashSet<>();
        for (JsonElement t : JsonParser.parseString(Files.readString(truth)).getAsJsonArray()) {
            JsonObject o = t.getAsJsonObject();
            int line = o.get("line").getAsInt();
            String code = switch (o.get("defect").getAsString()) {
                case "key_collision" -> "duplicate-key";
                case "same_paper" -> "duplicate-entry";
                case "missing_field" -> "missing-field";
                case "syntax_error" -> "bibtex-syntax";
                default -> throw new AssertionError(o.toString());
            };
            // The finding sits on the entry line, or (syntax) on the field line after it.
            int maxLine = code.equals("bibtex-syntax") ? line + 2 : line;
            boolean found = all.stream().anyMatch(s -> {
                String[] parts = s.split(":", 4);
                int l = Integer.parseInt(parts[1]);
                return parts[2].equals(code) && l >= line && l <= maxLine;
            });
            assertTrue(found, "planted " + o + " not reported as " + code);
            if (!code.equals("duplicate-entry") && !code.equals("missing-field")) {
                expectedErrors.add(code);
            }
        }
        java.util.Map<String, Integer> planted = new java.util.HashMap<>();
        Set<String> collidingKeys = new HashSet<>();
        for (JsonElement t : JsonParser.parseString(Files.readString(truth)).getAsJsonArray()) {
            JsonObject o = t.getAsJsonObject();
            planted.merge(o.get("defect").getAsString(), 1, Integer::sum);
            if (o.get("defect").getAsString().equals("key_collision")) {
                collidingKeys.add(o.get("key").getAsString().toLowerCase(java.util.Locale.ROOT));
            }
        }
        java.util.Map<String, Integer> errors = new java.util.HashMap<>();
        for (String e : findings(r.json(), "error")) {
            String code = e.split(":", 4)[2];
            assertTrue(expectedErrors.contains(code), "unexpected error " + e);
            errors.merge(code, 1, Integer::sum);
            if (code.equals("duplicate-key")) {
                String key = e.replaceFirst("(?s)^.*Key '([^']*)'.*$", "$1").toLowerCase(java.util.Locale.ROOT);
                assertTrue(collidingKeys.contains(key), "duplicate-key on a key that was not planted: " + e);
            }
        }
        // Nothing else is an error: one syntax error per planted one, duplicate-key only on planted colliding keys.
        assertEquals(planted.getOrDefault("syntax_error", 0), errors.getOrDefault("bibtex-syntax", 0), errors.toString());
    }

    @Test
    void generatedMarkdownListDefectsAreFound(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(SHARED.resolve("bench")), "../shared is absent");
        assertPlantedDefectsFound(300, "md", dir);
    }

    @Test
    void generatedBibDefectsAreFound(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(SHARED.resolve("bench")), "../shared is absent");
        assertPlantedDefectsFound(300, "bib", dir);
    }

    @Test
    void badUsageExitsTwo(@TempDir Path dir) {
        assertEquals(2, check("--format", "xml", dir.toString()).status());
        assertEquals(2, check().status());
        Run r = check(dir.resolve("missing.md").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("missing.md"), r.err());
    }

    @Test
    void githubFormatEscapes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.bib");
        Files.writeString(f, "@article{k,\n  title = {T}\n  year = 2020\n}\n");
        Run r = check("--format", "github", f.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("::error file="), r.out());
        assertTrue(r.out().contains(",title=bibtex-syntax::"), r.out());
    }
}
