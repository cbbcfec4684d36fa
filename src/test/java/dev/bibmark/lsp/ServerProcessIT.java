package dev.bibmark.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/** Starts {@code server/bin/bibmark lsp} as an editor would and talks LSP to it over stdio. */
class ServerProcessIT {
    private final LinkedBlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

    private final LanguageClient client = new LanguageClient() {
        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            diagnostics.add(p);
        }

        @Override
        public void showMessage(MessageParams p) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams p) {}
    };

    private PublishDiagnosticsParams next() throws InterruptedException {
        PublishDiagnosticsParams p = diagnostics.poll(20, TimeUnit.SECONDS);
        assertTrue(p != null, "no diagnostics published");
        return p;
    }

    private Process proc;

    private LanguageServer start(InitializeParams init) throws Exception {
        proc = new ProcessBuilder(Path.of("server/bin/bibmark").toAbsolutePath().toString(), "lsp", "--stdio")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (init.getCapabilities() == null) {
            init.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities());
        }
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, proc.getInputStream(), proc.getOutputStream());
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();
        server.initialize(init).get(30, TimeUnit.SECONDS);
        return server;
    }

    /** Diagnostics of a file never opened, then cleared on both sides once the open side is fixed. */
    @Test
    void crossFileDuplicateKeyInAFileThatIsNotOpen(@TempDir Path dir) throws Exception {
        Path closed = dir.resolve("closed.md");
        Files.writeString(closed, "# A\n\n```bibtex\n@misc{same, title = {One paper}}\n```\n");
        Path openFile = dir.resolve("open.bib");
        String text = "@misc{same, title = {Another paper}}\n";
        Files.writeString(openFile, text);
        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "ws")));
        LanguageServer server = start(init);
        server.initialized(new InitializedParams());
        String closedUri = closed.toUri().toString();
        String openUri = openFile.toUri().toString();
        Map<String, PublishDiagnosticsParams> latest = new HashMap<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!(latest.containsKey(closedUri) && latest.containsKey(openUri)) && System.currentTimeMillis() < deadline) {
            PublishDiagnosticsParams p = next();
            latest.put(p.getUri(), p);
        }
        assertEquals("duplicate-key", latest.get(closedUri).getDiagnostics().get(0).getCode().getLeft());
        assertEquals(openUri, latest.get(closedUri).getDiagnostics().get(0).getRelatedInformation().get(0).getLocation().getUri());
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(openUri, "bibtex", 1, text)));
        TextDocumentContentChangeEvent rename = new TextDocumentContentChangeEvent(new Range(new Position(0, 6), new Position(0, 10)), "other");
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(openUri, 2), List.of(rename)));
        deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            PublishDiagnosticsParams p = next();
            latest.put(p.getUri(), p);
            if (latest.get(closedUri).getDiagnostics().isEmpty() && latest.get(openUri).getDiagnostics().isEmpty()) {
                break;
            }
        }
        assertEquals(List.of(), latest.get(closedUri).getDiagnostics());
        assertEquals(List.of(), latest.get(openUri).getDiagnostics());
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        assertTrue(proc.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, proc.exitValue());
    }

    @Test
    void completionAndHoverOfCitationKeys() throws Exception {
        LanguageServer server = start(new InitializeParams());
        server.initialized(new InitializedParams());
        String uri = "file:///tmp/bibmark-it/cite.md";
        String text = "# Papers\n\nSee [@attention] and \\citep{x, vaswani2017attention}.\n\n"
                + "#### Attention Is All You Need [`READ`]\n\npaper link: [here](https://arxiv.org/pdf/1706.03762)\n\n"
                + "```bibtex\n@inproceedings{vaswani2017attention,\n  title = {Attention is All you Need},\n"
                + "  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob},\n"
                + "  booktitle = {NeurIPS},\n  year = {2017}\n}\n```\n";
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", 1, text)));
        next();
        CompletionParams cp = new CompletionParams(new TextDocumentIdentifier(uri), new Position(2, 15));
        CompletionList list = server.getTextDocumentService().completion(cp).get(10, TimeUnit.SECONDS).getRight();
        assertEquals(1, list.getItems().size());
        CompletionItem item = list.getItems().get(0);
        assertEquals("vaswani2017attention", item.getLabel());
        assertTrue(item.getFilterText().contains("Attention"), item.getFilterText());
        assertEquals(new Range(new Position(2, 6), new Position(2, 15)), item.getTextEdit().getLeft().getRange());
        assertTrue(item.getDetail().startsWith("Vaswani 2017"), item.getDetail());
        // Inside the \\citep list, after "x, ".
        CompletionParams latex = new CompletionParams(new TextDocumentIdentifier(uri), new Position(2, 33));
        assertEquals(1, server.getTextDocumentService().completion(latex).get(10, TimeUnit.SECONDS).getRight().getItems().size());
        // Plain prose: nothing.
        CompletionParams prose = new CompletionParams(new TextDocumentIdentifier(uri), new Position(0, 3));
        assertEquals(0, server.getTextDocumentService().completion(prose).get(10, TimeUnit.SECONDS).getRight().getItems().size());
        Hover hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(2, 40)))
                .get(10, TimeUnit.SECONDS);
        String md = hover.getContents().getRight().getValue();
        assertTrue(md.contains("**Attention is All you Need**"), md);
        assertTrue(md.contains("`READ`"), md);
        assertTrue(md.contains("Ashish Vaswani, Noam Shazeer, Niki Parmar et al."), md);
        assertTrue(md.contains("https://arxiv.org/pdf/1706.03762"), md);
        assertTrue(md.contains("cite.md:10"), md);
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        assertTrue(proc.waitFor(10, TimeUnit.SECONDS));
    }

    @Test
    void exitWithoutShutdownIsOne() throws Exception {
        LanguageServer server = start(new InitializeParams());
        server.exit();
        assertTrue(proc.waitFor(10, TimeUnit.SECONDS));
        assertEquals(1, proc.exitValue());
    }

    @Test
    void diagnosticsAppearAndClearAfterAFixingEdit() throws Exception {
        LanguageServer server = start(new InitializeParams());
        server.initialized(new InitializedParams());
        String uri = "file:///tmp/bibmark-it/papers.md";
        String text = "# Papers\n\n```bibtex\n@article{k,\n  title = {T}\n  author = {A},\n  journal = {J},\n  year = 2020\n}\n```\n";
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", 1, text)));
        PublishDiagnosticsParams first = next();
        assertEquals(uri, first.getUri());
        assertEquals(1, first.getDiagnostics().size(), first.toString());
        assertEquals("bibtex-syntax", first.getDiagnostics().get(0).getCode().getLeft());
        assertEquals(new Position(4, 13), first.getDiagnostics().get(0).getRange().getStart());
        // Insert the missing comma at 4:13 (incremental sync).
        TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(new Range(new Position(4, 13), new Position(4, 13)), ",");
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2), List.of(change)));
        PublishDiagnosticsParams second = next();
        assertEquals(List.of(), second.getDiagnostics());
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        assertTrue(proc.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, proc.exitValue());
    }
}
