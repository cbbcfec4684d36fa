package dev.bibmark.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that misbehaves on purpose, against the launcher over stdio. Whatever it sends, the server answers every
 * request per JSON-RPC (a result or an error), keeps serving, and its diagnostics end up exactly those of the final
 * text.
 */
class ProtocolAbuseIT {
    private static final String DOC = "file:///tmp/bibmark-abuse/list.md";

    private static String q(String s) {
        return new JsonPrimitive(s).toString();
    }

    private static String pos(String uri, long line, long ch) {
        return "{\"textDocument\":{\"uri\":" + q(uri) + "},\"position\":{\"line\":" + line + ",\"character\":" + ch + "}}";
    }

    /** A response to the request: a result or an error, never silence. */
    private static JsonObject answered(RawClient c, int id) throws InterruptedException {
        JsonObject r = c.response(id);
        assertTrue(r.has("result") || r.has("error"), r.toString());
        return r;
    }

    private static int errorCode(JsonObject response) {
        assertTrue(response.has("error"), response.toString());
        return response.getAsJsonObject("error").get("code").getAsInt();
    }

    private static void assertServing(RawClient c) throws InterruptedException {
        assertTrue(c.alive(), "the server died");
        JsonObject r = c.call("workspace/symbol", "{\"query\":\"\"}");
        assertTrue(r.has("result"), r.toString());
    }

    /** (code, range, message) of the diagnostics a server would publish for the text, computed in this JVM. */
    private static List<String> expectedDiagnostics(String uri, String text) {
        Document d = Documents.parse(uri, text);
        List<String> out = new ArrayList<>();
        for (Finding f : Checker.run(List.of(d), Config.DEFAULT, msg -> { })) {
            Diagnostic diag = Lsp.diagnostic(f, Map.of(uri, d));
            out.add(diag.getCode().getLeft() + " " + diag.getRange().getStart().getLine() + ":" + diag.getRange().getStart().getCharacter()
                    + "-" + diag.getRange().getEnd().getLine() + ":" + diag.getRange().getEnd().getCharacter() + " " + diag.getMessage().getLeft());
        }
        return out;
    }

