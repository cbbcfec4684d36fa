package dev.bibmark.checks;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.List;

/** The quick-fixes the checks offer for a finding, by its code (empty for codes without fixes yet). */
public final class Fixes {
    private Fixes() {}

    /**
     * Fixes for a finding of {@code doc} (computed from the document, so a stale finding gives none).
     * Each fix's edits apply to {@code doc}'s text.
     */
    public static List<Fix> of(Document doc, Finding finding, Config config) {
        if (!doc.path().equals(finding.path())) {
            return List.of();
        }
        return switch (finding.code()) {
            case TITLE_MISMATCH -> TitleMismatchCheck.fixes(doc, finding, config);
            case LINK_MISMATCH -> LinkMismatchCheck.fixes(doc, finding, config);
            case MISSING_CITATION -> MissingCitationCheck.fixes(doc, finding, config);
            case INVALID_STATUS -> InvalidStatusCheck.fixes(doc, finding, config);
            case KEY_CONVENTION -> KeyConventionCheck.fixes(doc, finding, config);
            case UNMARKED_BIBTEX -> UnmarkedBibtexCheck.fixes(doc, finding, config);
            default -> List.of();
        };
    }
}
