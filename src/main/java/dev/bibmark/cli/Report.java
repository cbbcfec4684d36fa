package dev.bibmark.cli;

import com.google.gson.stream.JsonWriter;
import dev.bibmark.checks.Finding;
import dev.bibmark.checks.Severity;
import dev.bibmark.model.Document;
import dev.bibmark.text.LineIndex;
import dev.bibmark.text.TextRange;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Formats findings for the CLI: text, JSON (stable for tools) and GitHub Actions annotations. */
final class Report {
    private final List<Document> docs;
    private final Map<String, Document> byPath = new HashMap<>();
    private final Map<String, List<Finding>> byFile = new HashMap<>();
    private final Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    private final int entries;

    /** What a column of the text and GitHub reports counts (JSON positions are always UTF-16, as in LSP). */
    enum Columns {
        /** UTF-16 code units: LSP's, ESLint's, VS Code's unit. */
        UTF16,
        /** Unicode characters (code points): Emacs's and most compilers' unit. */
        CHARS,
        /** UTF-8 bytes: Vim's quickfix {@code %c}. */
        BYTES
    }

    private final Columns columns;

    Report(List<Document> docs, List<Finding> findings) {
        this(docs, findings, Columns.UTF16);
    }

    Report(List<Document> docs, List<Finding> findings, Columns columns) {
        this.columns = columns;
        this.docs = docs;
        int e = 0;
        for (Document d : docs) {
            byPath.put(d.path(), d);
            e += d.entries().size();
        }
        this.entries = e;
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : findings) {
            byFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
            counts.merge(f.severity(), 1, Integer::sum);
        }
    }

    int errors() {
        return counts.get(Severity.ERROR);
    }

    /** The 1-based column of {@code offset} in document {@code d} (null: unknown text, UTF-16), in the chosen unit. */
    private int column(Document d, LineIndex li, int offset) {
        int utf16 = li.character(offset);
        if (columns == Columns.UTF16 || d == null || utf16 == 0) {
            return utf16 + 1;
        }
        int end = Math.min(offset, d.text().length());
        int start = Math.max(0, end - utf16);
        if (columns == Columns.CHARS) {
            return d.text().codePointCount(start, end) + 1;
        }
        int bytes = 0;
        for (int i = start; i < end; i++) {
            char c = d.text().charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3; // a pair: 4 bytes in all
        }
        return bytes + 1;
    }

    private LineIndex lines(String path) {
        Document d = byPath.get(path);
        return d != null ? d.lines() : LineIndex.of("");
    }

    void printText(PrintStream out) {
        StringBuilder sb = new StringBuilder();
        for (Document d : docs) {
            for (Finding f : byFile.getOrDefault(d.path(), List.of())) {
                LineIndex li = d.lines();
                int start = f.range().start();
                sb.append(d.path()).append(':').append(li.line(start) + 1).append(':').append(column(d, li, start))
                        .append(": ").append(f.severity().id()).append(' ').append(f.code().id()).append(": ")
                        .append(f.message()).append('\n');
                for (Finding.Related r : f.related()) {
                    LineIndex rl = lines(r.path());
                    sb.append("    ").append(r.path()).append(':').append(rl.line(r.range().start()) + 1).append(':')
                            .append(column(byPath.get(r.path()), rl, r.range().start())).append(": note: ")
                            .append(r.message()).append('\n');
                }
            }
        }
        sb.append(summaryLine()).append('\n');
        out.print(sb);
    }

    private String summaryLine() {
        // Concatenation, not String.format: a formatter's first use costs a cold JVM ~15 ms (its parser, locale data).
        int errors = counts.get(Severity.ERROR);
        int warnings = counts.get(Severity.WARNING);
        int hints = counts.get(Severity.HINT);
        return docs.size() + " file" + (docs.size() == 1 ? "" : "s") + ", " + entries + " entr"
                + (entries == 1 ? "y" : "ies") + ": " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings
                + " warning" + (warnings == 1 ? "" : "s") + ", " + counts.get(Severity.INFORMATION) + " information, "
                + hints + " hint" + (hints == 1 ? "" : "s");
    }

    /** The JSON report, streamed (a workspace of a million entries has tens of thousands of findings). */
    void printJson(PrintStream out) {
        try {
            java.io.Writer w = new java.io.BufferedWriter(
                    new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
            JsonWriter json = new JsonWriter(w);
            json.setHtmlSafe(false);
            json.beginObject().name("files").beginArray();
            for (Document d : docs) {
                json.beginObject().name("path").value(d.path()).name("entries").value(d.entries().size());
                json.name("diagnostics").beginArray();
                for (Finding f : byFile.getOrDefault(d.path(), List.of())) {
                    json.beginObject().name("code").value(f.code().id()).name("severity").value(f.severity().id())
                            .name("message").value(f.message()).name("range");
                    range(json, d.lines(), f.range());
                    json.name("related").beginArray();
                    for (Finding.Related r : f.related()) {
                        json.beginObject().name("path").value(r.path()).name("range");
                        range(json, lines(r.path()), r.range());
                        json.name("message").value(r.message()).endObject();
                    }
                    json.endArray().endObject();
                }
                json.endArray().endObject();
            }
            json.endArray();
            json.name("summary").beginObject().name("files").value(docs.size()).name("entries").value(entries)
                    .name("errors").value(counts.get(Severity.ERROR)).name("warnings").value(counts.get(Severity.WARNING))
                    .name("information").value(counts.get(Severity.INFORMATION))
                    .name("hints").value(counts.get(Severity.HINT)).endObject();
            json.endObject();
            json.flush();
            w.write(System.lineSeparator());
            w.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void range(JsonWriter json, LineIndex li, TextRange r) throws java.io.IOException {
        json.beginObject().name("start");
        position(json, li, r.start());
        json.name("end");
        position(json, li, r.end());
        json.endObject();
    }

    private static void position(JsonWriter json, LineIndex li, int offset) throws java.io.IOException {
        json.beginObject().name("line").value(li.line(offset)).name("character").value(li.character(offset)).endObject();
    }

    void printGithub(PrintStream out) {
        StringBuilder sb = new StringBuilder();
        for (Document d : docs) {
            for (Finding f : byFile.getOrDefault(d.path(), List.of())) {
                LineIndex li = d.lines();
                String level = switch (f.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    default -> "notice";
                };
                TextRange r = f.range();
                sb.append("::").append(level)
                        .append(" file=").append(property(d.path()))
                        .append(",line=").append(li.line(r.start()) + 1)
                        .append(",col=").append(column(d, li, r.start()))
                        .append(",endLine=").append(li.line(r.end()) + 1)
                        .append(",endColumn=").append(column(d, li, r.end()))
                        .append(",title=").append(property(f.code().id()))
                        .append("::").append(data(f.message())).append('\n');
            }
        }
        out.print(sb);
        out.println(summaryLine());
    }

    /** GitHub's escaping of a workflow command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub's escaping of a workflow command's property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
