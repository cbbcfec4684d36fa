package dev.bibmark.checks;

import dev.bibmark.config.Config;
import dev.bibmark.markdown.CodeBlock;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unmarked-bibtex}: a fenced code block holds BibTeX (a line starting {@code @type{}) but is not marked as
 * bibtex (no language, or another one such as {@code latex}), so bibmark does not read it: its entries are not
 * checked, completed, hovered or exported, without a word. The finding is on the info string (or the fence when there
 * is none); the fix marks the block {@code bibtex}.
 */
public final class UnmarkedBibtexCheck implements DocumentCheck {
    @Override
    public Code code() {
        return Code.UNMARKED_BIBTEX;
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<CodeBlock> blocks = doc.markdownIndex().unmarkedBibtex();
        if (blocks.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (CodeBlock b : blocks) {
            out.add(CheckSupport.finding(doc, code(), where(doc, b), b.language().isEmpty()
                    ? "This code block holds BibTeX but has no language, so it is not read: mark it ```bibtex"
                    : "This code block holds BibTeX but is marked '" + b.language()
                            + "', so it is not read: mark it ```bibtex"));
        }
        return out;
    }

    /** The info string, or the opening fence line when the block has none (or it could not be located). */
    private static TextRange where(Document doc, CodeBlock b) {
        if (b.info() != null && b.info().length() > 0) {
            return b.info();
        }
        int line = doc.lines().line(b.range().start());
        return new TextRange(b.range().start(), Math.max(b.range().start(), doc.lines().contentEnd(line, doc.text())));
    }

    /** "Mark the block as bibtex": the info string's first word replaced, or {@code bibtex} added after the fence. */
    public static List<Fix> fixes(Document doc, Finding finding, Config config) {
        for (CodeBlock b : doc.markdownIndex().unmarkedBibtex()) {
            if (b.info() == null || !where(doc, b).equals(finding.range())) {
                continue;
            }
            return List.of(new Fix("Mark the block as bibtex", List.of(new Edit(b.info(), "bibtex"))));
        }
        return List.of();
    }
}
