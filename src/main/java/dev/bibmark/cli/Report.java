package dev.bibmark.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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

    Report(List<Document> docs, List<Finding> findings) {
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
                sb.append(d.path()).append(':').append(li.line(start) + 1).append(':').append(li.character(start) + 1)
                        .append(": ").append(f.severity().id()).append(' ').append(f.code().id()).append(": ")
                        .append(f.message()).append('\n');
                for (Finding.Related r : f.related()) {
                    LineIndex rl = lines(r.path());
                    sb.append("    ").append(r.path()).append(':').append(rl.line(r.range().start()) + 1).append(':')
                            .append(rl.character(r.range().start()) + 1).append(": note: ").append(r.message()).append('\n');
                }
            }
        }
        sb.append(summaryLine()).append('\n');
        out.print(sb);
    }

    private String summaryLine() {
        return String.format("%d file%s, %d entr%s: %d error%s, %d warning%s, %d information, %d hint%s",
                docs.size(), docs.size() == 1 ? "" : "s", entries, entries == 1 ? "y" : "ies",
                counts.get(Severity.ERROR), counts.get(Severity.ERROR) == 1 ? "" : "s",
                counts.get(Severity.WARNING), counts.get(Severity.WARNING) == 1 ? "" : "s",
                counts.get(Severity.INFORMATION),
                counts.get(Severity.HINT), counts.get(Severity.HINT) == 1 ? "" : "s");
    }

    void printJson(PrintStream out) {
        JsonObject root = new JsonObject();
        JsonArray files = new JsonArray();
        for (Document d : docs) {
            JsonObject file = new JsonObject();
            file.addProperty("path", d.path());
            file.addProperty("entries", d.entries().size());
            JsonArray diags = new JsonArray();
            for (Finding f : byFile.getOrDefault(d.path(), List.of())) {
                JsonObject o = new JsonObject();
                o.addProperty("code", f.code().id());
                o.addProperty("severity", f.severity().id());
                o.addProperty("message", f.message());
                o.add("range", range(d.lines(), f.range()));
                JsonArray rel = new JsonArray();
                for (Finding.Related r : f.related()) {
                    JsonObject ro = new JsonObject();
                    ro.addProperty("path", r.path());
                    ro.add("range", range(lines(r.path()), r.range()));
                    ro.addProperty("message", r.message());
                    rel.add(ro);
                }
                o.add("related", rel);
                diags.add(o);
            }
            file.add("diagnostics", diags);
            files.add(file);
        }
        root.add("files", files);
        JsonObject summary = new JsonObject();
        summary.addProperty("files", docs.size());
        summary.addProperty("entries", entries);
        summary.addProperty("errors", counts.get(Severity.ERROR));
        summary.addProperty("warnings", counts.get(Severity.WARNING));
        summary.addProperty("information", counts.get(Severity.INFORMATION));
        summary.addProperty("hints", counts.get(Severity.HINT));
        root.add("summary", summary);
        out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(root));
    }

    private static JsonObject range(LineIndex li, TextRange r) {
        JsonObject o = new JsonObject();
        o.add("start", position(li, r.start()));
        o.add("end", position(li, r.end()));
        return o;
    }

    private static JsonObject position(LineIndex li, int offset) {
        JsonObject o = new JsonObject();
        o.addProperty("line", li.line(offset));
        o.addProperty("character", li.character(offset));
        return o;
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
                        .append(",col=").append(li.character(r.start()) + 1)
                        .append(",endLine=").append(li.line(r.end()) + 1)
                        .append(",endColumn=").append(li.character(r.end()) + 1)
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
