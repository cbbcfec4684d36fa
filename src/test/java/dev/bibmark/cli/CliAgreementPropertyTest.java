package dev.bibmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.model.RandomLists;
import dev.bibmark.text.LineIndex;
import dev.bibmark.text.TextRange;
import dev.bibmark.workspace.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random workspaces written to disk: {@code bibmark check --format json} reports exactly the findings of
 * {@link Checker#run} over the same files (code, severity, message, range and related places). A failure names its
 * seed; replay one with {@code -Dbibmark.seed=N}.
 */
class CliAgreementPropertyTest {
    private static final String[] NAMES = {"a.md", "b.bib", "c.md", "sub/d.markdown"};

    @Test
    void theJsonReportEqualsTheChecker(@TempDir Path tmp) throws IOException {
        String replay = System.getProperty("bibmark.seed");
        long first = replay != null ? Long.parseLong(replay) : 7_000;
        int runs = replay != null ? 1 : 60;
        for (long seed = first; seed < first + runs; seed++) {
            Path dir = Files.createDirectories(tmp.resolve("w" + seed));
            try {
                assertAgree(seed, dir);
            } catch (AssertionError | RuntimeException e) {
                System.out.println("FAILING SEED " + seed + " (replay: -Dbibmark.seed=" + seed + ")");
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private static void assertAgree(long seed, Path dir) throws IOException {
        java.util.Random r = new java.util.Random(seed);
        int files = 1 + r.nextInt(NAMES.length);
        for (int i = 0; i < files; i++) {
            Path p = dir.resolve(NAMES[i]);
            Files.createDirectories(p.getParent());
            // Bytes as an editor would save them; lone surrogates become '?' on disk, which is what is checked.
            Files.write(p, RandomLists.text(seed * 31 + i).getBytes(StandardCharsets.UTF_8));
        }
        CorpusCheckTest.Run run = CorpusCheckTest.check("--format", "json", dir.toString());
        JsonObject report = run.json();

        List<Document> docs = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path real = p.toRealPath();
                docs.add(Documents.parse(real.toString(), TextFiles.read(real)));
            }
        }
        docs.sort(java.util.Comparator.comparing(Document::path));
        Map<String, LineIndex> lines = new HashMap<>();
        for (Document d : docs) {
            lines.put(d.path(), d.lines());
        }
        List<String> expected = new ArrayList<>();
        for (Finding f : Checker.run(docs, Config.DEFAULT, msg -> { throw new AssertionError(msg); })) {
            StringBuilder sb = new StringBuilder(f.path()).append(' ').append(f.code().id()).append(' ')
                    .append(f.severity().id()).append(' ').append(pos(lines.get(f.path()), f.range())).append(' ').append(f.message());
            for (Finding.Related rel : f.related()) {
                sb.append(" | ").append(rel.path()).append(' ').append(pos(lines.get(rel.path()), rel.range())).append(' ').append(rel.message());
            }
            expected.add(sb.toString());
        }
        List<String> actual = new ArrayList<>();
        for (JsonElement fe : report.getAsJsonArray("files")) {
            String path = fe.getAsJsonObject().get("path").getAsString();
            for (JsonElement de : fe.getAsJsonObject().getAsJsonArray("diagnostics")) {
                JsonObject d = de.getAsJsonObject();
                StringBuilder sb = new StringBuilder(path).append(' ').append(d.get("code").getAsString()).append(' ')
                        .append(d.get("severity").getAsString()).append(' ').append(pos(d.getAsJsonObject("range")))
                        .append(' ').append(d.get("message").getAsString());
                for (JsonElement re : d.getAsJsonArray("related")) {
                    JsonObject rel = re.getAsJsonObject();
                    sb.append(" | ").append(rel.get("path").getAsString()).append(' ').append(pos(rel.getAsJsonObject("range")))
                            .append(' ').append(rel.get("message").getAsString());
                }
                actual.add(sb.toString());
            }
        }
        assertEquals(docs.size(), report.getAsJsonArray("files").size(), "files reported");
        assertEquals(expected, actual);
        assertEquals(expected.stream().anyMatch(s -> s.contains(" error ")) ? 1 : 0, run.status(), run.err());
    }

    private static String pos(LineIndex li, TextRange r) {
        return li.line(r.start()) + ":" + li.character(r.start()) + "-" + li.line(r.end()) + ":" + li.character(r.end());
    }

    private static String pos(JsonObject range) {
        JsonObject s = range.getAsJsonObject("start");
        JsonObject e = range.getAsJsonObject("end");
        return s.get("line").getAsInt() + ":" + s.get("character").getAsInt() + "-" + e.get("line").getAsInt() + ":"
                + e.get("character").getAsInt();
    }

}
