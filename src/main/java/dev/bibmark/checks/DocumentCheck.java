package dev.bibmark.checks;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.List;

/**
 * A check that looks at one document only, so the server can cache its findings per document
 * snapshot. Findings carry the code's default severity; {@link Checker} applies the config.
 */
public interface DocumentCheck {
    Code code();

    List<Finding> check(Document doc, Config config);
}
