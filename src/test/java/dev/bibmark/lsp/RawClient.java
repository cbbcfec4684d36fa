package dev.bibmark.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bare JSON-RPC client over the launcher's stdio: sends any bytes (malformed ones too) and reads every message
 * the server writes. Server requests (workspace/configuration, client/registerCapability,
 * window/workDoneProgress/create) are answered with null so the server is never left waiting.
 */
final class RawClient implements AutoCloseable {
    final Process proc;
    private final OutputStream out;
    private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    /** Every message received, in order (for assertions on notifications). */
    final List<JsonObject> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    private int nextId = 1;

    RawClient(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of("server/bin/bibmark").toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = proc.getOutputStream();
        Thread reader = new Thread(() -> read(proc.getInputStream()), "raw-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream in) {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                JsonObject msg = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
                seen.add(msg);
                if (msg.has("method") && msg.has("id")) {
                    JsonObject reply = new JsonObject();
                    reply.addProperty("jsonrpc", "2.0");
                    reply.add("id", msg.get("id"));
                    reply.add("result", com.google.gson.JsonNull.INSTANCE);
                    if (msg.get("method").getAsString().equals("workspace/configuration")) {
                        com.google.gson.JsonArray arr = new com.google.gson.JsonArray();
                        arr.add(com.google.gson.JsonNull.INSTANCE);
                        reply.add("result", arr);
                    }
                    sendRaw(reply.toString());
                } else {
                    inbox.add(msg);
                }
            }
        } catch (IOException | RuntimeException e) {
            // stream closed
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c == -1 && b.size() == 0) {
            throw new IOException("eof");
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    synchronized void sendRaw(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            out.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes as they are (for broken headers). */
    synchronized void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    int request(String method, String paramsJson) {
        int id;
        synchronized (this) {
            id = nextId++;
        }
        sendRaw("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        return id;
    }

    void notify(String method, String paramsJson) {
        sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
    }

    /** The response to a request (result or error), waiting at most 20 s. */
    JsonObject response(int id) throws InterruptedException {
        return await(m -> m.has("id") && !m.get("id").isJsonNull() && m.get("id").getAsInt() == id && !m.has("method"));
    }

    JsonObject call(String method, String paramsJson) throws InterruptedException {
        return response(request(method, paramsJson));
    }

    private final List<JsonObject> held = new ArrayList<>();

    /** The first message (in arrival order, including ones skipped by earlier awaits) matching the test. */
    JsonObject await(Predicate<JsonObject> test) throws InterruptedException {
        for (int i = 0; i < held.size(); i++) {
            if (test.test(held.get(i))) {
                return held.remove(i);
            }
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject m = inbox.poll(200, TimeUnit.MILLISECONDS);
            if (m == null) {
                continue;
            }
            if (test.test(m)) {
                return m;
            }
            held.add(m);
        }
        throw new AssertionError("no matching message within 20 s; held: " + held);
    }

    /** The latest diagnostics of a URI once nothing new has arrived for {@code quietMs}. */
    JsonObject diagnosticsFor(String uri) throws InterruptedException {
        return await(m -> "textDocument/publishDiagnostics".equals(str(m, "method"))
                && uri.equals(m.getAsJsonObject("params").get("uri").getAsString()));
    }

    static String str(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    boolean alive() {
        return proc.isAlive();
    }

    /** The protocol's end: shutdown (answered), exit, and the process gone within {@code seconds}. */
    void shutdownAndExit(int seconds) throws InterruptedException {
        call("shutdown", "null");
        notify("exit", "null");
        org.junit.jupiter.api.Assertions.assertTrue(proc.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS),
                "the server did not exit");
    }

    @Override
    public void close() {
        proc.destroyForcibly();
    }
}
