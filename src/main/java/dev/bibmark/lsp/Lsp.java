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
}
