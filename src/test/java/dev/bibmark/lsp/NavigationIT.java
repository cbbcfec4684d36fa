package dev.bibmark.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Navigation and refactoring over stdio: definition into a file that is not open, references, rename across an
 * open and an unopened file, outline, folding, links, code lenses, inlay hints and the status-tag toggle.
 */
class NavigationIT {
    private static final String LIST = "# Papers\n\n#### Attention Is All You Need [`UNREAD`]\n\n"
            + "paper link: [here](https://arxiv.org/abs/1706.03762)\n\n```bibtex\n@inproceedings{vaswani2017attention,\n"
            + "  title = {Attention Is All You Need},\n  author = {Vaswani, Ashish},\n  booktitle = {NeurIPS},\n"
            + "  year = {2017},\n  doi = {10.5555/3295222.3295349}\n}\n```\n";
    private static final String NOTES = "# Notes\n\nTransformers [@vaswani2017attention; @other] and \\cite{x, vaswani2017attention}.\n";

    private static String pos(int line, int ch) {
        return "\"position\":{\"line\":" + line + ",\"character\":" + ch + "}";
    }

    private static String doc(String uri) {
        return "\"textDocument\":{\"uri\":\"" + uri + "\"}";
    }

    @Test
    void navigateAndRenameAcrossFiles(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("list.md");
        Path notes = dir.resolve("notes.md");
        Files.writeString(list, LIST);
        Files.writeString(notes, NOTES);
        String listUri = list.toUri().toString();
        String notesUri = notes.toUri().toString();
        try (RawClient c = new RawClient("lsp")) {
            JsonObject init = c.call("initialize", "{\"processId\":null,\"capabilities\":{},\"workspaceFolders\":[{\"uri\":\""
                    + dir.toUri() + "\",\"name\":\"ws\"}]}");
            JsonObject caps = init.getAsJsonObject("result").getAsJsonObject("capabilities");
            for (String cap : new String[] {"definitionProvider", "referencesProvider", "renameProvider", "documentSymbolProvider",
                    "foldingRangeProvider", "documentLinkProvider", "codeLensProvider", "inlayHintProvider", "codeActionProvider"}) {
                assertTrue(caps.has(cap), cap);
            }
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + notesUri
                    + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":" + new com.google.gson.Gson().toJson(NOTES) + "}}");
            c.diagnosticsFor(notesUri);

            // Definition from a citation in the open file lands in list.md, which is not open.
            JsonArray defs = c.call("textDocument/definition", "{" + doc(notesUri) + "," + pos(2, 20) + "}").getAsJsonArray("result");
            assertEquals(1, defs.size());
            assertEquals(listUri, defs.get(0).getAsJsonObject().get("uri").getAsString());
            assertEquals(7, defs.get(0).getAsJsonObject().getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());

            // References from the entry: both citations in notes.md.
            JsonArray refs = c.call("textDocument/references", "{" + doc(listUri) + "," + pos(7, 20)
                    + ",\"context\":{\"includeDeclaration\":false}}").getAsJsonArray("result");
            assertEquals(2, refs.size(), refs.toString());

            // Rename from the citation: one WorkspaceEdit over both files.
            JsonObject prep = c.call("textDocument/prepareRename", "{" + doc(notesUri) + "," + pos(2, 20) + "}").getAsJsonObject("result");
            assertEquals("vaswani2017attention", prep.get("placeholder").getAsString());
            JsonObject edit = c.call("textDocument/rename", "{" + doc(notesUri) + "," + pos(2, 20) + ",\"newName\":\"vaswani2017\"}")
                    .getAsJsonObject("result").getAsJsonObject("changes");
            assertEquals(1, edit.getAsJsonArray(listUri).size());
            assertEquals(2, edit.getAsJsonArray(notesUri).size());
            assertEquals("vaswani2017", edit.getAsJsonArray(listUri).get(0).getAsJsonObject().get("newText").getAsString());
            // A taken or invalid key is refused with a message.
            JsonObject bad = c.call("textDocument/rename", "{" + doc(notesUri) + "," + pos(2, 20) + ",\"newName\":\"has space\"}");
            assertTrue(bad.has("error"), bad.toString());
            assertEquals(-32803, bad.getAsJsonObject("error").get("code").getAsInt(), "RequestFailed");

            // Outline, folding, links, lenses, hints.
            JsonArray symbols = c.call("textDocument/documentSymbol", "{" + doc(listUri) + "}").getAsJsonArray("result");
            assertTrue(symbols.toString().contains("Attention Is All You Need"), symbols.toString());
            JsonArray folds = c.call("textDocument/foldingRange", "{" + doc(listUri) + "}").getAsJsonArray("result");
            assertTrue(folds.size() >= 2, folds.toString());
            JsonArray links = c.call("textDocument/documentLink", "{" + doc(listUri) + "}").getAsJsonArray("result");
            assertTrue(links.toString().contains("https://doi.org/10.5555/3295222.3295349"), links.toString());
            JsonArray lenses = c.call("textDocument/codeLens", "{" + doc(listUri) + "}").getAsJsonArray("result");
            assertTrue(lenses.toString().contains("cited 2 times"), lenses.toString());
            JsonArray hints = c.call("textDocument/inlayHint", "{" + doc(notesUri) + ",\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":5,\"character\":0}}}")
                    .getAsJsonArray("result");
            assertTrue(hints.toString().contains("Attention Is All You Need"), hints.toString());
            JsonElement wsym = c.call("workspace/symbol", "{\"query\":\"attention\"}").get("result");
            assertTrue(wsym.toString().contains(listUri), wsym.toString());

            // The status tag toggles from the heading.
            JsonArray actions = c.call("textDocument/codeAction", "{" + doc(listUri) + ",\"range\":{\"start\":{\"line\":2,\"character\":8},\"end\":{\"line\":2,\"character\":8}},\"context\":{\"diagnostics\":[]}}")
                    .getAsJsonArray("result");
            assertTrue(actions.toString().contains("READ"), actions.toString());

            c.shutdownAndExit(10);
            assertEquals(0, c.proc.exitValue());
        }
    }

    /**
     * A .bib file saved with a UTF-8 byte order mark and not open: editors show (and would edit) its text without
     * the mark, so the positions the server sends for it, here a rename of the key on its first line, must be those
     * of that text. They were one character off on line 0, which broke the file.
     */
    @Test
    void renameIntoAnUnopenedFileWithAByteOrderMark(@TempDir Path dir) throws Exception {
        Path refs = dir.resolve("refs.bib");
        Path notes = dir.resolve("notes.md");
        String shown = "@misc{k1, title = {T}, author = {A}, year = {2001}}\n";
        Files.write(refs, ("\uFEFF" + shown).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String notesText = "See [@k1].\n";
        Files.writeString(notes, notesText);
        String refsUri = refs.toUri().toString();
        String notesUri = notes.toUri().toString();
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{},\"workspaceFolders\":[{\"uri\":\""
                    + dir.toUri() + "\",\"name\":\"ws\"}]}");
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + notesUri
                    + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":" + new com.google.gson.Gson().toJson(notesText) + "}}");
            c.diagnosticsFor(notesUri);
            JsonArray defs = c.call("textDocument/definition", "{" + doc(notesUri) + "," + pos(0, 7) + "}").getAsJsonArray("result");
            JsonObject start = defs.get(0).getAsJsonObject().getAsJsonObject("range").getAsJsonObject("start");
            assertEquals(0, start.get("line").getAsInt());
            assertEquals(shown.indexOf("k1"), start.get("character").getAsInt());
            JsonObject edit = c.call("textDocument/rename", "{" + doc(notesUri) + "," + pos(0, 7) + ",\"newName\":\"smith2001\"}")
                    .getAsJsonObject("result").getAsJsonObject("changes");
            assertEquals("@misc{smith2001, title = {T}, author = {A}, year = {2001}}\n",
                    applyEdits(shown, edit.getAsJsonArray(refsUri)));
            assertEquals("See [@smith2001].\n", applyEdits(notesText, edit.getAsJsonArray(notesUri)));
            c.shutdownAndExit(10);
        }
    }

    /**
     * undefined-citation through the server's incremental cross-document index: a citation in one open file is
     * undefined until an edit in another open file gives an entry its key, and is again after the edit is undone.
     */
    @Test
    void aCitationIsDefinedByAnEditInAnotherFile(@TempDir Path dir) throws Exception {
        Path notes = dir.resolve("notes.md");
        Path list = dir.resolve("list.md");
        String notesText = "See [@smith2020deep] and \\cite{smith2020deep}.\n";
        String listText = "# P\n\n```bibtex\n@misc{smith2020dep, title = {Deep}}\n```\n";
        Files.writeString(notes, notesText);
        Files.writeString(list, listText);
        String notesUri = notes.toUri().toString();
        String listUri = list.toUri().toString();
        com.google.gson.Gson gson = new com.google.gson.Gson();
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{},\"initializationOptions\":{\"bibmark\":"
                    + "{\"diagnostics\":{\"debounceMs\":0}}},\"workspaceFolders\":[{\"uri\":\"" + dir.toUri()
                    + "\",\"name\":\"ws\"}]}");
            c.notify("initialized", "{}");
            for (String[] f : new String[][] {{notesUri, notesText}, {listUri, listText}}) {
                c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + f[0]
                        + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":" + gson.toJson(f[1]) + "}}");
            }
            JsonArray before = undefinedCitations(c, notesUri, 2);
            assertEquals(6, before.get(0).getAsJsonObject().getAsJsonObject("range").getAsJsonObject("start")
                    .get("character").getAsInt());
            assertTrue(before.get(0).getAsJsonObject().get("message").getAsString().contains("'smith2020deep'"));
            // Typing the missing "e" into the entry's key defines the key: both findings go.
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + listUri + "\",\"version\":2},"
                    + "\"contentChanges\":[{\"range\":{\"start\":{\"line\":3,\"character\":16},\"end\":{\"line\":3,"
                    + "\"character\":16}},\"text\":\"e\"}]}");
            undefinedCitations(c, notesUri, 0);
            // And back.
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + listUri + "\",\"version\":3},"
                    + "\"contentChanges\":[{\"range\":{\"start\":{\"line\":3,\"character\":16},\"end\":{\"line\":3,"
                    + "\"character\":17}},\"text\":\"\"}]}");
            undefinedCitations(c, notesUri, 2);
            c.shutdownAndExit(10);
        }
    }

    /**
     * A list whose front matter names a CSL JSON bibliography is judged against that file's ids in the editor too (as
     * by {@code bibmark check}), and an edit of the file on disk applies at the next check.
     */
    @Test
    void aCslBibliographyNamedInFrontMatterDefinesKeys(@TempDir Path dir) throws Exception {
        Path notes = dir.resolve("notes.md");
        Path refs = dir.resolve("refs.json");
        String notesText = "---\ntitle: Notes\nbibliography: refs.json\n---\n\nSee [@known] and [@later].\n";
        Files.writeString(notes, notesText);
        Files.writeString(refs, "[{\"id\": \"known\", \"title\": \"K\"}]\n");
        String notesUri = notes.toUri().toString();
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{},\"initializationOptions\":{\"bibmark\":"
                    + "{\"diagnostics\":{\"debounceMs\":0}}},\"workspaceFolders\":[{\"uri\":\"" + dir.toUri()
                    + "\",\"name\":\"ws\"}]}");
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + notesUri
                    + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":" + new com.google.gson.Gson().toJson(notesText) + "}}");
            JsonArray one = undefinedCitations(c, notesUri, 1);
            assertTrue(one.get(0).getAsJsonObject().get("message").getAsString().contains("'later'"), one.toString());
            // Its keys are completed in a citation.
            JsonObject completion = c.call("textDocument/completion", "{" + doc(notesUri) + "," + pos(5, 8) + "}")
                    .getAsJsonObject("result");
            assertTrue(completion.toString().contains("\"label\":\"known\"") && completion.toString().contains("refs.json"),
                    completion.toString());
            // Hover on it names the file instead of "no entry with this key".
            String hover = c.call("textDocument/hover", "{" + doc(notesUri) + "," + pos(5, 8) + "}").toString();
            assertTrue(hover.contains("CSL bibliography") && hover.contains("refs.json"), hover);
            // The file gains the key; the watcher reports the change.
            Files.writeString(refs, "[{\"id\": \"known\"}, {\"id\": \"later\"}]\n");
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":\"" + refs.toUri() + "\",\"type\":2}]}");
            undefinedCitations(c, notesUri, 0);
            // And loses both: both citations are flagged.
            Files.writeString(refs, "[]\n");
            c.notify("workspace/didChangeWatchedFiles", "{\"changes\":[{\"uri\":\"" + refs.toUri() + "\",\"type\":2}]}");
            undefinedCitations(c, notesUri, 2);
            c.shutdownAndExit(10);
        }
    }

    /**
     * A client that sends a byte order mark counts it in its positions (found by QA: the server skipped it, as it
     * does for files read from disk, and every edit on line 0 landed one character off).
     */
    @Test
    void aByteOrderMarkInAnOpenedTextIsACharacter(@TempDir Path dir) throws Exception {
        Path bib = dir.resolve("b.bib");
        String text = "\uFEFF@misc{abc,\n  title = {T},\n  year = 2020\n}\n";
        String uri = bib.toUri().toString();
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{},\"initializationOptions\":{\"bibmark\":"
                    + "{\"diagnostics\":{\"debounceMs\":0}}}}");
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri
                    + "\",\"languageId\":\"bibtex\",\"version\":1,\"text\":" + new com.google.gson.Gson().toJson(text) + "}}");
            c.diagnosticsFor(uri);
            JsonArray before = c.call("textDocument/documentSymbol", "{" + doc(uri) + "}").getAsJsonArray("result");
            assertEquals(7, before.get(0).getAsJsonObject().getAsJsonObject("selectionRange").getAsJsonObject("start")
                    .get("character").getAsInt(), "the key starts at 0:7 counting the mark");
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":2},"
                    + "\"contentChanges\":[{\"range\":{\"start\":" + "{\"line\":0,\"character\":7},\"end\":"
                    + "{\"line\":0,\"character\":7}},\"text\":\"X\"}]}");
            c.diagnosticsFor(uri);
            JsonArray after = c.call("textDocument/documentSymbol", "{" + doc(uri) + "}").getAsJsonArray("result");
            assertEquals("Xabc", after.get(0).getAsJsonObject().get("name").getAsString(), after.toString());
            c.shutdownAndExit(10);
        }
    }

    /** Waits for a publish of {@code uri} with {@code count} undefined-citation diagnostics and returns them. */
    private static JsonArray undefinedCitations(RawClient c, String uri, int count) throws InterruptedException {
        while (true) {
            JsonArray all = c.diagnosticsFor(uri).getAsJsonObject("params").getAsJsonArray("diagnostics");
            JsonArray out = new JsonArray();
            for (JsonElement d : all) {
                if ("undefined-citation".equals(d.getAsJsonObject().get("code").getAsString())) {
                    out.add(d);
                }
            }
            if (out.size() == count) {
                return out;
            }
        }
    }

    /** Applies LSP TextEdits (JSON) to a text. */
    static String applyEdits(String text, JsonArray edits) {
        dev.bibmark.text.LineIndex li = dev.bibmark.text.LineIndex.of(text);
        java.util.List<dev.bibmark.text.Edit> out = new java.util.ArrayList<>();
        for (JsonElement e : edits) {
            JsonObject r = e.getAsJsonObject().getAsJsonObject("range");
            int a = li.offset(r.getAsJsonObject("start").get("line").getAsInt(), r.getAsJsonObject("start").get("character").getAsInt(), text);
            int b = li.offset(r.getAsJsonObject("end").get("line").getAsInt(), r.getAsJsonObject("end").get("character").getAsInt(), text);
            out.add(new dev.bibmark.text.Edit(new dev.bibmark.text.TextRange(a, b), e.getAsJsonObject().get("newText").getAsString()));
        }
        return dev.bibmark.text.Edit.apply(text, out);
    }

    @Test
    void formattingRewritesOnlyBibtexBlocksAndIsIdempotent() throws Exception {
        String uri = "file:///tmp/bibmark-it/format.md";
        String text = "# List   \n\n```bibtex\n@ARTICLE{k,\n title = \"T\",   author={A},\n journal={J}, year=2020}\n```\n\ntrailing   text\n";
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{}}");
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":"
                    + new com.google.gson.Gson().toJson(text) + "}}");
            c.diagnosticsFor(uri);
            JsonArray edits = c.call("textDocument/formatting", "{" + doc(uri) + ",\"options\":{\"tabSize\":2,\"insertSpaces\":true}}")
                    .getAsJsonArray("result");
            assertTrue(edits.size() > 0);
            String formatted = applyEdits(text, edits);
            assertTrue(formatted.startsWith("# List   \n\n```bibtex\n@article{k,\n"), formatted);
            assertTrue(formatted.endsWith("```\n\ntrailing   text\n"), formatted);
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":2},\"contentChanges\":[{\"text\":"
                    + new com.google.gson.Gson().toJson(formatted) + "}]}");
            JsonArray again = c.call("textDocument/formatting", "{" + doc(uri) + ",\"options\":{\"tabSize\":2,\"insertSpaces\":true}}")
                    .getAsJsonArray("result");
            assertEquals(0, again.size(), again.toString());
            c.shutdownAndExit(10);
        }
    }

    @Test
    void aQuickFixAppliedThroughTheProtocolClearsItsDiagnostic() throws Exception {
        String uri = "file:///tmp/bibmark-it/fix.md";
        String text = "# P\n\n```bibtex\n@article{k,\n  title = {T}\n  author = {Doe, Jane},\n  journal = {J},\n  year = {2020}\n}\n```\n";
        com.google.gson.Gson gson = new com.google.gson.Gson();
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{}}");
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":"
                    + gson.toJson(text) + "}}");
            JsonArray diags = c.diagnosticsFor(uri).getAsJsonObject("params").getAsJsonArray("diagnostics");
            assertEquals(1, diags.size(), diags.toString());
            JsonObject diag = diags.get(0).getAsJsonObject();
            assertEquals("bibtex-syntax", diag.get("code").getAsString());
            JsonArray actions = c.call("textDocument/codeAction", "{" + doc(uri) + ",\"range\":" + diag.get("range")
                    + ",\"context\":{\"diagnostics\":[" + diag + "],\"only\":[\"quickfix\"]}}").getAsJsonArray("result");
            JsonObject preferred = null;
            for (JsonElement a : actions) {
                JsonObject o = a.getAsJsonObject();
                assertEquals("quickfix", o.get("kind").getAsString());
                if (o.has("isPreferred") && o.get("isPreferred").getAsBoolean()) {
                    preferred = o;
                }
            }
            assertTrue(preferred != null, actions.toString());
            assertEquals(diag, preferred.getAsJsonArray("diagnostics").get(0));
            assertTrue(actions.toString().contains("Ignore"), actions.toString());
            // eglot 1.9 marks an empty diagnostic at a line's end one character to the left and asks for the actions
            // of the range it marked, naming no diagnostic: the range ends on the line's last character, the '}'.
            int lineEnd = "  title = {T}".length();
            assertEquals(4, diag.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
            assertEquals(lineEnd, diag.getAsJsonObject("range").getAsJsonObject("start").get("character").getAsInt());
            JsonArray clamped = c.call("textDocument/codeAction", "{" + doc(uri) + ",\"range\":{\"start\":{\"line\":4,"
                    + "\"character\":" + (lineEnd - 8) + "},\"end\":{\"line\":4,\"character\":" + (lineEnd - 1) + "}},"
                    + "\"context\":{\"diagnostics\":[]}}").getAsJsonArray("result");
            assertTrue(clamped.toString().contains(preferred.get("title").getAsString()), clamped.toString());
            String fixed = applyEdits(text, preferred.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(uri));
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":2},\"contentChanges\":[{\"text\":"
                    + gson.toJson(fixed) + "}]}");
            JsonObject after = c.await(m -> "textDocument/publishDiagnostics".equals(RawClient.str(m, "method"))
                    && m.getAsJsonObject("params").has("version") && m.getAsJsonObject("params").get("version").getAsInt() == 2);
            assertEquals(0, after.getAsJsonObject("params").getAsJsonArray("diagnostics").size(), after.toString());

            // Fix-all on a list with safe problems: one source action, and applying it leaves none of them.
            String messy = "# P\n\n```bibtex\n@article{k2,\n  title = {T},\n  note = {},\n  author = {Doe, Jane},\n  journal = {J},\n  year = {2020}\n}\n```\n";
            c.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":3},\"contentChanges\":[{\"text\":"
                    + gson.toJson(messy) + "}]}");
            JsonArray all = c.call("textDocument/codeAction", "{" + doc(uri) + ",\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},"
                    + "\"context\":{\"diagnostics\":[],\"only\":[\"source.fixAll\"]}}").getAsJsonArray("result");
            assertEquals(1, all.size(), all.toString());
            assertEquals("source.fixAll.bibmark", all.get(0).getAsJsonObject().get("kind").getAsString());
            String clean = applyEdits(messy, all.get(0).getAsJsonObject().getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(uri));
            assertTrue(!clean.contains("note = {}"), clean);
            c.shutdownAndExit(10);
        }
    }

    @Test
    void keyConventionFixRenamesCitationsInOtherFiles(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("list.md");
        Path notes = dir.resolve("notes.md");
        Files.writeString(list, "# P\n\n```bibtex\n@misc{foo,\n  author = {Vaswani, Ashish},\n  title = {Attention Is All You Need},\n  year = {2017}\n}\n```\n");
        Files.writeString(notes, "See [@foo].\n");
        String listUri = list.toUri().toString();
        String notesUri = notes.toUri().toString();
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{},\"initializationOptions\":{\"bibmark\":{\"checks\":{\"key-convention\":\"warning\"}}},"
                    + "\"workspaceFolders\":[{\"uri\":\"" + dir.toUri() + "\",\"name\":\"ws\"}]}");
            c.notify("initialized", "{}");
            JsonObject diags = c.diagnosticsFor(listUri);
            assertTrue(diags.toString().contains("key-convention"), diags.toString());
            JsonArray actions = c.call("textDocument/codeAction", "{" + doc(listUri) + ",\"range\":{\"start\":{\"line\":3,\"character\":7},\"end\":{\"line\":3,\"character\":7}},"
                    + "\"context\":{\"diagnostics\":[],\"only\":[\"quickfix\"]}}").getAsJsonArray("result");
            JsonObject rename = null;
            for (JsonElement a : actions) {
                if (a.getAsJsonObject().get("title").getAsString().startsWith("Rename key to vaswani2017attention")) {
                    rename = a.getAsJsonObject();
                }
            }
            assertTrue(rename != null, actions.toString());
            JsonObject changes = rename.getAsJsonObject("edit").getAsJsonObject("changes");
            assertTrue(changes.has(listUri) && changes.has(notesUri), changes.toString());
            c.shutdownAndExit(10);
        }
    }

    @Test
    void missingFieldFixIsASnippetForClientsThatTakeSnippetEdits() throws Exception {
        String uri = "file:///tmp/bibmark-it/snippet.md";
        String text = "# P\n\n```bibtex\n@article{k,\n  title = {T},\n  author = {Doe, Jane},\n  year = {2020}\n}\n```\n";
        try (RawClient c = new RawClient("lsp")) {
            c.call("initialize", "{\"processId\":null,\"capabilities\":{\"workspace\":{\"workspaceEdit\":{\"snippetEditSupport\":true,\"documentChanges\":true}}}}");
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"markdown\",\"version\":7,\"text\":"
                    + new com.google.gson.Gson().toJson(text) + "}}");
            JsonObject diag = c.diagnosticsFor(uri).getAsJsonObject("params").getAsJsonArray("diagnostics").get(0).getAsJsonObject();
            assertEquals("missing-field", diag.get("code").getAsString());
            JsonArray actions = c.call("textDocument/codeAction", "{" + doc(uri) + ",\"range\":" + diag.get("range")
                    + ",\"context\":{\"diagnostics\":[" + diag + "],\"only\":[\"quickfix\"]}}").getAsJsonArray("result");
            JsonObject first = actions.get(0).getAsJsonObject().getAsJsonObject("edit");
            JsonObject docEdit = first.getAsJsonArray("documentChanges").get(0).getAsJsonObject();
            assertEquals(7, docEdit.getAsJsonObject("textDocument").get("version").getAsInt());
            JsonObject snippet = docEdit.getAsJsonArray("edits").get(0).getAsJsonObject().getAsJsonObject("snippet");
            assertEquals("snippet", snippet.get("kind").getAsString());
            assertTrue(snippet.get("value").getAsString().contains("journal = {${"), snippet.toString());
            c.shutdownAndExit(10);
        }
    }
}
