package dev.bibmark.checks;

import dev.bibmark.text.Edit;
import java.util.List;

/**
 * A quick-fix for a finding: a title for people and the edits (document ranges of the finding's document)
 * that apply it. The LSP edge turns it into a CodeAction; the CLI can apply it with {@link Edit#apply}.
 */
public record Fix(String title, List<Edit> edits) {
    public Fix {
        edits = List.copyOf(edits);
    }
}