    private static List<String> published(JsonObject notification) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : notification.getAsJsonObject("params").getAsJsonArray("diagnostics")) {
            JsonObject d = e.getAsJsonObject();
            JsonObject s = d.getAsJsonObject("range").getAsJsonObject("start");
            JsonObject en = d.getAsJsonObject("range").getAsJsonObject("end");
            out.add(d.get("code").getAsString() + " " + s.get("line").getAsInt() + ":" + s.get("character").getAsInt() + "-"
                    + en.get("line").getAsInt() + ":" + en.get("character").getAsInt() + " " + d.get("message").getAsString());
        }
        return out;
    }

    private static JsonObject diagnosticsOfVersion(RawClient c, String uri, int version) throws InterruptedException {
        return c.await(m -> "textDocument/publishDiagnostics".equals(RawClient.str(m, "method"))
                && uri.equals(m.getAsJsonObject("params").get("uri").getAsString())
                && m.getAsJsonObject("params").has("version")
                && m.getAsJsonObject("params").get("version").getAsInt() == version);
    }

    @Test
    void beforeInitializeAfterShutdownAndBrokenMessages() throws Exception {
        try (RawClient c = new RawClient("lsp")) {
            // Before initialize: requests are answered ServerNotInitialized, notifications dropped (found by QA:
            // they were served).
            assertEquals(-32002, errorCode(c.call("textDocument/hover", pos(DOC, 0, 0))));
            assertEquals(-32002, errorCode(c.call("workspace/symbol", "{\"query\":\"x\"}")));
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + q(DOC) + ",\"languageId\":\"markdown\","
                    + "\"version\":1,\"text\":" + q("# P\n\n```bibtex\n@misc{early, title = {T}}\n```\n") + "}}");
            assertEquals(-32602, errorCode(c.call("initialize", "null")));
            c.call("initialize", "{\"processId\":null,\"capabilities\":{}}");
            assertEquals(-32600, errorCode(c.call("initialize", "{\"processId\":null,\"capabilities\":{}}")));
            c.notify("initialized", "{}");
            assertEquals("[]", c.call("workspace/symbol", "{\"query\":\"early\"}").get("result").toString(),
                    "a didOpen before initialize is dropped");
            // Requests the server does not offer: MethodNotFound, not an internal error with a trace; no params:
            // InvalidParams.
            assertEquals(-32601, errorCode(c.call("textDocument/signatureHelp", pos(DOC, 0, 0))));
            assertEquals(-32601, errorCode(c.call("textDocument/diagnostic", "{\"textDocument\":{\"uri\":" + q(DOC) + "}}")));
            assertEquals(-32602, errorCode(c.call("textDocument/hover", "null")));
            assertEquals(-32601, errorCode(c.call("$/unknownRequest", "{}")));

            // Broken framing and bodies, each followed by proof of life.
            c.sendBytes("Content-Length: abc\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertServing(c);
            c.sendRaw("this is not json");
            c.sendRaw("[1, 2, 3]");
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":42}");
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":{\"nested\":true},\"method\":\"textDocument/hover\"}");
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":78,\"method\":\"textDocument/hover\",\"params\":\"a string\"}");
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":79,\"method\":\"textDocument/definition\",\"params\":{\"textDocument\":[],\"position\":{}}}");
            c.sendBytes("Content-Length: 5\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"a\":".getBytes(StandardCharsets.US_ASCII));
            c.sendBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, '\r', '\n', '\r', '\n'});
            assertServing(c);

            // Unknown methods: requests get MethodNotFound, notifications are ignored.
            assertEquals(-32601, c.call("bibmark/nothing", "{}").getAsJsonObject("error").get("code").getAsInt());
            c.notify("bibmark/nothing", "{}");
            c.notify("$/somethingOptional", "{}");
            // Wrong parameter types on notifications.
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + q(DOC) + ",\"languageId\":1,\"version\":\"one\",\"text\":[]}}");
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":" + q(DOC) + "},\"contentChanges\":\"all\"}");
            c.notify("workspace/didChangeWorkspaceFolders", "{\"event\":{\"added\":[{\"uri\":\"not a uri\",\"name\":1}],\"removed\":null}}");
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":\"::::\",\"type\":2}]}");
            assertServing(c);

            // Out-of-range positions on every positional request.
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + q(DOC) + ",\"languageId\":\"markdown\",\"version\":1,\"text\":"
                    + q("# P\n\n```bibtex\n@misc{k, title = {T}}\n```\n[@k]\n") + "}}");
            for (String method : List.of("textDocument/hover", "textDocument/completion", "textDocument/definition",
                    "textDocument/documentHighlight", "textDocument/prepareRename")) {
                for (long[] p : new long[][] {{-1, -1}, {1L << 31, 0}, {3, 1L << 31}, {Integer.MAX_VALUE, Integer.MAX_VALUE}}) {
                    answered(c, c.request(method, pos(DOC, p[0], p[1])));
                }
            }
            answered(c, c.request("textDocument/references", "{\"textDocument\":{\"uri\":" + q(DOC) + "},\"position\":{\"line\":99999,\"character\":-4},\"context\":{\"includeDeclaration\":true}}"));
            answered(c, c.request("textDocument/rename", "{\"textDocument\":{\"uri\":" + q(DOC) + "},\"position\":{\"line\":3,\"character\":7},\"newName\":\"\"}"));
            answered(c, c.request("textDocument/inlayHint", "{\"textDocument\":{\"uri\":" + q(DOC) + "},\"range\":{\"start\":{\"line\":9,\"character\":9},\"end\":{\"line\":-3,\"character\":0}}}"));
            assertServing(c);

            // After shutdown: requests are answered InvalidRequest, and exit ends the process cleanly.
            c.call("shutdown", "null");
            assertEquals(-32600, errorCode(c.call("textDocument/hover", pos(DOC, 3, 7))));
            assertEquals(-32600, errorCode(c.call("shutdown", "null")));
            c.notify("exit", "null");
            assertTrue(c.proc.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, c.proc.exitValue());
        }
    }

    @Test
    void tenThousandRapidEditsEndWithTheDiagnosticsOfTheFinalText() throws Exception {
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{}}");
            c.notify("initialized", "{}");
            String text = "# List\n\n```bibtex\n\n```\n";
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + q(DOC) + ",\"languageId\":\"markdown\",\"version\":1,\"text\":" + q(text) + "}}");
            // Typing entries character by character into the block, with a backspace now and then.
            StringBuilder script = new StringBuilder();
            for (int i = 0; script.length() < 12_000; i++) {
                script.append("@article{key").append(i % 40).append(", title = {Title ").append(i).append("}, year = 20").append(i % 90).append("}\n");
            }
            int line = 3;
            int ch = 0;
            int version = 1;
            StringBuilder doc = new StringBuilder(text);
            int cursor = text.indexOf("\n```\n", 10) ;
            java.util.Random r = new java.util.Random(10_000);
            for (int i = 0; i < 10_000; i++) {
                String change;
                if (ch > 0 && r.nextInt(10) == 0) {
                    change = "{\"range\":{\"start\":{\"line\":" + line + ",\"character\":" + (ch - 1) + "},\"end\":{\"line\":" + line + ",\"character\":" + ch + "}},\"text\":\"\"}";
                    doc.deleteCharAt(cursor - 1);
                    cursor--;
                    ch--;
                } else {
                    char t = script.charAt(i);
                    change = "{\"range\":{\"start\":{\"line\":" + line + ",\"character\":" + ch + "},\"end\":{\"line\":" + line + ",\"character\":" + ch + "}},\"text\":" + q(String.valueOf(t)) + "}";
                    doc.insert(cursor, t);
                    cursor++;
                    if (t == '\n') {
                        line++;
                        ch = 0;
                    } else {
                        ch++;
                    }
                }
                version++;
                // Versions as a confused client sends them: mostly increasing, sometimes repeated.
                c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":" + q(DOC) + ",\"version\":" + version + "},\"contentChanges\":[" + change + "]}");
            }
            JsonObject last = diagnosticsOfVersion(c, DOC, version);
            List<String> expected = expectedDiagnostics(DOC, doc.toString());
            assertTrue(expected.size() > 10, expected.toString());
            assertEquals(expected, published(last));
            // A stale or unknown didChange does not disturb the document.
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"file:///tmp/bibmark-abuse/unknown.md\",\"version\":3},\"contentChanges\":[{\"text\":\"x\"}]}");
            assertServing(c);
            c.shutdownAndExit(20);
        }
    }

    @Test
    void cancellationStormsAndRequestsDuringReindexing(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ws"));
        for (int i = 0; i < 1500; i++) {
            Path sub = Files.createDirectories(folder.resolve("d" + (i / 100)));
            Files.writeString(sub.resolve("f" + i + ".md"), "# P" + i + "\n\n```bibtex\n@misc{k" + i + ", title = {T" + i + "}}\n```\n");
        }
        Files.writeString(folder.resolve("clash.bib"), "@misc{k7, title = {Another}}\n");
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{}}");
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + q(DOC) + ",\"languageId\":\"markdown\",\"version\":1,\"text\":"
                    + q("# P\n\nSee [@k\n") + "}}");
            // Re-indexing a big folder while requests keep coming.
            c.notify("workspace/didChangeWorkspaceFolders", "{\"event\":{\"added\":[{\"uri\":" + q(folder.toUri().toString()) + ",\"name\":\"ws\"}],\"removed\":[]}}");
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int id = c.request("textDocument/completion", pos(DOC, 2, 7));
                c.notify("$/cancelRequest", "{\"id\":" + id + "}");
                ids.add(id);
                if (i % 50 == 0) {
                    ids.add(c.request("workspace/symbol", "{\"query\":\"k1\"}"));
                    ids.add(c.request("textDocument/hover", pos(DOC, 2, 6)));
                }
                if (i == 150) {
                    c.notify("workspace/didChangeWorkspaceFolders", "{\"event\":{\"added\":[],\"removed\":[{\"uri\":" + q(folder.toUri().toString()) + ",\"name\":\"ws\"}]}}");
                    c.notify("workspace/didChangeWorkspaceFolders", "{\"event\":{\"added\":[{\"uri\":" + q(folder.toUri().toString()) + ",\"name\":\"ws\"}],\"removed\":[]}}");
                }
            }
            // Cancelling ids that were never sent or already answered is harmless.
            c.notify("$/cancelRequest", "{\"id\":123456}");
            c.notify("$/cancelRequest", "{\"id\":\"text-id\"}");
            for (int id : ids) {
                JsonObject r = answered(c, id);
                if (r.has("error")) {
                    assertEquals(-32800, r.getAsJsonObject("error").get("code").getAsInt(), r.toString());
                }
            }
            // After indexing: completion sees the folder's keys, and the clash across files is reported.
            JsonObject clash = c.await(m -> "textDocument/publishDiagnostics".equals(RawClient.str(m, "method"))
                    && m.getAsJsonObject("params").get("uri").getAsString().endsWith("clash.bib")
                    && m.toString().contains("duplicate-key"));
            assertTrue(clash.toString().contains("k7"), clash.toString());
            JsonObject comp = c.call("textDocument/completion", pos(DOC, 2, 7));
            assertTrue(comp.getAsJsonObject("result").getAsJsonArray("items").size() >= 100, comp.toString().substring(0, 200));
            c.shutdownAndExit(20);
        }
    }

    @Test
    void anOpenTextOverTheSizeLimitIsKeptUncheckedAndSaysSo() throws Exception {
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{}}");
            c.notify("initialized", "{}");
            // 50 MB over the wire: read, kept as text, answered.
            String big = "@misc{k, title = {x}}\n".repeat(50 * 1024 * 1024 / 22);
            String uri = "file:///tmp/bibmark-abuse/big.bib";
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + q(uri) + ",\"languageId\":\"bibtex\",\"version\":1,\"text\":" + q(big) + "}}");
            JsonObject msg = c.await(m -> "window/showMessage".equals(RawClient.str(m, "method")));
            assertTrue(msg.toString().contains("skipped: file larger than 10 MB"), msg.toString());
            // Not checked (thousands of duplicate keys are not reported), and edits to it are still taken.
            JsonObject diags = c.diagnosticsFor(uri);
            assertEquals(0, diags.getAsJsonObject("params").getAsJsonArray("diagnostics").size());
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":" + q(uri) + ",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"% edited\\n\"}]}");
            answered(c, c.request("textDocument/hover", pos(uri, 1, 7)));
            // Cut below the limit: parsed and checked again.
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":" + q(uri) + ",\"version\":3},\"contentChanges\":[{\"text\":\"@misc{a, title = {A}}\\n@misc{a, title = {B}}\\n\"}]}");
            JsonObject small = diagnosticsOfVersion(c, uri, 3);
            assertTrue(small.toString().contains("duplicate-key"), small.toString());
            c.shutdownAndExit(20);
        }
    }

    /**
     * A folder deleted or renamed arrives as one event for the folder (VS Code sends no event per file in it): its
     * files leave the index, and the renamed folder's files come in (found by QA: stale key clashes stayed).
     */
    @Test
    void aFolderDeletedOrRenamedTakesItsFilesAlong(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Path a = ws.resolve("a.md");
        Path sub = Files.createDirectories(ws.resolve("sub"));
        Files.writeString(a, "# A\n\n```bibtex\n@misc{same, title = {One}}\n```\n");
        Files.writeString(sub.resolve("b.md"), "# B\n\n```bibtex\n@misc{same, title = {Two}}\n```\n");
        Files.createDirectories(ws.resolve("node_modules/pkg"));
        Files.writeString(ws.resolve(".gitignore"), "ignored/\n");
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{\"workspace\":{\"didChangeWatchedFiles\":"
                    + "{\"dynamicRegistration\":true}}},\"workspaceFolders\":[{\"uri\":" + q(ws.toUri().toString()) + ",\"name\":\"ws\"}]}");
            c.notify("initialized", "{}");
            String au = a.toUri().toString();
            assertTrue(c.diagnosticsFor(au).toString().contains("duplicate-key"));
            // A change to a file that is not open is ignored, and its version is not kept for what is published later.
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":" + q(au) + ",\"version\":77},"
                    + "\"contentChanges\":[{\"text\":\"nothing\"}]}");
            // The folder is renamed: one event for the old folder, one for the new.
            Path moved = ws.resolve("sub2");
            Files.move(sub, moved);
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":" + q(sub.toUri().toString())
                    + ",\"type\":3},{\"uri\":" + q(moved.toUri().toString()) + ",\"type\":1}]}");
            JsonObject back = c.await(m -> "textDocument/publishDiagnostics".equals(RawClient.str(m, "method"))
                    && m.toString().contains("sub2/b.md") && m.toString().contains("duplicate-key"));
            assertTrue(back.toString().contains("duplicate-key"), back.toString());
            // Deleted: the clash goes with it.
            Files.delete(moved.resolve("b.md"));
            Files.delete(moved);
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":" + q(moved.toUri().toString()) + ",\"type\":3}]}");
            JsonObject cleared = c.await(m -> "textDocument/publishDiagnostics".equals(RawClient.str(m, "method"))
                    && au.equals(m.getAsJsonObject("params").get("uri").getAsString())
                    && m.getAsJsonObject("params").getAsJsonArray("diagnostics").isEmpty());
            assertTrue(!cleared.getAsJsonObject("params").has("version")
                    || cleared.getAsJsonObject("params").get("version").isJsonNull(), cleared.toString());
            // A folder appearing where the workspace ignores it is not read.
            Path ignored = Files.createDirectories(ws.resolve("ignored"));
            Files.writeString(ignored.resolve("c.md"), "# C\n\n```bibtex\n@misc{same, title = {Three}}\n```\n");
            Files.writeString(ws.resolve("node_modules/pkg/readme.md"), "# C\n\n```bibtex\n@misc{same, title = {Four}}\n```\n");
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":" + q(ignored.toUri().toString())
                    + ",\"type\":1},{\"uri\":" + q(ws.resolve("node_modules/pkg").toUri().toString()) + ",\"type\":1},"
                    + "{\"uri\":" + q(ws.resolve("notes.txt").toUri().toString()) + ",\"type\":1}]}");
            // Single files there too (a watcher reports every matching file; found by QA round 2).
            Files.createDirectories(ws.resolve(".hidden"));
            Files.writeString(ws.resolve(".hidden/e.md"), "# E\n\n```bibtex\n@misc{same, title = {Five}}\n```\n");
            Files.writeString(ws.resolve("x.tmp.md"), "# X\n\n```bibtex\n@misc{same, title = {Six}}\n```\n");
            Files.writeString(ws.resolve(".gitignore"), "ignored/\n*.tmp.md\n");
            StringBuilder events = new StringBuilder();
            for (Path p : List.of(ignored.resolve("c.md"), ws.resolve("node_modules/pkg/readme.md"), ws.resolve(".hidden/e.md"),
                    ws.resolve("x.tmp.md"))) {
                events.append(events.length() == 0 ? "" : ",").append("{\"uri\":").append(q(p.toUri().toString())).append(",\"type\":1}");
            }
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[" + events + "]}");
            JsonObject symbols = c.call("workspace/symbol", "{\"query\":\"same\"}");
            assertTrue(symbols.toString().contains("a.md"), symbols.toString());
            assertTrue(!symbols.toString().contains("c.md") && !symbols.toString().contains("readme.md")
                    && !symbols.toString().contains("sub") && !symbols.toString().contains("e.md")
                    && !symbols.toString().contains("x.tmp.md"), symbols.toString());
            assertServing(c);
            c.shutdownAndExit(20);
        }
    }

    /**
     * The workspace folder's .bibmark.json is read again when the watcher reports it (found by QA round 2), and a
     * changed .gitignore re-collects the index.
     */
    @Test
    void aChangedSettingsFileAppliesWithoutARestart(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Path a = ws.resolve("a.bib");
        Files.writeString(a, "@misc{k, title = {T}, note = {}}\n");
        Path cfg = ws.resolve(".bibmark.json");
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{},\"workspaceFolders\":[{\"uri\":"
                    + q(ws.toUri().toString()) + ",\"name\":\"ws\"}]}");
            c.notify("initialized", "{}");
            String au = a.toUri().toString();
            assertTrue(c.diagnosticsFor(au).toString().contains("\"severity\":2"));
            Files.writeString(cfg, "{\"checks\": {\"empty-field\": \"error\"}}");
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":" + q(cfg.toUri().toString()) + ",\"type\":1}]}");
            JsonObject error = c.await(m -> "textDocument/publishDiagnostics".equals(RawClient.str(m, "method"))
                    && m.toString().contains("\"severity\":1"));
            assertTrue(error.toString().contains("empty-field"), error.toString());
            Files.writeString(cfg, "{\"checks\": {\"empty-field\": \"off\"}}");
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":" + q(cfg.toUri().toString()) + ",\"type\":2}]}");
            c.await(m -> "textDocument/publishDiagnostics".equals(RawClient.str(m, "method"))
                    && au.equals(m.getAsJsonObject("params").get("uri").getAsString())
                    && m.getAsJsonObject("params").getAsJsonArray("diagnostics").isEmpty());
            // A .gitignore that now leaves a file out takes it out of the index (its key clash with a.bib goes).
            Path b = ws.resolve("b.bib");
            Files.writeString(b, "@misc{k, title = {Other}}\n");
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":" + q(b.toUri().toString()) + ",\"type\":1}]}");
            c.await(m -> "textDocument/publishDiagnostics".equals(RawClient.str(m, "method"))
                    && au.equals(m.getAsJsonObject("params").get("uri").getAsString()) && m.toString().contains("duplicate-key"));
            Path ignore = ws.resolve(".gitignore");
            Files.writeString(ignore, "b.bib\n");
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":" + q(ignore.toUri().toString()) + ",\"type\":1}]}");
            c.await(m -> "textDocument/publishDiagnostics".equals(RawClient.str(m, "method"))
                    && au.equals(m.getAsJsonObject("params").get("uri").getAsString())
                    && m.getAsJsonObject("params").getAsJsonArray("diagnostics").isEmpty());
            c.shutdownAndExit(20);
        }
    }

    /** Several workspace folders with their own settings: one applies, and the user is told which (QA round 3). */
    @Test
    void severalFoldersWithSettingsAreNamed(@TempDir Path dir) throws Exception {
        Path one = Files.createDirectories(dir.resolve("one"));
        Path two = Files.createDirectories(dir.resolve("two"));
        Files.writeString(one.resolve(".bibmark.json"), "{}");
        Files.writeString(two.resolve(".bibmark.json"), "{}");
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{},\"workspaceFolders\":[{\"uri\":"
                    + q(one.toUri().toString()) + ",\"name\":\"one\"},{\"uri\":" + q(two.toUri().toString()) + ",\"name\":\"two\"}]}");
            c.notify("initialized", "{}");
            JsonObject msg = c.await(m -> "window/showMessage".equals(RawClient.str(m, "method")));
            assertTrue(msg.toString().contains("several .bibmark.json") && msg.toString().contains("two"), msg.toString());
            c.shutdownAndExit(20);
        }
    }

    @Test
    void aFileDeletedOrRewrittenWhileIndexedIsDroppedAndTheRestStaysChecked(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Path a = ws.resolve("a.md");
        Path b = ws.resolve("b.bib");
        Files.writeString(a, "# A\n\n```bibtex\n@misc{same, title = {One}}\n```\n");
        Files.writeString(b, "@misc{same, title = {Two}}\n");
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{},\"workspaceFolders\":[{\"uri\":" + q(ws.toUri().toString()) + ",\"name\":\"ws\"}]}");
            c.notify("initialized", "{}");
            String bu = b.toUri().toString();
            assertTrue(c.diagnosticsFor(bu).toString().contains("duplicate-key"));
            // The file disappears but the client reports it as changed (a rename racing the watcher).
            Files.delete(a);
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":" + q(a.toUri().toString()) + ",\"type\":2}]}");
            JsonObject cleared = c.diagnosticsFor(bu);
            assertEquals(0, cleared.getAsJsonObject("params").getAsJsonArray("diagnostics").size(), cleared.toString());
            // Rewritten past the size limit: skipped with a message, not half-read.
            try (java.io.OutputStream out = Files.newOutputStream(a)) {
                byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 11; i++) {
                    out.write(chunk);
                }
            }
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":" + q(a.toUri().toString()) + ",\"type\":2}]}");
            c.await(m -> "window/logMessage".equals(RawClient.str(m, "method")) && m.toString().contains("skipped: file larger than 10 MB"));
            assertServing(c);
            c.shutdownAndExit(20);
        }
    }
}
