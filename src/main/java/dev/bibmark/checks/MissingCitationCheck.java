package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.config.Config;
import dev.bibmark.markdown.Fence;
import dev.bibmark.markdown.Link;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import dev.bibmark.util.Identifiers;
import dev.bibmark.util.KeyPattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code missing-citation}: a paper heading (one with a status tag, or with a {@code paper link:} before
 * the next heading) has no bibtex block before the next heading of the same or a higher level. A section
 * holding an {@code @type{} line in another code block is left alone. The finding is on the heading's title.
 */
public final class MissingCitationCheck implements DocumentCheck {
    @Override
    public Code code() {
        return Code.MISSING_CITATION;
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<Finding> out = new ArrayList<>();
        for (PaperSections.Section s : PaperSections.of(doc)) {
            if (isMissing(doc, s)) {
                String why = s.heading().status() != null ? "has a status tag" : "has a paper link";
                out.add(CheckSupport.finding(doc, code(), s.heading().titleRange(),
                        "Paper '" + PaperSections.plain(s.heading().title()) + "' " + why + " but no bibtex block"));
            }
        }
        return out;
    }

    private static boolean isMissing(Document doc, PaperSections.Section s) {
        if (!s.isPaper() || !s.blocks().isEmpty()) {
            return false;
        }
        // The first fence starting at or after the section: fences are in document order.
        List<Fence> fences = doc.markdownIndex().fences();
        int lo = dev.bibmark.text.Sorted.firstAtOrAfter(fences, s.extended().start(), Fence::range);
        if (lo < fences.size() && fences.get(lo).range().start() < s.extended().end()) {
            return false;
        }
        return !PaperSections.hasBibtexText(doc, s.extended());
    }

    /**
     * The fix of a {@code missing-citation} finding: "Insert a bibtex block" after the section's last line,
     * filled from the heading (title without trailing notes) and the paper link ({@code url}; arXiv links
     * also give {@code eprint}, {@code archivePrefix} and the year, DOI links {@code doi}), with an empty
     * {@code author} to fill in. The key follows the configured key pattern as far as the known fields
     * allow, and is unique in the document. A {@code citation:} line is written when the document uses them.
     */
    public static List<Fix> fixes(Document doc, Finding finding, Config config) {
        Optional<PaperSections.Section> found = PaperSections.withHeading(doc, finding.range());
        if (found.isEmpty() || !isMissing(doc, found.get())) {
            return List.of();
        }
        PaperSections.Section s = found.get();
        String title = PaperSections.core(PaperSections.plain(s.heading().title()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "{" + PaperSections.escapeBibtex(title) + "}");
        fields.put("author", "{}");
        Optional<Link> link = s.paperLinks().stream().findFirst();
        Optional<String> arxiv = link.flatMap(l -> Identifiers.arxivId(l.url()));
        Optional<String> doi = arxiv.isPresent() ? Optional.empty()
                : link.flatMap(l -> Identifiers.doi(l.url())).map(LinkMismatchCheck::withoutUrlTail);
        String year = arxiv.filter(id -> id.matches("\\d{4}\\..*")).map(id -> "20" + id.substring(0, 2)).orElse("");
        fields.put("year", "{" + year + "}");
        arxiv.ifPresent(id -> {
            fields.put("eprint", "{" + id + "}");
            fields.put("archivePrefix", "{arXiv}");
        });
        doi.ifPresent(d -> fields.put("doi", "{" + d + "}"));
        link.ifPresent(l -> fields.put("url", "{" + l.url() + "}"));

        Map<String, String> plainFields = Map.of("title", title, "year", year);
        String key = uniqueKey(doc, baseKey(config, plainFields));
        String nl = PaperSections.newline(doc.text());
        StringBuilder sb = new StringBuilder();
        sb.append(nl).append(nl);
        if (doc.text().contains(nl + "citation:")) {
            sb.append("citation:").append(nl).append(nl);
        }
        sb.append("```bibtex").append(nl).append("@misc{").append(key).append(',');
        for (Map.Entry<String, String> e : fields.entrySet()) {
            sb.append(nl).append("  ").append(e.getKey()).append(" = ").append(e.getValue()).append(',');
        }
        sb.setLength(sb.length() - 1);
        sb.append(nl).append('}').append(nl).append("```");
        int at = lastContentEnd(doc, s.direct());
        String blanks = year.isEmpty() ? "author and year" : "author";
        return List.of(new Fix("Insert a bibtex block for '" + title + "' (" + blanks + " to fill in)",
                List.of(Edit.insert(at, sb.toString()))));
    }

    private static String baseKey(Config config, Map<String, String> fields) {
        String key;
        try {
            key = KeyPattern.parse(config.keyPattern()).expandLenient("misc", fields);
        } catch (IllegalArgumentException e) {
            key = "";
        }
        return key.isEmpty() ? "paper" : key;
    }

    /** The key, or the key with a suffix a, b, ... when another entry of the document has it. */
    static String uniqueKey(Document doc, String base) {
        Set<String> taken = new HashSet<>();
        for (BibEntry e : doc.entries()) {
            taken.add(e.key().toLowerCase(Locale.ROOT));
        }
        if (!taken.contains(base.toLowerCase(Locale.ROOT))) {
            return base;
        }
        for (int i = 0; ; i++) {
            String suffix = i < 26 ? String.valueOf((char) ('a' + i)) : Integer.toString(i);
            String k = base + suffix;
            if (!taken.contains(k.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
    }

    /** The end of the last non-blank line of a range (the range's start when it is blank). */
    private static int lastContentEnd(Document doc, TextRange r) {
        String t = doc.text();
        int e = r.end();
        while (e > r.start() && Character.isWhitespace(t.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
