package dev.bibmark.features;

import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-file workspace written as one text: {@code //- path} starts a file (a fixture without one is
 * {@code papers.md}), and {@code $0} marks the cursor (removed from the text; at most one per fixture).
 */
record Fixture(List<Document> docs, Document cursorDoc, int cursor) {

    static Fixture of(String spec) {
        List<String> paths = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        // A trailing newline ends the last line; it does not start another one.
        String body = spec.endsWith("\n") ? spec.substring(0, spec.length() - 1) : spec;
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("//- ")) {
                paths.add(line.substring(4).trim());
                texts.add(new StringBuilder());
                continue;
            }
            if (paths.isEmpty()) {
                paths.add("papers.md");
                texts.add(new StringBuilder());
            }
            texts.get(texts.size() - 1).append(line).append('\n');
        }
        List<Document> docs = new ArrayList<>();
        Document cursorDoc = null;
        int cursor = -1;
        for (int i = 0; i < paths.size(); i++) {
            String text = texts.get(i).toString();
            int at = text.indexOf("$0");
            if (at >= 0) {
                if (cursorDoc != null || text.indexOf("$0", at + 2) >= 0) {
                    throw new IllegalArgumentException("more than one $0 in the fixture");
                }
                text = text.substring(0, at) + text.substring(at + 2);
                cursor = at;
            }
            Document d = Documents.parse(paths.get(i), text);
            docs.add(d);
            if (at >= 0) {
                cursorDoc = d;
            }
        }
        return new Fixture(List.copyOf(docs), cursorDoc, cursor);
    }

    Document doc(String path) {
        return docs.stream().filter(d -> d.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no file " + path));
    }

    Document cursorDocument() {
        if (cursorDoc == null) {
            throw new IllegalStateException("the fixture has no $0");
        }
        return cursorDoc;
    }

    /** "path:line:col text" with 1-based line and column, for readable assertions. */
    static String show(Document d, TextRange r) {
        return d.path() + ":" + (d.lines().line(r.start()) + 1) + ":" + (d.lines().character(r.start()) + 1) + " "
                + d.text().substring(r.start(), r.end());
    }
}
