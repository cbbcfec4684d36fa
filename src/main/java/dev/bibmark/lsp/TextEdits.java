package dev.bibmark.lsp;

import dev.bibmark.text.LineIndex;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** Applies LSP content changes (full or incremental, in order) to a text. */
final class TextEdits {
    private TextEdits() {}

    static String apply(String text, LineIndex lines, List<TextDocumentContentChangeEvent> changes) {
        String current = text;
        LineIndex li = lines;
        for (TextDocumentContentChangeEvent c : changes) {
            Range r = c.getRange();
            if (r == null) {
                current = c.getText();
            } else {
                int start = li.offset(r.getStart().getLine(), r.getStart().getCharacter(), current);
                int end = li.offset(r.getEnd().getLine(), r.getEnd().getCharacter(), current);
                if (end < start) {
                    int t = start;
                    start = end;
                    end = t;
                }
                current = current.substring(0, start) + c.getText() + current.substring(end);
            }
            li = LineIndex.of(current);
        }
        return current;
    }
}
