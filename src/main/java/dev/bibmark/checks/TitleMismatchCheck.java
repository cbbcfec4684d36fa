package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code title-mismatch}: a paper heading names another title than its entry. Both sides are compared
 * after LaTeX decoding ({@code {BERT}}, {@code Kram{\'a}r}), Markdown markup removal and normalisation
 * (case, accents, punctuation and spaces), so {@code Pre-training} equals {@code Pretraining}. Trailing
 * notes in the heading ({@code (GPT-3)}, {@code [ICML 2023]}) are allowed. Only item headings (with a
 * status tag or a {@code paper link:}, {@code blog link:}, ... line) over exactly one entry are compared:
 * {@code # Papers} right above a block is a category, not a title. The finding is on the heading's title.
 */
public final class TitleMismatchCheck implements DocumentCheck {
    @Override
    public Code code() {
        return Code.TITLE_MISMATCH;
    }

    /** A section's heading and its single entry's title field. */
    private record Pair(PaperSections.Section section, BibEntry entry, BibField title, String titleText,
                        String heading) {}

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<Finding> out = new ArrayList<>();
        Map<String, String> macros = CheckSupport.macros(doc);
        List<PaperSections.Section> sections = PaperSections.of(doc);
        for (int i = 0; i < sections.size(); i++) {
            check(doc, sections.get(i), macros, out);
        }
        return out;
    }

    /** One section (a method of its own, called per paper, without an Optional or a lambda per paper). */
    private void check(Document doc, PaperSections.Section s, Map<String, String> macros, List<Finding> out) {
        Pair p = pairOrNull(s, macros);
        if (p != null && !PaperSections.sameTitle(p.heading(), p.titleText())) {
            out.add(CheckSupport.finding(doc, code(), s.heading().titleRange(),
                    "Heading '" + p.heading() + "' differs from the title of '" + p.entry().key() + "': '"
                            + PaperSections.display(p.titleText()) + "'",
                    List.of(new Finding.Related(doc.path(), p.title().range(), "the entry's title"))));
        }
    }

    private static Optional<Pair> pair(PaperSections.Section s, Map<String, String> macros) {
        return Optional.ofNullable(pairOrNull(s, macros));
    }

    private static Pair pairOrNull(PaperSections.Section s, Map<String, String> macros) {
        List<BibEntry> entries = s.entries();
        if (entries.size() != 1 || !s.isItem()) {
            return null;
        }
        BibEntry e = entries.get(0);
        BibField title = e.fieldOrNull("title");
        if (title == null || title.value() == null) {
            return null;
        }
        String text = title.value().resolve(macros);
        String heading = PaperSections.plain(s.heading().title());
        if (heading.equals(text)) {
            // The usual paper: the same text on both sides is never a mismatch (and has no fix).
            return null;
        }
        if (PaperSections.titleKey(text).isEmpty() || PaperSections.titleKey(heading).isEmpty()) {
            return null;
        }
        return new Pair(s, e, title, text, heading);
    }

    /**
     * The fixes of a {@code title-mismatch} finding: "Use the entry's title as heading" (the status tag is
     * kept) and "Use the heading as the entry's title" (trailing notes dropped, TeX specials escaped).
     * Empty when the finding no longer matches the document.
     */
    public static List<Fix> fixes(Document doc, Finding finding, Config config) {
        Optional<PaperSections.Section> section = PaperSections.withHeading(doc, finding.range());
        if (section.isEmpty()) {
            return List.of();
        }
        Optional<Pair> pair = pair(section.get(), CheckSupport.macros(doc));
        if (pair.isEmpty()) {
            return List.of();
        }
        Pair p = pair.get();
        List<Fix> out = new ArrayList<>();
        String display = PaperSections.display(p.titleText());
        TextRange headingRange = section.get().heading().titleRange();
        out.add(new Fix("Use the entry's title as heading: " + display,
                List.of(new Edit(headingRange, PaperSections.escapeMarkdown(display)))));
        String core = PaperSections.core(p.heading());
        out.add(new Fix("Use the heading as the entry's title: " + core,
                List.of(new Edit(p.title().value().range(), "{" + PaperSections.escapeBibtex(core) + "}"))));
        return out;
    }
}
