package dev.bibmark.checks;

import dev.bibmark.text.TextRange;
import java.util.List;

/**
 * One problem found by a check, before LSP or CLI formatting.
 *
 * @param path the document's path (as given to the workspace)
 * @param range document range (UTF-16 offsets)
 * @param related other places (e.g. the other definitions of a duplicated key)
 */
public record Finding(String path, Code code, Severity severity, TextRange range, String message,
                      List<Related> related) {
    public record Related(String path, TextRange range, String message) {}
}
