package dev.bibmark.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md's file promises against the real server: {@code @include} is never followed and no file outside the
 * workspace folders is read, even when the client names one. The bait is a FIFO: opening it for reading would block
 * the server's one worker thread forever, so a later answer proves it was never opened.
 */
class SecurityIT {
    private static String q(String s) {
        return new JsonPrimitive(s).toString();
    }

    private static Path fifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
        return p;
    }

    @Test
    void includeIsNeverFollowedAndFilesOutsideTheWorkspaceAreNeverRead(@TempDir Path tmp) throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path bait = fifo(outside.resolve("bait.bib"));
        Path baitMd = fifo(outside.resolve("bait.md"));
        Path inner = fifo(ws.resolve("pipe.md"));
        Files.writeString(outside.resolve("secret.md"), "# S\n\n```bibtex\n@misc{secret, title = {S}}\n@misc{secret, title = {T}}\n```\n");
        Path list = ws.resolve("list.md");
        Files.writeString(list, "# P\n\n```bibtex\n@include{" + bait + "}\n@misc{k, title = {T}}\n```\n");
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{},\"workspaceFolders\":[{\"uri\":" + q(ws.toUri().toString()) + ",\"name\":\"ws\"}]}");
            c.notify("initialized", "{}");
            // The indexed file's @include is reported, not read.
            JsonObject diags = c.diagnosticsFor(list.toUri().toString());
            assertTrue(diags.toString().contains("@include is not supported"), diags.toString());
            // An opened document with @include of a FIFO: reported, not read.
            String doc = ws.resolve("open.md").toUri().toString();
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + q(doc) + ",\"languageId\":\"markdown\",\"version\":1,\"text\":"
                    + q("```bibtex\n@include{" + baitMd + "}\n```\n") + "}}");
            assertTrue(c.diagnosticsFor(doc).toString().contains("is not read"));
            // The client names files outside the folders (a FIFO and a real list) and a FIFO inside: none is opened.
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":" + q(bait.toUri().toString()) + ",\"type\":1},"
                    + "{\"uri\":" + q(outside.resolve("secret.md").toUri().toString()) + ",\"type\":2},"
                    + "{\"uri\":" + q(inner.toUri().toString()) + ",\"type\":2}]}");
            c.await(m -> "window/logMessage".equals(RawClient.str(m, "method")) && m.toString().contains("secret.md")
                    && m.toString().contains("outside the workspace"));
            // A list naming CSL bibliographies: a FIFO inside the folder and a file outside it. Neither is opened.
            Path innerCsl = fifo(ws.resolve("pipe.json"));
            Files.writeString(outside.resolve("secret.json"), "[{\"id\": \"secretkey\"}]");
            String cites = ws.resolve("cites.md").toUri().toString();
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + q(cites) + ",\"languageId\":\"markdown\","
                    + "\"version\":1,\"text\":" + q("---\nbibliography: [pipe.json, " + outside.resolve("secret.json")
                    + "]\n---\n\nSee [@secretkey].\n") + "}}");
            c.await(m -> "window/logMessage".equals(RawClient.str(m, "method")) && m.toString().contains("pipe.json")
                    && m.toString().contains("not a regular file"));
            c.await(m -> "window/logMessage".equals(RawClient.str(m, "method")) && m.toString().contains("secret.json")
                    && m.toString().contains("outside the workspace"));
            // Still answering (its worker never blocked on a FIFO), and nothing of the secret file was checked.
            JsonObject symbols = c.call("workspace/symbol", "{\"query\":\"\"}");
            assertTrue(symbols.toString().contains("\"k\""), symbols.toString());
            assertTrue(!symbols.toString().contains("secret"), symbols.toString());
            JsonObject completion = c.call("textDocument/completion", "{\"textDocument\":{\"uri\":" + q(cites) + "},"
                    + "\"position\":{\"line\":4,\"character\":8}}");
            assertTrue(completion.getAsJsonObject("result").getAsJsonArray("items").isEmpty(), completion.toString());
            assertTrue(c.seen.stream().noneMatch(m -> m.toString().contains("secret.md\",\"diagnostics\":[{")));
            c.shutdownAndExit(20);
            assertEquals(0, c.proc.exitValue());
        }
    }
}
