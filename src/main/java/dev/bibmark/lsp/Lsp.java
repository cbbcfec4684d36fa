package dev.bibmark.lsp;

import dev.bibmark.checks.Finding;
import dev.bibmark.model.Document;
import dev.bibmark.text.LineIndex;
import dev.bibmark.text.TextRange;
import dev.bibmark.features.Completion;
import java.util.ArrayList;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** The one place that converts bibmark's own types to LSP4J's. */
final class Lsp {
    private Lsp() {}

    static Position position(LineIndex li, int offset) {
        return new Position(li.line(offset), li.character(offset));
    }

    static Range range(LineIndex li, TextRange r) {
        return new Range(position(li, r.start()), position(li, r.end()));
    }

    static CompletionItem completionItem(Completion.Item it, LineIndex li, boolean withDocs) {
        CompletionItem c = new CompletionItem(it.label());
        c.setKind(switch (it.kind()) {
            case KEY -> CompletionItemKind.Reference;
            case ENTRY_TYPE -> CompletionItemKind.Class;
            case FIELD -> CompletionItemKind.Field;
            case VALUE -> CompletionItemKind.Value;
            case MONTH -> CompletionItemKind.Constant;
        });
        c.setDetail(it.detail());
        c.setFilterText(it.filterText());
        c.setSortText(it.sortText());
        if (it.snippet()) {
            c.setInsertTextFormat(org.eclipse.lsp4j.InsertTextFormat.Snippet);
        }
        c.setTextEdit(Either.forLeft(new TextEdit(range(li, it.replace()), it.insertText())));
        if ((withDocs || it.kind() != Completion.Kind.KEY) && it.documentation() != null) {
            c.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, it.documentation()));
        }
        return c;
    }

    static DiagnosticSeverity severity(dev.bibmark.checks.Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }

    static Diagnostic diagnostic(Finding f, Map<String, Document> docs) {
        Document d = docs.get(f.path());
        LineIndex li = d != null ? d.lines() : LineIndex.of("");
        Diagnostic diag = new Diagnostic(range(li, f.range()), f.message(), severity(f.severity()), "bibmark");
        diag.setCode(Either.forLeft(f.code().id()));
        if (!f.related().isEmpty()) {
            List<DiagnosticRelatedInformation> rel = new ArrayList<>();
            for (Finding.Related r : f.related()) {
                Document rd = docs.get(r.path());
                LineIndex rl = rd != null ? rd.lines() : LineIndex.of("");
                rel.add(new DiagnosticRelatedInformation(new Location(r.path(), range(rl, r.range())), r.message()));
            }
            diag.setRelatedInformation(rel);
        }
        return diag;
    }

    /** Edits per path as a WorkspaceEdit; each path's own snapshot converts its offsets. */
    static org.eclipse.lsp4j.WorkspaceEdit workspaceEdit(Map<String, List<dev.bibmark.text.Edit>> edits,
                                                         List<Document> workspace, Document current) {
        Map<String, Document> byPath = new java.util.HashMap<>();
        for (Document d : workspace) {
            byPath.put(d.path(), d);
        }
        byPath.put(current.path(), current);
        Map<String, List<TextEdit>> changes = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<dev.bibmark.text.Edit>> e : edits.entrySet()) {
            Document d = byPath.get(e.getKey());
            if (d == null) {
                continue;
            }
            List<TextEdit> list = new ArrayList<>();
            for (dev.bibmark.text.Edit edit : e.getValue()) {
                list.add(new TextEdit(range(d.lines(), edit.range()), edit.newText()));
            }
            changes.put(e.getKey(), list);
        }
        return new org.eclipse.lsp4j.WorkspaceEdit(changes);
    }

    static org.eclipse.lsp4j.SymbolKind symbolKind(dev.bibmark.features.Symbols.Kind k) {
        return switch (k) {
            case SECTION -> org.eclipse.lsp4j.SymbolKind.Namespace;
            case PAPER -> org.eclipse.lsp4j.SymbolKind.Class;
            case ENTRY -> org.eclipse.lsp4j.SymbolKind.Field;
            case FIELD -> org.eclipse.lsp4j.SymbolKind.Property;
            case STRING -> org.eclipse.lsp4j.SymbolKind.Constant;
        };
    }

    static org.eclipse.lsp4j.DocumentSymbol documentSymbol(dev.bibmark.features.Symbols.Symbol s, LineIndex li) {
        org.eclipse.lsp4j.DocumentSymbol d = new org.eclipse.lsp4j.DocumentSymbol(
                s.name().isBlank() ? "(untitled)" : s.name(), symbolKind(s.kind()), range(li, s.range()),
                range(li, s.selection()), s.detail());
        // A leaf has no "children" at all (optional in LSP): an empty list for each was a tenth of a long outline.
        if (!s.children().isEmpty()) {
            List<org.eclipse.lsp4j.DocumentSymbol> children = new ArrayList<>(s.children().size());
            for (dev.bibmark.features.Symbols.Symbol c : s.children()) {
                children.add(documentSymbol(c, li));
            }
            d.setChildren(children);
        }
        return d;
    }

    static org.eclipse.lsp4j.WorkspaceSymbol workspaceSymbol(dev.bibmark.features.Symbols.WorkspaceSymbol s) {
        org.eclipse.lsp4j.WorkspaceSymbol w = new org.eclipse.lsp4j.WorkspaceSymbol(
                s.name().isBlank() ? "(untitled)" : s.name(), symbolKind(s.kind()),
                Either.forLeft(new org.eclipse.lsp4j.Location(s.doc().path(), range(s.doc().lines(), s.selection()))));
        w.setContainerName(s.detail());
        return w;
    }

    /** One snippet edit in a document (LSP 3.18 SnippetTextEdit inside a TextDocumentEdit). */
    static org.eclipse.lsp4j.WorkspaceEdit snippetEdit(Document d, dev.bibmark.text.Edit snippet, Integer version) {
        org.eclipse.lsp4j.SnippetTextEdit edit = new org.eclipse.lsp4j.SnippetTextEdit(range(d.lines(), snippet.range()),
                new org.eclipse.lsp4j.StringValue("snippet", snippet.newText()));
        org.eclipse.lsp4j.TextDocumentEdit doc = new org.eclipse.lsp4j.TextDocumentEdit(
                new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(d.path(), version),
                List.of(Either.<TextEdit, org.eclipse.lsp4j.SnippetTextEdit>forRight(edit)));
        org.eclipse.lsp4j.WorkspaceEdit we = new org.eclipse.lsp4j.WorkspaceEdit();
        we.setDocumentChanges(List.of(Either.<org.eclipse.lsp4j.TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation>forLeft(doc)));
        return we;
    }

    /**
     * A link target as a URI, which a client parses as one: characters a URI cannot hold (non-ASCII, spaces,
     * controls, {@code "<>\\^`{|}}) percent-encoded as UTF-8, everything else (a {@code %XX} written already too)
     * as written.
     */
    static String uriText(String target) {
        StringBuilder sb = null;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean ok = c > ' ' && c < 127 && "\"<>\\^`{|}".indexOf(c) < 0;
            if (ok) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(target.length() + 16).append(target, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < target.length() ? i + 2 : i + 1;
            for (byte b : target.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return sb == null ? target : sb.toString();
    }
}
