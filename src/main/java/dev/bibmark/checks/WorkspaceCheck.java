package dev.bibmark.checks;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.List;

/**
 * A check that compares documents with each other (duplicates across files). Findings carry the
 * code's default severity; {@link Checker} applies the config.
 */
public interface WorkspaceCheck {
    Code code();

    List<Finding> check(List<Document> docs, Config config);
}
