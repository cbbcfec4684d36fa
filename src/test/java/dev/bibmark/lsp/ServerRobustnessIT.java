package dev.bibmark.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Never down": whatever a client sends, the server answers per JSON-RPC (an error or an empty result) and keeps
 * serving; progress is reported while indexing; bibtex-block completion and hovers work over the wire.
 */
class ServerRobustnessIT {
    private static final String DOC = "file:///tmp/bibmark-it/robust.md";
    private static final String TEXT = "# P\\n\\n```bibtex\\n@article{k,\\n  title = {T},\\n  \\n}\\n```\\n";

    private static void open(RawClient c) {
        c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + DOC + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":\"" + TEXT + "\"}}");
    }

    private static JsonObject hover(RawClient c, String uri, int line, int ch) throws InterruptedException {
        return c.call("textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":" + line + ",\"character\":" + ch + "}}");
    }

    @Test
    void badRequestsGetErrorsOrEmptyResultsAndTheServerStaysUp() throws Exception {
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{}}");
            c.notify("initialized", "{}");
            open(c);
            c.diagnosticsFor(DOC);

            // Unknown method: MethodNotFound.
            assertEquals(-32601, c.call("bibmark/noSuchMethod", "{}").getAsJsonObject("error").get("code").getAsInt());
            // Malformed JSON body: the server logs it and goes on.
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":999,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":");
            // A header without a body length, then garbage.
            c.sendBytes("Content-Type: nothing\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // Wrong parameter types: an error response, not a dead server.
            JsonObject wrong = c.call("textDocument/hover", "{\"textDocument\":{\"uri\":42},\"position\":\"here\"}");
            assertTrue(wrong.has("error") || wrong.get("result").isJsonNull(), wrong.toString());
            JsonObject missing = c.call("textDocument/completion", "{}");
            assertTrue(missing.has("error") || missing.has("result"), missing.toString());
            // Unknown URI and closed documents: empty results.
            assertTrue(hover(c, "file:///nowhere/x.md", 0, 0).get("result").isJsonNull());
            JsonObject comp = c.call("textDocument/completion", "{\"textDocument\":{\"uri\":\"file:///nowhere/x.md\"},\"position\":{\"line\":0,\"character\":0}}");
            assertEquals(0, comp.getAsJsonObject("result").getAsJsonArray("items").size());
            // Positions out of range are clamped.
            assertTrue(hover(c, DOC, 10_000, -5).has("result"));
            assertTrue(hover(c, DOC, -1, 100_000).has("result"));
            // didChange for an unknown document and a change range beyond the text.
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"file:///nowhere/y.md\",\"version\":3},\"contentChanges\":[{\"text\":\"x\"}]}");
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + DOC + "\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":99,\"character\":0},\"end\":{\"line\":99,\"character\":5}},\"text\":\"\\n\"}]}");
            c.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":\"file:///nowhere/z.md\"}}");
            c.notify("workspace/didChangeConfiguration", "{\"settings\":{\"bibmark\":{\"severity\":{\"no-such-code\":\"loud\"}}}}");

            // Still serving: a field-name completion inside the block, and a hover on the entry type.
            JsonObject fields = c.call("textDocument/completion", "{\"textDocument\":{\"uri\":\"" + DOC + "\"},\"position\":{\"line\":5,\"character\":2}}");
            String labels = fields.getAsJsonObject("result").getAsJsonArray("items").toString();
            assertTrue(labels.contains("\"label\":\"journal\""), labels);
            assertTrue(!labels.contains("\"label\":\"title\""), labels);
            String typeHover = hover(c, DOC, 3, 3).getAsJsonObject("result").getAsJsonObject("contents").get("value").getAsString();
            assertTrue(typeHover.startsWith("**@article**"), typeHover);

            c.shutdownAndExit(10);
            assertEquals(0, c.proc.exitValue());
        }
    }

    @Test
    void indexingReportsProgressAndLaterFoldersAreIndexed(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("one.md"), "# A\n\n```bibtex\n@misc{same, title = {One}}\n```\n");
        Files.writeString(b.resolve("two.bib"), "@misc{same, title = {Two}}\n");
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{\"window\":{\"workDoneProgress\":true}},"
                    + "\"workspaceFolders\":[{\"uri\":\"" + a.toUri() + "\",\"name\":\"a\"}]}");
            c.notify("initialized", "{}");
            JsonObject begin = c.await(m -> "$/progress".equals(RawClient.str(m, "method"))
                    && "begin".equals(m.getAsJsonObject("params").getAsJsonObject("value").get("kind").getAsString()));
            assertTrue(begin.toString().contains("indexing"), begin.toString());
            c.await(m -> "$/progress".equals(RawClient.str(m, "method"))
                    && "end".equals(m.getAsJsonObject("params").getAsJsonObject("value").get("kind").getAsString()));
            assertTrue(c.seen.stream().anyMatch(m -> "window/workDoneProgress/create".equals(RawClient.str(m, "method"))));
            // Adding the second folder brings the other side of the key clash.
            c.notify("workspace/didChangeWorkspaceFolders", "{\"event\":{\"added\":[{\"uri\":\"" + b.toUri() + "\",\"name\":\"b\"}],\"removed\":[]}}");
            String two = b.resolve("two.bib").toUri().toString();
            JsonObject diags = c.diagnosticsFor(two);
            assertTrue(diags.toString().contains("duplicate-key"), diags.toString());
            // The reindex command answers with the workspace's counts; an unknown command is an error.
            JsonObject summary = c.call("workspace/executeCommand", "{\"command\":\"bibmark.checkWorkspace\",\"arguments\":[]}")
                    .getAsJsonObject("result");
            assertEquals(2, summary.get("files").getAsInt(), summary.toString());
            assertEquals(2, summary.get("entries").getAsInt(), summary.toString());
            assertEquals(2, summary.get("error").getAsInt(), summary.toString());
            assertTrue(c.call("workspace/executeCommand", "{\"command\":\"bibmark.nothing\"}").has("error"));
            // Export: the workspace as one .bib; the clashing key is kept unique.
            String bib = c.call("workspace/executeCommand", "{\"command\":\"bibmark.export\",\"arguments\":[]}")
                    .get("result").getAsString();
            assertTrue(bib.contains("@misc{same,") && bib.contains("@misc{same-2,"), bib);
            c.shutdownAndExit(10);
        }
    }
}
