package dev.bibmark.lsp;

import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import com.google.gson.JsonElement;
import dev.bibmark.workspace.FileCollector;
import dev.bibmark.workspace.TextFiles;
import dev.bibmark.config.ConfigException;
import dev.bibmark.config.ConfigLoader;
import dev.bibmark.features.Completion;
import dev.bibmark.features.EntryInfo;
import dev.bibmark.features.Hover;
import java.io.IOException;
import org.eclipse.lsp4j.CompletionItem;
import dev.bibmark.fixes.Fix;
import dev.bibmark.fixes.FixAll;
import dev.bibmark.fixes.QuickFixes;
import dev.bibmark.export.BibExport;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;
import dev.bibmark.format.Formatter;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import dev.bibmark.features.CodeLenses;
import dev.bibmark.features.Folding;
import dev.bibmark.features.InlayHints;
import dev.bibmark.features.Links;
import dev.bibmark.features.References;
import dev.bibmark.features.Rename;
import dev.bibmark.features.StatusTags;
import dev.bibmark.features.Symbols;
import dev.bibmark.text.TextRange;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.WatchKind;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The language server. LSP4J calls every handler on its one reader thread, so handlers only record
 * the new text and hand the work to {@link #worker}, a single thread that owns the workspace state:
 * parsing, checking and publishing never block the reader (and so never block $/cancelRequest).
 */
public final class BibmarkServer implements LanguageServer, LanguageClientAware {
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bibmark-worker");
        t.setDaemon(true);
        return t;
    });
    /** Open documents by URI (the editor's text wins over the file). Touched only on the worker. */
    private final Map<String, Document> open = new HashMap<>();
    /** Files of the workspace folders as read from disk, by URI. Touched only on the worker. */
    private final Map<String, Document> disk = new HashMap<>();
    private final List<Path> folders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Config clientConfig = Config.DEFAULT;
    private volatile boolean pullConfiguration;
    private volatile boolean watchFilesDynamically;
    private volatile boolean snippets;
    /** The client takes SnippetTextEdits in workspace edits (LSP 3.18 workspace.workspaceEdit.snippetEditSupport). */
    private volatile boolean snippetEdits;
    private volatile boolean workDoneProgress;
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final Set<String> published = new HashSet<>();
    /** What was last sent per URI, so unchanged files are not sent again after every keystroke. Worker only. */
    private final Map<String, PublishedState> lastPublished = new HashMap<>();
    private final Map<Document, List<Finding>> docFindings = new java.util.IdentityHashMap<>();
    /** Raw per-document findings (before severities and suppressions) of the current snapshots. Worker only. */
    private final Map<Document, List<Finding>> rawFindings = new java.util.IdentityHashMap<>();
    /** Snapshot → the snapshot it was edited from, since the last check. Worker only. */
    private final Map<Document, Document> editedFrom = new java.util.IdentityHashMap<>();
    private Config docFindingsConfig;

    /** The snapshots, settings and cross-document findings of the last check. Worker only. */
    private record CheckedWorkspace(List<Document> docs, Config config, List<Finding> findings) {}

    private CheckedWorkspace lastWorkspace;
    /** The cross-document checks' index, kept up to date by {@link #publishAll}. Worker only. */
    private final dev.bibmark.checks.CrossDocument crossDocument =
            new dev.bibmark.checks.CrossDocument(msg -> log(MessageType.Error, "bibmark: " + msg));

    /**
     * What was last sent for a URI: the findings (compared before converting anything), the version, and the
     * snapshot whose lines gave the positions (identity: an edit that keeps offsets may still move lines).
     */
    private record PublishedState(List<Finding> findings, Integer version, Document doc) {}
    private final AtomicLong generation = new AtomicLong();
    private volatile ScheduledFuture<?> pending;
    private volatile LanguageClient client;
    private volatile Config config = Config.DEFAULT;
    private volatile boolean shutdown;
    private final TextDocuments documents = new TextDocuments();
    private final Workspace workspace = new Workspace();

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        CompletionOptions completion = new CompletionOptions(true, List.of("@", "[", ";", "{", ",", "`"));
        caps.setCompletionProvider(completion);
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setDocumentHighlightProvider(true);
        caps.setRenameProvider(new RenameOptions(true));
        caps.setDocumentSymbolProvider(true);
        caps.setWorkspaceSymbolProvider(true);
        caps.setFoldingRangeProvider(true);
        caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
        caps.setCodeLensProvider(new CodeLensOptions(false));
        caps.setInlayHintProvider(true);
        caps.setDocumentFormattingProvider(true);
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(CMD_REINDEX, CMD_EXPORT)));
        caps.setDocumentRangeFormattingProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite,
                FIX_ALL)));
        WorkspaceFoldersOptions wf = new WorkspaceFoldersOptions();
        wf.setSupported(true);
        wf.setChangeNotifications(true);
        caps.setWorkspace(new WorkspaceServerCapabilities(wf));
        if (params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                toPath(f.getUri()).ifPresent(folders::add);
            }
        } else if (params.getRootUri() != null) {
            toPath(params.getRootUri()).ifPresent(folders::add);
        }
        ClientCapabilities cc = params.getCapabilities();
        if (cc != null && cc.getWorkspace() != null) {
            pullConfiguration = Boolean.TRUE.equals(cc.getWorkspace().getConfiguration());
            DidChangeWatchedFilesCapabilities w = cc.getWorkspace().getDidChangeWatchedFiles();
            watchFilesDynamically = w != null && Boolean.TRUE.equals(w.getDynamicRegistration());
            snippetEdits = cc.getWorkspace().getWorkspaceEdit() != null
                    && Boolean.TRUE.equals(cc.getWorkspace().getWorkspaceEdit().getSnippetEditSupport());
        }
        if (cc != null && cc.getTextDocument() != null && cc.getTextDocument().getCompletion() != null
                && cc.getTextDocument().getCompletion().getCompletionItem() != null) {
            snippets = Boolean.TRUE.equals(cc.getTextDocument().getCompletion().getCompletionItem().getSnippetSupport());
        }
        if (cc != null && cc.getWindow() != null) {
            workDoneProgress = Boolean.TRUE.equals(cc.getWindow().getWorkDoneProgress());
        }
        applySettings(params.getInitializationOptions());
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("bibmark", version())));
    }

    @Override
    public void initialized(InitializedParams params) {
        if (watchFilesDynamically) {
            // The second watcher is for folders: a folder deleted, renamed or checked out arrives as one event for
            // the folder, not one per file in it (VS Code: microsoft/vscode#109754).
            DidChangeWatchedFilesRegistrationOptions opts = new DidChangeWatchedFilesRegistrationOptions(List.of(
                    new FileSystemWatcher(Either.forLeft("**/*.{md,MD,Md,markdown,MARKDOWN,qmd,QMD,Qmd,Rmd,rmd,RMD,bib,BIB,Bib}")),
                    new FileSystemWatcher(Either.forLeft("**/*"), WatchKind.Create + WatchKind.Delete),
                    new FileSystemWatcher(Either.forLeft("**/.bibmark.json")),
                    new FileSystemWatcher(Either.forLeft("**/.gitignore")),
                    // CSL bibliographies a list names (cslDocs): a change re-checks; the file is read if it changed.
                    new FileSystemWatcher(Either.forLeft("**/*.{json,yaml,yml,JSON,YAML,YML}"), WatchKind.Change)));
            client.registerCapability(new RegistrationParams(List.of(
                    new Registration("bibmark-watch", "workspace/didChangeWatchedFiles", opts))));
        }
        if (pullConfiguration) {
            pullSettings();
        }
        submit(this::indexWorkspace);
    }

    /** Reads every list of the workspace folders (the same file set as {@code bibmark check}). */
    private void indexWorkspace() {
        loadFolderConfig();
        Progress progress = Progress.start(workDoneProgress ? client : null, "bibmark: indexing");
        try {
            FileCollector.Result files = FileCollector.collect(folders);
            for (String e : files.errors()) {
                log(MessageType.Warning, "bibmark: " + e);
            }
            disk.clear();
            int n = files.files().size();
            for (int i = 0; i < n; i++) {
                readFromDisk(files.files().get(i));
                progress.report(i + 1, n);
            }
            log(MessageType.Info, "bibmark: indexed " + n + " files");
        } finally {
            progress.end();
        }
        scheduleCheck();
    }

    private volatile Config folderConfig;

    /**
     * Reads the {@code .bibmark.json} at the root of the first workspace folder that has one (at start, and again
     * when the watcher reports it created, changed or deleted); a bad file is shown and the defaults apply.
     */
    private void loadFolderConfig() {
        Config found = null;
        Path used = null;
        List<String> unused = new ArrayList<>();
        for (Path folder : folders) {
            Path cfg = folder.resolve(".bibmark.json");
            if (!Files.isRegularFile(cfg)) {
                continue;
            }
            if (used != null) {
                unused.add(cfg.toString());
                continue;
            }
            used = cfg;
            try {
                found = ConfigLoader.load(cfg);
            } catch (ConfigException e) {
                client.showMessage(new MessageParams(MessageType.Error, "bibmark: " + e.getMessage()));
            }
        }
        if (!unused.isEmpty()) {
            // One set of settings checks the whole workspace (the cross-file checks compare every folder's lists).
            client.showMessage(new MessageParams(MessageType.Warning, "bibmark: the workspace folders have several"
                    + " .bibmark.json files; " + used + " applies to all of them, " + String.join(", ", unused)
                    + " is not read"));
        }
        this.folderConfig = found;
        updateConfig();
    }

    /** A folder's .bibmark.json wins over the client's settings (it is the project's own choice). */
    private void updateConfig() {
        Config f = folderConfig;
        config = f != null ? f : clientConfig;
    }

    /** Whether the workspace index takes the file (as written, or both resolved when a folder is a link). */
    private boolean indexWouldTake(Path file) {
        for (Path f : folders) {
            if (FileCollector.wouldCollect(f, file)) {
                return true;
            }
            try {
                if (FileCollector.wouldCollect(f.toRealPath(), file.toRealPath())) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // gone meanwhile: not taken
            }
        }
        return false;
    }

    /**
     * Reads the lists under a folder that appeared (created, renamed, checked out), as the workspace index would:
     * the workspace's file set is collected again (so .gitignore and skipped folders apply from the roots down) and
     * the files under the folder are read.
     */
    private void readFolder(Path dir) {
        if (!insideWorkspace(dir)) {
            return;
        }
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (Path f : FileCollector.collect(folders).files()) {
            if (f.startsWith(real) || f.startsWith(dir)) {
                readFromDisk(f);
            }
        }
    }

    private void readFromDisk(Path p) {
        String uri = p.toUri().toString();
        try {
            String text = TextFiles.read(p);
            disk.put(uri, Documents.parse(uri, text, Document.isMarkdownPath(p.toString())));
        } catch (IOException | RuntimeException e) {
            disk.remove(uri);
            log(MessageType.Warning, "bibmark: cannot read " + p + ": " + e.getMessage());
        }
    }

    private void applySettings(Object settings) {
        JsonElement json = settings instanceof JsonElement j ? j : null;
        if (json == null || json.isJsonNull()) {
            return;
        }
        if (json.isJsonObject() && json.getAsJsonObject().has("bibmark")) {
            json = json.getAsJsonObject().get("bibmark");
        }
        try {
            clientConfig = ConfigLoader.fromJson(json);
            updateConfig();
        } catch (ConfigException e) {
            LanguageClient c = client;
            if (c != null) {
                c.showMessage(new MessageParams(MessageType.Error, "bibmark settings: " + e.getMessage()));
            }
        }
    }

    private void pullSettings() {
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("bibmark");
        client.configuration(new ConfigurationParams(List.of(item))).thenAccept(values -> {
            if (values != null && !values.isEmpty()) {
                applySettings(values.get(0));
                submit(this::scheduleCheck);
            }
        });
    }

    private static java.util.Optional<Path> toPath(String uri) {
        try {
            return java.util.Optional.of(Path.of(URI.create(uri)));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String version() {
        String v = BibmarkServer.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        worker.shutdownNow();
        System.exit(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    private void submit(Runnable r) {
        if (worker.isShutdown()) {
            return; // after exit: nothing runs any more
        }
        Runnable task = () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                log(MessageType.Error, "bibmark: " + e);
            } catch (OutOfMemoryError e) {
                outOfMemory();
            }
        };
        try {
            worker.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // exit() shut the worker down meanwhile
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean toldOutOfMemory = new java.util.concurrent.atomic.AtomicBoolean();

    /** Says once, in the editor, that the heap is too small for the workspace and how to raise it. */
    private void outOfMemory() {
        String message = "bibmark: out of memory (Java heap " + dev.bibmark.util.Heap.maxMegabytes()
                + " MB): the workspace is too large for it, so checks are incomplete. Raise the heap with BIBMARK_HEAP "
                + "(launcher) or bibmark.server.vmargs (VS Code): about 1 GB per 100,000 entries.";
        log(MessageType.Error, message);
        LanguageClient c = client;
        if (c != null && toldOutOfMemory.compareAndSet(false, true)) {
            c.showMessage(new MessageParams(MessageType.Error, message));
        }
    }

    private void log(MessageType type, String message) {
        LanguageClient c = client;
        if (c != null) {
            c.logMessage(new MessageParams(type, message));
        }
    }

    /** Re-checks after the debounce; a newer edit cancels an older pending check. */
    private void scheduleCheck() {
        long gen = generation.incrementAndGet();
        ScheduledFuture<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
        if (worker.isShutdown()) {
            return; // exiting: a task still running may ask for a check that will never run
        }
        Runnable check = () -> {
            if (gen == generation.get()) {
                try {
                    publishAll();
                } catch (RuntimeException e) {
                    log(MessageType.Error, "bibmark: check failed: " + e);
                } catch (OutOfMemoryError e) {
                    outOfMemory();
                }
            }
        };
        try {
            pending = worker.schedule(check, config.debounceMs(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // exit() shut the worker down between the check above and here
        }
    }

    /**
     * Checks every document and publishes what changed; returns every file's findings (by URI, each list sorted).
     * Worker only. The work per call is proportional to the documents and the cross-document findings, not to
     * all findings: a file's own findings are sorted once, when it is checked, and a file whose list is the one
     * sent last time (the same object) and has no cross-document findings is passed over at the cost of a lookup.
     */
    private Map<String, List<Finding>> publishAll() {
        List<Document> docs = workspaceDocs();
        Map<String, Document> all = new HashMap<>();
        for (Document d : docs) {
            all.put(d.path(), d);
        }
        Config cfg = config;
        java.util.function.Consumer<String> logger = msg -> log(MessageType.Error, "bibmark: " + msg);
        if (cfg != docFindingsConfig) {
            docFindings.clear();
            rawFindings.clear();
            docFindingsConfig = cfg;
        }
        Map<Document, List<Finding>> nextRaw = new java.util.IdentityHashMap<>();
        // Per-document checks only re-run for snapshots that changed; the cross-document checks run over all
        // (cheap: the per-entry work is memoized by content).
        Map<Document, List<Finding>> nextDocFindings = new java.util.IdentityHashMap<>();
        for (Document d : docs) {
            List<Finding> fs = docFindings.get(d);
            if (fs == null) {
                fs = Checker.finishDocument(d, rawOf(d, cfg, logger), cfg);
            }
            List<Finding> raw = rawFindings.get(d);
            if (raw != null) {
                nextRaw.put(d, raw);
            }
            nextDocFindings.put(d, fs);
        }
        docFindings.clear();
        docFindings.putAll(nextDocFindings);
        rawFindings.clear();
        rawFindings.putAll(nextRaw);
        editedFrom.clear();
        // Incremental: only the edited documents are re-indexed, and only entries sharing their identities rechecked.
        List<Finding> workspaceFindings = crossDocument.update(docs, cfg);
        lastWorkspace = new CheckedWorkspace(docs, cfg, workspaceFindings);
        Map<String, List<Finding>> crossByPath = new HashMap<>();
        for (Finding f : workspaceFindings) {
            crossByPath.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
        }
        Map<String, List<Finding>> byUri = new HashMap<>();
        for (String uri : open.keySet()) {
            byUri.put(uri, List.of());
        }
        for (Document d : docs) {
            List<Finding> fs = withCross(nextDocFindings.get(d), crossByPath.remove(d.path()));
            if (!fs.isEmpty()) {
                byUri.put(d.path(), fs);
            }
        }
        for (Map.Entry<String, List<Finding>> e : crossByPath.entrySet()) {
            byUri.put(e.getKey(), withCross(List.of(), e.getValue())); // not expected: every finding has its document
        }
        Set<String> stale = new HashSet<>(published);
        stale.removeAll(byUri.keySet());
        LanguageClient c = client;
        if (c == null) {
            return byUri;
        }
        for (String uri : stale) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
            lastPublished.remove(uri);
        }
        published.clear();
        for (Map.Entry<String, List<Finding>> e : byUri.entrySet()) {
            published.add(e.getKey());
            Integer v = versions.get(e.getKey());
            // Only what changed is converted and sent again (an open document's new version is always answered).
            PublishedState state = new PublishedState(e.getValue(), v, all.get(e.getKey()));
            if (state.equals(lastPublished.get(e.getKey()))) {
                continue;
            }
            lastPublished.put(e.getKey(), state);
            List<org.eclipse.lsp4j.Diagnostic> diagnostics = new ArrayList<>(e.getValue().size());
            for (Finding f : e.getValue()) {
                diagnostics.add(Lsp.diagnostic(f, all));
            }
            PublishDiagnosticsParams p = new PublishDiagnosticsParams(e.getKey(), diagnostics);
            if (v != null) {
                p.setVersion(v);
            }
            c.publishDiagnostics(p);
        }
        return byUri;
    }

    /** A file's own findings (sorted) with the cross-document ones on it, sorted; the own list itself when none. */
    private static List<Finding> withCross(List<Finding> own, List<Finding> cross) {
        if (cross == null || cross.isEmpty()) {
            return own;
        }
        List<Finding> out = new ArrayList<>(own.size() + cross.size());
        out.addAll(own);
        out.addAll(cross);
        out.sort(Checker.ORDER);
        return out;
    }

    /** Open texts longer than this (in chars) are kept but not parsed or checked: the file limit of the walk. */
    static final long MAX_OPEN_CHARS = FileCollector.Limits.DEFAULT.maxFileBytes();

    /**
     * Parses an opened text (a leading byte order mark is a character, as the client counts it), or keeps an
     * over-long one unparsed and says so (once, when {@code warn}). Worker only.
     */
    private Document boundedParse(String uri, String text, boolean markdown, boolean warn) {
        if (text.length() <= MAX_OPEN_CHARS) {
            return Documents.parseSentText(uri, text, markdown);
        }
        if (warn && client != null) {
            client.showMessage(new MessageParams(MessageType.Warning, "bibmark: " + uri + ": skipped: file larger than "
                    + TextFiles.describe(MAX_OPEN_CHARS) + " (not checked)"));
        }
        return Documents.unparsedSentText(uri, text, markdown);
    }

    /** {@link #applyChanges}, except that an over-long text is edited as text only and never parsed. Worker only. */
    private Document boundedChange(Document d, List<TextDocumentContentChangeEvent> changes) {
        boolean wasParsed = d.text().length() <= MAX_OPEN_CHARS;
        if (wasParsed && changes.stream().allMatch(c -> c.getText() == null || c.getText().length() <= MAX_OPEN_CHARS)) {
            Document next = applyChanges(d, changes, editedFrom, rawFindings.keySet());
            return next.text().length() <= MAX_OPEN_CHARS ? next : boundedParse(d.path(), next.text(), d.markdown(), true);
        }
        String text = d.text();
        for (TextDocumentContentChangeEvent c : changes) {
            String t = c.getText() == null ? "" : c.getText();
            Range r = c.getRange();
            if (r == null) {
                text = t;
            } else {
                dev.bibmark.text.LineIndex li = dev.bibmark.text.LineIndex.ofSentText(text);
                int a = li.offset(r.getStart().getLine(), r.getStart().getCharacter(), text);
                int b = li.offset(r.getEnd().getLine(), r.getEnd().getCharacter(), text);
                text = text.substring(0, Math.min(a, b)) + t + text.substring(Math.max(a, b));
            }
        }
        return boundedParse(d.path(), text, d.markdown(), wasParsed);
    }

    /** Whether a file lies inside a workspace folder (links resolved): the only files read without being opened. */
    private boolean insideWorkspace(Path p) {
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return false; // a file that is gone or unreachable is not read either
        }
        for (Path f : folders) {
            try {
                if (real.startsWith(f.toRealPath())) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // a folder that is gone contains nothing
            }
        }
        return false;
    }

    /**
     * The raw per-document findings of a snapshot: from the last checked snapshot it was edited from, re-checking
     * only the edited block's section at each step, else by running every check. Worker only.
     */
    private List<Finding> rawOf(Document d, Config cfg, java.util.function.Consumer<String> logger) {
        List<Document> chain = new ArrayList<>();
        Document cur = d;
        while (cur != null && !rawFindings.containsKey(cur) && chain.size() <= MAX_CHAIN) {
            chain.add(cur);
            cur = editedFrom.get(cur);
        }
        List<Finding> raw = cur == null ? null : rawFindings.get(cur);
        Document prev = cur;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Document step = chain.get(i);
            java.util.Optional<List<Finding>> inc = raw == null ? java.util.Optional.empty()
                    : Checker.rawDocumentAfterEdit(prev, raw, step, cfg, logger);
            // Only the last step needs a full run when the chain breaks: earlier ones are never published.
            raw = inc.isPresent() ? inc.get() : i == 0 ? Checker.rawDocument(step, cfg, logger) : null;
            prev = step;
        }
        rawFindings.put(d, raw);
        return raw;
    }

    /** Applies content changes in order; each ranged change re-parses only what it can affect. */
    static Document applyChanges(Document d, List<TextDocumentContentChangeEvent> changes) {
        return applyChanges(d, changes, null, java.util.Set.of());
    }

    /**
     * How many unchecked edits are followed back before the checks simply run in full: each step holds a snapshot
     * alive until the next check, and following one costs about as much as a section's checks.
     */
    static final int MAX_CHAIN = 16;

    private static int chainLength(Map<Document, Document> steps, Document d) {
        int n = 0;
        for (Document cur = steps.get(d); cur != null && n <= MAX_CHAIN; cur = steps.get(cur)) {
            n++;
        }
        return n;
    }

    /** As above; {@code steps} (when given) records each snapshot made from the one before it. */
    static Document applyChanges(Document d, List<TextDocumentContentChangeEvent> changes, Map<Document, Document> steps,
                                 java.util.Set<Document> checked) {
        Document cur = d;
        for (TextDocumentContentChangeEvent c : changes) {
            Range r = c.getRange();
            String text = c.getText() == null ? "" : c.getText();
            if (r == null) {
                cur = Documents.parseSentText(cur.path(), text, cur.markdown());
            } else {
                int start = cur.lines().offset(r.getStart().getLine(), r.getStart().getCharacter(), cur.text());
                int end = cur.lines().offset(r.getEnd().getLine(), r.getEnd().getCharacter(), cur.text());
                Document next = Documents.edit(cur, Math.min(start, end), Math.max(start, end), text);
                // Only a chain that leads back to a checked snapshot is worth keeping (and it is kept short: each
                // link holds a snapshot alive until the next check).
                if (steps != null && chainLength(steps, cur) < MAX_CHAIN && (checked.contains(cur) || steps.containsKey(cur))) {
                    steps.put(next, cur);
                }
                cur = next;
            }
        }
        return cur;
    }

    private final class TextDocuments implements TextDocumentService {
        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
            if (params.getTextDocument() == null || params.getTextDocument().getUri() == null
                    || params.getTextDocument().getText() == null) {
                log(MessageType.Warning, "bibmark: didOpen without a document uri or text: ignored");
                return;
            }
            String uri = params.getTextDocument().getUri();
            String text = params.getTextDocument().getText();
            boolean markdown = !"bibtex".equals(params.getTextDocument().getLanguageId()) && !uri.toLowerCase().endsWith(".bib");
            int version = params.getTextDocument().getVersion();
            submit(() -> {
                // The version goes with the text, on the worker: a check publishes the version of what it checked.
                versions.put(uri, version);
                open.put(uri, boundedParse(uri, text, markdown, true));
                scheduleCheck();
            });
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
            if (params.getTextDocument() == null || params.getTextDocument().getUri() == null
                    || params.getContentChanges() == null) {
                log(MessageType.Warning, "bibmark: didChange without a document uri or changes: ignored");
                return;
            }
            String uri = params.getTextDocument().getUri();
            Integer version = params.getTextDocument().getVersion();
            List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
            submit(() -> {
                Document d = open.get(uri);
                if (d == null) {
                    // Its version is not kept either: the file's diagnostics from disk carry none.
                    log(MessageType.Warning, "bibmark: didChange for a document that is not open: " + uri);
                    return;
                }
                if (version != null) {
                    versions.put(uri, version);
                }
                open.put(uri, boundedChange(d, changes));
                scheduleCheck();
            });
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
            String uri = uriOf(params.getTextDocument());
            if (uri == null) {
                return;
            }
            submit(() -> {
                versions.remove(uri);
                open.remove(uri);
                scheduleCheck();
            });
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {
            // The open text is already current.
        }

        @Override
        public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
            String uri = uriOf(params.getTextDocument());
            Position pos = params.getPosition();
            if (uri == null || pos == null) {
                return invalidParams("textDocument.uri and position are required");
            }
            return CompletableFutures.computeAsync(worker, cancel -> {
                Document d = open.get(uri);
                if (d == null) {
                    return Either.forRight(new CompletionList(false, List.of()));
                }
                int offset = d.lines().offset(pos.getLine(), pos.getCharacter(), d.text());
                List<Document> ws = workspaceDocs();
                List<EntryInfo> entries = EntryInfo.all(ws);
                // The keys of the CSL bibliographies the lists name (cslDocs) are proposed too.
                List<Completion.ListedKey> listed = listedKeys(ws);
                cancel.checkCanceled();
                // Documentation for a long list comes through completionItem/resolve.
                boolean withDocs = entries.size() <= RESOLVE_THRESHOLD;
                List<CompletionItem> items = new ArrayList<>();
                Completion.Result result = Completion.complete(d, offset, entries, listed, withDocs, snippets);
                for (Completion.Item it : result.items()) {
                    items.add(Lsp.completionItem(it, d.lines(), withDocs));
                }
                if (items.isEmpty()) {
                    for (StatusTags.Item t : StatusTags.complete(d, offset, config.statusTags())) {
                        CompletionItem ci = new CompletionItem(t.tag());
                        ci.setKind(CompletionItemKind.EnumMember);
                        ci.setDetail("status tag");
                        ci.setTextEdit(Either.forLeft(new org.eclipse.lsp4j.TextEdit(Lsp.range(d.lines(), t.replace()), t.tag())));
                        items.add(ci);
                    }
                }
                return Either.forRight(new CompletionList(result.incomplete(), items));
            });
        }

        @Override
        public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
            return CompletableFutures.computeAsync(worker, cancel -> {
                if (item.getDocumentation() == null && item.getKind() == CompletionItemKind.Reference) {
                    for (EntryInfo e : entries()) {
                        if (e.key().equals(item.getLabel())) {
                            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, Hover.markdown(e)));
                            break;
                        }
                    }
                }
                return item;
            });
        }

        @Override
        public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
                DefinitionParams params) {
            return onDocument(uriOf(params.getTextDocument()), params.getPosition(), Either.forLeft(List.of()), (d, offset) -> {
                Optional<References.Occurrence> at = References.at(d, offset);
                if (at.isEmpty()) {
                    return Either.forLeft(List.of());
                }
                List<Location> out = new ArrayList<>();
                for (References.Occurrence o : References.definitions(workspaceDocs(), at.get().key())) {
                    out.add(new Location(o.doc().path(), Lsp.range(o.doc().lines(), o.range())));
                }
                return Either.forLeft(out);
            });
        }

        @Override
        public CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> formatting(DocumentFormattingParams params) {
            return onDocument(uriOf(params.getTextDocument()), null, List.of(), (d, offset) -> format(d, null));
        }

        @Override
        public CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> rangeFormatting(
                DocumentRangeFormattingParams params) {
            return onDocument(uriOf(params.getTextDocument()), null, List.of(), (d, offset) -> {
                Range r = params.getRange();
                int a = d.lines().offset(r.getStart().getLine(), r.getStart().getCharacter(), d.text());
                int b = d.lines().offset(r.getEnd().getLine(), r.getEnd().getCharacter(), d.text());
                return format(d, new TextRange(Math.min(a, b), Math.max(a, b)));
            });
        }

        @Override
        public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
            boolean decl = params.getContext() != null && params.getContext().isIncludeDeclaration();
            return onDocument(uriOf(params.getTextDocument()), params.getPosition(), List.of(), (d, offset) -> {
                Optional<References.Occurrence> at = References.at(d, offset);
                if (at.isEmpty()) {
                    return List.of();
                }
                List<Location> out = new ArrayList<>();
                for (References.Occurrence o : References.references(workspaceDocs(), at.get().key(), decl)) {
                    out.add(new Location(o.doc().path(), Lsp.range(o.doc().lines(), o.range())));
                }
                return out;
            });
        }

        @Override
        public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
            return onDocument(uriOf(params.getTextDocument()), params.getPosition(), List.of(), (d, offset) -> {
                List<DocumentHighlight> out = new ArrayList<>();
                for (References.Highlight h : References.highlights(d, offset)) {
                    out.add(new DocumentHighlight(Lsp.range(d.lines(), h.range()),
                            h.access() == References.Access.WRITE ? DocumentHighlightKind.Write : DocumentHighlightKind.Read));
                }
                return out;
            });
        }

        @Override
        public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
                PrepareRenameParams params) {
            return onDocument(uriOf(params.getTextDocument()), params.getPosition(), null, (d, offset) -> {
                Rename.Preparation p = Rename.prepare(d, offset);
                if (p.error() != null) {
                    throw requestError(p.error());
                }
                return Either3.forSecond(new PrepareRenameResult(Lsp.range(d.lines(), p.range()), p.placeholder()));
            });
        }

        @Override
        public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
            return onDocument(uriOf(params.getTextDocument()), params.getPosition(), null, (d, offset) -> {
                List<Document> ws = workspaceDocs();
                Rename.Result r = Rename.rename(ws, d, offset, params.getNewName());
                if (r.error() != null) {
                    throw requestError(r.error());
                }
                return Lsp.workspaceEdit(r.edits(), ws, d);
            });
        }

        @Override
        public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
            return onDocument(uriOf(params.getTextDocument()), null, List.of(), (d, offset) -> {
                List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
                for (Symbols.Symbol sym : Symbols.documentSymbols(d)) {
                    out.add(Either.forRight(Lsp.documentSymbol(sym, d.lines())));
                }
                return out;
            });
        }

        @Override
        public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
            return onDocument(uriOf(params.getTextDocument()), null, List.of(), (d, offset) -> {
                List<FoldingRange> out = new ArrayList<>();
                for (Folding.Fold f : Folding.of(d)) {
                    int start = d.lines().line(f.range().start());
                    int end = d.lines().line(f.range().end());
                    if (end > start) {
                        FoldingRange fr = new FoldingRange(start, end);
                        fr.setKind(FoldingRangeKind.Region);
                        out.add(fr);
                    }
                }
                return out;
            });
        }

        @Override
        public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
            return onDocument(uriOf(params.getTextDocument()), null, List.of(), (d, offset) -> {
                List<DocumentLink> out = new ArrayList<>();
                for (Links.DocLink l : Links.of(d)) {
                    out.add(new DocumentLink(Lsp.range(d.lines(), l.range()), Lsp.uriText(l.target())));
                }
                // Paper links too (Markdown links: editors without a Markdown server do not make them clickable).
                for (dev.bibmark.markdown.Link l : d.markdownIndex().links()) {
                    if (l.urlRange() != null && l.url().matches("(?i)https?://\\S+")) {
                        out.add(new DocumentLink(Lsp.range(d.lines(), l.urlRange()), Lsp.uriText(l.url())));
                    }
                }
                return out;
            });
        }

        @Override
        public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
            return onDocument(uriOf(params.getTextDocument()), null, List.of(), (d, offset) -> {
                List<CodeLens> out = new ArrayList<>();
                for (CodeLenses.Lens l : CodeLenses.of(d, workspaceDocs(), CodeLenses.DEFAULT_READ)) {
                    out.add(new CodeLens(Lsp.range(d.lines(), l.range()), new Command(l.title(), ""), null));
                }
                return out;
            });
        }

        @Override
        public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
            return onDocument(uriOf(params.getTextDocument()), null, List.of(), (d, offset) -> {
                Range r = params.getRange();
                TextRange visible = null;
                if (r != null) {
                    int a = d.lines().offset(r.getStart().getLine(), r.getStart().getCharacter(), d.text());
                    int b = d.lines().offset(r.getEnd().getLine(), r.getEnd().getCharacter(), d.text());
                    visible = new TextRange(Math.min(a, b), Math.max(a, b));
                }
                List<InlayHint> out = new ArrayList<>();
                for (InlayHints.Hint h : InlayHints.of(d, visible, workspaceDocs())) {
                    InlayHint hint = new InlayHint(Lsp.position(d.lines(), h.offset()), Either.forLeft(h.label()));
                    hint.setPaddingLeft(true);
                    if (h.tooltip() != null) {
                        hint.setTooltip(h.tooltip());
                    }
                    out.add(hint);
                }
                return out;
            });
        }

        @Override
        public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
            Position pos = params.getRange() == null ? null : params.getRange().getStart();
            return onDocument(uriOf(params.getTextDocument()), pos, List.of(), (d, offset) -> codeActions(d, offset, params));
        }

        @Override
        public CompletableFuture<org.eclipse.lsp4j.Hover> hover(HoverParams params) {
            String uri = uriOf(params.getTextDocument());
            Position pos = params.getPosition();
            if (uri == null || pos == null) {
                return invalidParams("textDocument.uri and position are required");
            }
            return CompletableFutures.computeAsync(worker, cancel -> {
                Document d = open.get(uri);
                if (d == null) {
                    return null;
                }
                int offset = d.lines().offset(pos.getLine(), pos.getCharacter(), d.text());
                List<Document> ws = workspaceDocs();
                return Hover.at(d, offset, EntryInfo.all(ws), listedKeys(ws))
                        .map(r -> new org.eclipse.lsp4j.Hover(new MarkupContent(MarkupKind.MARKDOWN, r.markdown()),
                                Lsp.range(d.lines(), r.range())))
                        .orElse(null);
            });
        }
    }

    private static final int RESOLVE_THRESHOLD = 200;

    /** The keys of the CSL bibliographies among {@code ws} ({@link #cslDocs}), each with its file's name. */
    private static List<Completion.ListedKey> listedKeys(List<Document> ws) {
        List<Completion.ListedKey> listed = new ArrayList<>();
        for (Document x : ws) {
            List<String> keys = Documents.listedKeys(x);
            if (keys.isEmpty()) {
                continue;
            }
            String name = toPath(x.path()).map(Path::getFileName).map(Path::toString).orElse(x.path());
            for (String k : keys) {
                listed.add(new Completion.ListedKey(k, name));
            }
        }
        return listed;
    }

    /** The open text of a document, else its file as indexed; null when unknown. Worker only. */
    private Document document(String uri) {
        Document d = open.get(uri);
        return d != null ? d : disk.get(uri);
    }

    /**
     * Every document of the workspace, open text over disk, and the CSL bibliographies the lists name (their keys
     * only, {@link #cslDocs}), sorted by path. Worker only.
     */
    private List<Document> workspaceDocs() {
        Map<String, Document> all = new HashMap<>(disk);
        all.putAll(open);
        for (Document c : cslDocs(all.values())) {
            all.putIfAbsent(c.path(), c);
        }
        List<Document> docs = new ArrayList<>(all.values());
        docs.sort(java.util.Comparator.comparing(Document::path));
        return docs;
    }

    /** A CSL bibliography as last read: its size and time then, and its keys (null when it could not be read). */
    private record CslFile(long size, java.nio.file.attribute.FileTime modified, Document keys) {}

    /** The CSL bibliographies named by the lists, by path, as last read. Worker only. */
    private final Map<Path, CslFile> cslFiles = new HashMap<>();

    private static final Object CSL_NAMES = new Object();
    /** The size of a {@link CslFile} that stands for "outside the workspace folders, not read". */
    private static final long OUTSIDE = -1;

    /**
     * The CSL JSON/YAML bibliographies that the lists' front matter names ({@code bibliography: refs.json}), inside
     * the workspace folders, as documents of keys only ({@code Documents.keyList}): {@code undefined-citation} then
     * judges those lists as {@code bibmark check} does. A file is read again when its size or time changed (one
     * stat per file per call); one that cannot be read, or is not CSL, is logged once per change and its lists are
     * not judged. Worker only.
     */
    private List<Document> cslDocs(java.util.Collection<Document> docs) {
        java.util.Set<Path> named = new java.util.LinkedHashSet<>();
        for (Document d : docs) {
            if (!d.markdown()) {
                continue;
            }
            List<String> names = d.derived(CSL_NAMES, x -> dev.bibmark.checks.UndefinedCitationCheck
                    .declaredBibliography(x).stream().filter(dev.bibmark.config.CslBibliography::isCsl).toList());
            if (names.isEmpty()) {
                continue;
            }
            java.util.Optional<Path> self = toPath(d.path());
            Path dir = self.isPresent() ? self.get().getParent() : null;
            for (String n : names) {
                try {
                    Path p = (dir == null ? Path.of(n) : dir.resolve(n)).normalize();
                    if (p.isAbsolute()) {
                        named.add(p);
                    }
                } catch (RuntimeException e) {
                    // not a path on this system: not read, as in bibmark check
                }
            }
        }
        cslFiles.keySet().retainAll(named);
        List<Document> out = new ArrayList<>();
        for (Path p : named) {
            CslFile f = readCsl(p);
            if (f != null && f.keys() != null) {
                out.add(f.keys());
            }
        }
        return out;
    }

    /** A named CSL file, read again only when it changed; null when it is missing or outside the workspace. */
    private CslFile readCsl(Path p) {
        CslFile known = cslFiles.get(p);
        // Nothing outside the workspace folders is read (SECURITY.md); said once (insideWorkspace is false for a
        // missing file too, which may appear later: then it is read).
        if (!insideWorkspace(p)) {
            if (known == null || known.size() != OUTSIDE) {
                log(MessageType.Warning, "bibmark: the bibliography " + p + " is missing or outside the workspace"
                        + " folders: not read (the citations of the lists naming it are not judged)");
                cslFiles.put(p, new CslFile(OUTSIDE, null, null));
            }
            return null;
        }
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException | RuntimeException e) {
            cslFiles.remove(p);
            return null; // gone: the lists naming it are not judged
        }
        if (known != null && known.size() == a.size() && a.lastModifiedTime().equals(known.modified())) {
            return known;
        }
        Document keys = null;
        String problem = null;
        try {
            // A regular file of at most the file limit (never a FIFO, which would block the worker).
            String text = TextFiles.read(p);
            keys = Documents.keyList(p.toUri().toString(), text, dev.bibmark.config.CslBibliography.ids(p.toString(), text));
        } catch (IOException e) {
            problem = FileCollector.reason(e);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            log(MessageType.Warning, "bibmark: cannot read the bibliography " + p + ": " + problem
                    + " (the citations of the lists naming it are not judged)");
        }
        CslFile f = new CslFile(a.size(), a.lastModifiedTime(), keys);
        cslFiles.put(p, f);
        return f;
    }

    /**
     * Runs a request on the worker against a document snapshot; an unknown document or a position outside it
     * gives {@code empty}. Cancellation is checked before the work starts.
     */
    private <T> CompletableFuture<T> onDocument(String uri, Position pos, T empty, DocumentRequest<T> fn) {
        if (uri == null) {
            return invalidParams("textDocument.uri is missing");
        }
        return CompletableFutures.computeAsync(worker, cancel -> {
            Document d = document(uri);
            if (d == null) {
                return empty;
            }
            cancel.checkCanceled();
            int offset = pos == null ? 0 : d.lines().offset(pos.getLine(), pos.getCharacter(), d.text());
            return fn.apply(d, offset);
        });
    }

    @FunctionalInterface
    private interface DocumentRequest<T> {
        T apply(Document doc, int offset);
    }

    private static <T> CompletableFuture<T> invalidParams(String message) {
        CompletableFuture<T> f = new CompletableFuture<>();
        f.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null)));
        return f;
    }

    /** The document URI of a request's params, or null when the client left it out. */
    private static String uriOf(org.eclipse.lsp4j.TextDocumentIdentifier id) {
        return id == null ? null : id.getUri();
    }

    /**
     * A valid request that cannot be done (a refused rename, an unknown document or command): LSP's RequestFailed
     * (-32803), whose message editors show as the reason.
     */
    private static ResponseErrorException requestError(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, message, null));
    }

    /** Every entry of the workspace (open text over disk). Called on the worker. */
    private List<EntryInfo> entries() {
        return EntryInfo.all(workspaceDocs());
    }

    /**
     * Formatting edits for bibtex blocks (the whole document or the entries a range touches); entries left as
     * written because of a syntax error are logged, never mangled. Worker only.
     */
    private List<org.eclipse.lsp4j.TextEdit> format(Document d, TextRange range) {
        Formatter.Result r = Formatter.run(d, range, config.format());
        for (Formatter.Skipped sk : r.skipped()) {
            log(MessageType.Info, "bibmark: format left an entry as written at line "
                    + (d.lines().line(sk.range().start()) + 1) + ": " + sk.reason());
        }
        List<org.eclipse.lsp4j.TextEdit> out = new ArrayList<>();
        for (dev.bibmark.text.Edit e : r.edits()) {
            out.add(new org.eclipse.lsp4j.TextEdit(Lsp.range(d.lines(), e.range()), e.newText()));
        }
        return out;
    }

    static final String FIX_ALL = CodeActionKind.SourceFixAll + ".bibmark";

    /** Whether a client's {@code only} filter admits a kind (a filter entry is a prefix of the kinds it admits). */
    private static boolean wants(List<String> only, String kind) {
        return only == null || only.isEmpty() || only.stream().anyMatch(k -> kind.equals(k) || kind.startsWith(k + "."));
    }

    /** The current findings of one document: cached for an unchanged snapshot, else computed now. Worker only. */
    private List<Finding> findingsOf(Document d, List<Document> ws) {
        List<Finding> out = new ArrayList<>(docFindings.containsKey(d) && docFindingsConfig == config
                ? docFindings.get(d) : Checker.runDocument(d, config, msg -> log(MessageType.Error, "bibmark: " + msg)));
        // The cross-document findings of the last check, when nothing changed since (snapshots compare by identity).
        CheckedWorkspace last = lastWorkspace;
        List<Finding> cross = last != null && last.config() == config && last.docs().equals(ws) ? last.findings()
                : Checker.runWorkspace(ws, config, msg -> log(MessageType.Error, "bibmark: " + msg));
        for (Finding f : cross) {
            if (f.path().equals(d.path())) {
                out.add(f);
            }
        }
        return out;
    }

    /** Code actions at a range: quick-fixes for its diagnostics, status-tag toggles, fix-all. Worker only. */
    private List<Either<Command, CodeAction>> codeActions(Document d, int offset, CodeActionParams params) {
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        List<Document> ws = workspaceDocs();
        List<Finding> findings = findingsOf(d, ws);
        if (wants(only, CodeActionKind.QuickFix)) {
            Range r = params.getRange();
            int end = r == null ? offset : d.lines().offset(r.getEnd().getLine(), r.getEnd().getCharacter(), d.text());
            // A range ending on a line's last character reaches the line's end: clients that keep the cursor on a
            // character (eglot 1.9 marks an empty diagnostic at a line's end one character to the left, and asks for
            // that range without naming the diagnostic) then get the fixes of a finding at the end of the line.
            int contentEnd = d.lines().contentEnd(d.lines().line(end), d.text());
            if (end == contentEnd - 1) {
                end = contentEnd;
            }
            List<org.eclipse.lsp4j.Diagnostic> sent = params.getContext() == null || params.getContext().getDiagnostics() == null
                    ? List.of() : params.getContext().getDiagnostics();
            // Two findings at one place (two syntax errors of one spot) offer the same "Ignore here" once.
            Set<String> offered = new HashSet<>();
            for (Finding f : findings) {
                // The findings under the requested range, and those the client names in the context (a cursor
                // clamped to the last character of a line does not touch a finding at the line's end).
                org.eclipse.lsp4j.Diagnostic diag = Lsp.diagnostic(f, Map.of(d.path(), d));
                boolean named = false;
                for (org.eclipse.lsp4j.Diagnostic c : sent) {
                    if (c.getCode() != null && c.getCode().isLeft() && f.code().id().equals(c.getCode().getLeft())
                            && diag.getRange().equals(c.getRange())) {
                        diag = c;
                        named = true;
                    }
                }
                if (!named && (f.range().end() < offset || f.range().start() > end)) {
                    continue;
                }
                List<Fix> fixes;
                try {
                    fixes = QuickFixes.forFinding(d, f, ws, config);
                } catch (RuntimeException | StackOverflowError e) {
                    log(MessageType.Error, "bibmark: quick-fixes for " + f.code().id() + " failed: " + e);
                    continue;
                }
                for (Fix fix : fixes) {
                    if (!offered.add(fix.title() + '\u0000' + fix.edits())) {
                        continue;
                    }
                    CodeAction ca = new CodeAction(fix.title());
                    ca.setKind(CodeActionKind.QuickFix);
                    ca.setDiagnostics(List.of(diag));
                    ca.setIsPreferred(fix.preferred());
                    Map<String, List<dev.bibmark.text.Edit>> edits = fix.edits();
                    if (f.code() == dev.bibmark.checks.Code.KEY_CONVENTION) {
                        // The check renames within its document; the rename feature follows the new key (the text
                        // its fix puts on the entry's key) into every file.
                        for (dev.bibmark.text.Edit e : fix.editsFor(d.path())) {
                            if (e.range().equals(f.range())) {
                                Rename.Result renamed = Rename.rename(ws, d, f.range().start(), e.newText());
                                if (renamed.error() == null) {
                                    edits = renamed.edits();
                                }
                            }
                        }
                    }
                    if (snippetEdits && fix.snippet() != null && edits == fix.edits()
                            && fix.edits().size() == 1 && fix.edits().containsKey(d.path())) {
                        // The placeholders become tab stops in clients that take snippet edits.
                        ca.setEdit(Lsp.snippetEdit(d, fix.snippet(), versions.get(d.path())));
                    } else {
                        ca.setEdit(Lsp.workspaceEdit(edits, ws, d));
                    }
                    out.add(Either.forRight(ca));
                }
            }
        }
        if (wants(only, CodeActionKind.RefactorRewrite)) {
            for (Fix fix : QuickFixes.completeFromLink(d, offset, ws, config)) {
                CodeAction ca = new CodeAction(fix.title());
                ca.setKind(CodeActionKind.RefactorRewrite);
                ca.setEdit(Lsp.workspaceEdit(fix.edits(), ws, d));
                out.add(Either.forRight(ca));
            }
        }
        if (only != null && only.stream().anyMatch(k -> k.equals(CodeActionKind.SourceFixAll) || k.equals(FIX_ALL)
                || k.equals(CodeActionKind.Source))) {
            List<dev.bibmark.text.Edit> edits = FixAll.compute(d, findings, ws, config);
            if (!edits.isEmpty()) {
                CodeAction ca = new CodeAction("Fix all safe bibmark problems");
                ca.setKind(FIX_ALL);
                ca.setEdit(Lsp.workspaceEdit(Map.of(d.path(), edits), ws, d));
                out.add(Either.forRight(ca));
            }
        }
        if (wants(only, CodeActionKind.RefactorRewrite)) {
            for (StatusTags.Action a : StatusTags.actions(d, offset, config.statusTags())) {
                CodeAction ca = new CodeAction(a.title());
                ca.setKind(CodeActionKind.RefactorRewrite);
                ca.setIsPreferred(a.preferred());
                ca.setEdit(Lsp.workspaceEdit(Map.of(d.path(), List.of(a.edit())), List.of(d), d));
                out.add(Either.forRight(ca));
            }
        }
        return out;
    }

    /** Re-reads every file of the workspace folders and re-checks; answers with the counts. */
    static final String CMD_REINDEX = "bibmark.checkWorkspace";
    /**
     * Every entry of the workspace as one .bib text (the same as {@code bibmark export}); with a document URI as
     * argument, only that document's entries.
     */
    static final String CMD_EXPORT = "bibmark.export";

    private Map<String, Object> reindexAndSummarize() {
        indexWorkspace();
        List<Document> docs = workspaceDocs();
        List<Finding> findings = publishAll().values().stream().flatMap(List::stream).toList();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("files", docs.size());
        out.put("entries", docs.stream().mapToInt(d -> d.entries().size()).sum());
        for (dev.bibmark.checks.Severity sev : dev.bibmark.checks.Severity.values()) {
            out.put(sev.id(), findings.stream().filter(f -> f.severity() == sev).count());
        }
        return out;
    }

    private final class Workspace implements WorkspaceService {
        @Override
        public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
            String command = params.getCommand();
            return CompletableFutures.computeAsync(worker, cancel -> {
                if (CMD_REINDEX.equals(command)) {
                    return reindexAndSummarize();
                }
                if (CMD_EXPORT.equals(command)) {
                    List<Document> docs = workspaceDocs();
                    List<Object> args = params.getArguments();
                    if (args != null && !args.isEmpty()) {
                        Object a = args.get(0);
                        String uri = a instanceof JsonElement j && j.isJsonPrimitive() ? j.getAsString() : String.valueOf(a);
                        Document d = document(uri);
                        if (d == null) {
                            throw requestError("no such document: " + uri);
                        }
                        docs = List.of(d);
                    }
                    return BibExport.export(docs);
                }
                throw requestError("unknown command: " + command);
            });
        }

        @Override
        public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends org.eclipse.lsp4j.WorkspaceSymbol>>> symbol(
                WorkspaceSymbolParams params) {
            String query = params.getQuery() == null ? "" : params.getQuery();
            return CompletableFutures.computeAsync(worker, cancel -> {
                List<org.eclipse.lsp4j.WorkspaceSymbol> out = new ArrayList<>();
                for (Symbols.WorkspaceSymbol ws : Symbols.workspaceSymbols(workspaceDocs(), query)) {
                    cancel.checkCanceled();
                    out.add(Lsp.workspaceSymbol(ws));
                }
                return Either.forRight(out);
            });
        }

        @Override
        public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
            WorkspaceFoldersChangeEvent ev = params.getEvent();
            submit(() -> {
                if (ev.getRemoved() != null) {
                    for (WorkspaceFolder f : ev.getRemoved()) {
                        toPath(f.getUri()).ifPresent(folders::remove);
                    }
                }
                if (ev.getAdded() != null) {
                    for (WorkspaceFolder f : ev.getAdded()) {
                        toPath(f.getUri()).filter(p -> !folders.contains(p)).ifPresent(folders::add);
                    }
                }
                indexWorkspace();
            });
        }

        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
            if (pullConfiguration) {
                pullSettings();
            } else {
                applySettings(params.getSettings());
                submit(BibmarkServer.this::scheduleCheck);
            }
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            List<FileEvent> events = params.getChanges();
            submit(() -> {
                boolean settings = false;
                boolean ignoreRules = false;
                for (FileEvent e : events) {
                    java.util.Optional<Path> p = toPath(e.getUri());
                    if (p.isEmpty()) {
                        continue;
                    }
                    String name = p.get().getFileName() == null ? "" : p.get().getFileName().toString();
                    if (name.equals(".bibmark.json")) {
                        settings = true; // a workspace folder's settings: read again below
                        continue;
                    }
                    if (name.equals(".gitignore")) {
                        ignoreRules = true; // what the index takes may change: collected again below
                        continue;
                    }
                    String uri = p.get().toUri().toString();
                    // A file reported changed may be gone already (a rename racing the watcher): drop it too.
                    if (e.getType() == FileChangeType.Deleted || !Files.exists(p.get())) {
                        disk.remove(uri);
                        // A deleted folder is one event: the files that were in it go too.
                        String prefix = uri.endsWith("/") ? uri : uri + "/";
                        disk.keySet().removeIf(k -> k.startsWith(prefix));
                    } else if (Files.isDirectory(p.get())) {
                        readFolder(p.get());
                    } else if (!FileCollector.isListFile(p.get())) {
                        continue; // another file, reported by the folder watcher
                    } else if (insideWorkspace(p.get())) {
                        // Only what the index would take: not in node_modules, dot-folders or .gitignored places.
                        if (indexWouldTake(p.get())) {
                            readFromDisk(p.get());
                        } else {
                            disk.remove(uri);
                        }
                    } else {
                        log(MessageType.Warning, "bibmark: not read (outside the workspace folders): " + p.get());
                    }
                }
                if (settings) {
                    loadFolderConfig(); // a new config re-checks every file
                }
                if (ignoreRules) {
                    indexWorkspace(); // files now ignored leave the index, files no longer ignored come in
                }
                scheduleCheck();
            });
        }
    }

    /** Serves LSP over the given streams until the client closes them. */
    public static void serve(InputStream in, OutputStream out) throws Exception {
        BibmarkServer server = new BibmarkServer();
        // No reflective message validation: it walked every outgoing diagnostic (a large share of a keystroke on a
        // big list). Handlers check their parameters instead (a missing one is an InvalidParams error).
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>() {
                    // As LSP4J's own, with the lifecycle rules around the server's endpoint (Lifecycle).
                    @Override
                    protected org.eclipse.lsp4j.jsonrpc.RemoteEndpoint createRemoteEndpoint(
                            org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler jsonHandler) {
                        org.eclipse.lsp4j.jsonrpc.MessageConsumer outgoing = wrapMessageConsumer(
                                new org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer(output, jsonHandler));
                        org.eclipse.lsp4j.jsonrpc.Endpoint local = new Lifecycle(
                                org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints.toEndpoint(localServices),
                                java.util.Set.copyOf(getSupportedMethods().keySet()));
                        org.eclipse.lsp4j.jsonrpc.RemoteEndpoint remote =
                                new org.eclipse.lsp4j.jsonrpc.RemoteEndpoint(outgoing, local, exceptionHandler);
                        jsonHandler.setMethodProvider(remote);
                        remote.setJsonHandler(jsonHandler);
                        return remote;
                    }
                }
                .setExceptionHandler(t -> Lifecycle.notOffered(t)
                        ? new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                                org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.MethodNotFound,
                                "bibmark does not offer this request", null)
                        : org.eclipse.lsp4j.jsonrpc.RemoteEndpoint.DEFAULT_EXCEPTION_HANDLER.apply(t))
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .create();
        server.connect(launcher.getRemoteProxy());
        launcher.startListening().get();
    }
}
