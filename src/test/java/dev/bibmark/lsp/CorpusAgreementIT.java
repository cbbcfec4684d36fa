package dev.bibmark.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.bibmark.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The server and {@code bibmark check} must agree exactly: over the whole corpus, the diagnostics the server
 * publishes for files it never opened equal the CLI's JSON findings (code, severity, message, range).
 */
class CorpusAgreementIT {
    private static final Path CORPUS = Path.of("../shared/corpus");

    @Test
    void serverAndCliAgreeOnTheCorpus() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent");
        Path root = CORPUS.toRealPath();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(new String[] {"check", "--format", "json", root.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        JsonObject cli = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        Map<String, List<String>> expected = new TreeMap<>();
        int total = 0;
        for (JsonElement f : cli.getAsJsonArray("files")) {
            JsonObject file = f.getAsJsonObject();
            List<String> diags = new ArrayList<>();
            for (JsonElement d : file.getAsJsonArray("diagnostics")) {
                JsonObject o = d.getAsJsonObject();
                diags.add(o.get("code").getAsString() + " " + o.get("severity").getAsString() + " " + o.get("range")
                        + " " + o.get("message").getAsString());
            }
            if (!diags.isEmpty()) {
                diags.sort(null);
                expected.put(Path.of(file.get("path").getAsString()).toAbsolutePath().normalize().toString(), diags);
                total += diags.size();
            }
        }
        assertTrue(total > 50, "the corpus has findings: " + total);

        try (RawClient c = new RawClient("lsp", "--stdio")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{},\"workspaceFolders\":[{\"uri\":\""
                    + root.toUri() + "\",\"name\":\"corpus\"}]}");
            c.notify("initialized", "{}");
            Map<String, List<String>> actual = new TreeMap<>();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!actual.keySet().equals(expected.keySet()) && System.currentTimeMillis() < deadline) {
                JsonObject p = c.await(m -> "textDocument/publishDiagnostics".equals(RawClient.str(m, "method")))
                        .getAsJsonObject("params");
                List<String> diags = new ArrayList<>();
                for (JsonElement d : p.getAsJsonArray("diagnostics")) {
                    JsonObject o = d.getAsJsonObject();
                    assertEquals("bibmark", o.get("source").getAsString());
                    diags.add(o.get("code").getAsString() + " " + severity(o.get("severity").getAsInt()) + " "
                            + o.get("range") + " " + o.get("message").getAsString());
                }
                diags.sort(null);
                String path = Path.of(java.net.URI.create(p.get("uri").getAsString())).toString();
                if (diags.isEmpty()) {
                    actual.remove(path);
                } else {
                    actual.put(path, diags);
                }
            }
            assertEquals(expected, actual);
            c.call("shutdown", "null");
            c.notify("exit", "null");
            assertTrue(c.proc.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, c.proc.exitValue());
        }
    }

    private static String severity(int lsp) {
        return switch (lsp) {
            case 1 -> "error";
            case 2 -> "warning";
            case 3 -> "information";
            default -> "hint";
        };
    }

}
