package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.config.Config;
import dev.bibmark.markdown.Link;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import dev.bibmark.util.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code link-mismatch}: the {@code paper link:} of a section names an arXiv id or a DOI, the section's
 * entry carries an identifier of the same kind, and none of the entry's equals the link's. arXiv ids are
 * compared without version ({@code 2301.05062v2} equals {@code 2301.05062}); the entry's ids come from
 * {@code eprint}, {@code doi} ({@code 10.48550/arXiv.ID}), {@code url}, {@code journal}/{@code note}/
 * {@code howpublished} ({@code arXiv preprint arXiv:ID}) and DBLP's {@code CoRR, abs/ID}. DOIs are compared
 * ignoring case; a link that continues the entry's DOI ({@code .../10.1145/3446776.pdf}) matches. A link of
 * one kind and an entry of the other (a preprint link for a published entry) is not compared. The
 * finding is on the link's URL.
 */
public final class LinkMismatchCheck implements DocumentCheck {
    private static final List<String> ARXIV_FIELDS = List.of("eprint", "doi", "url", "journal", "volume", "note",
            "howpublished");
    private static final List<String> DOI_FIELDS = List.of("doi", "url");
    private static final Pattern CORR = Pattern.compile("\\babs/(\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Code code() {
        return Code.LINK_MISMATCH;
    }

    /** An identifier found in a field of an entry. */
    record FieldId(BibEntry entry, BibField field, String id) {}

    /** What one paper link is compared with. */
    private record Comparison(Link link, boolean arxiv, String linkId, List<FieldId> entryIds) {
        boolean matches() {
            for (FieldId f : entryIds) {
                if (arxiv ? f.id().equalsIgnoreCase(linkId) : doiMatches(linkId, f.id())) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<Finding> out = new ArrayList<>();
        Map<String, String> macros = CheckSupport.macros(doc);
        for (PaperSections.Section s : PaperSections.of(doc)) {
            for (Comparison c : comparisons(s, macros)) {
                if (c.entryIds().isEmpty() || c.matches()) {
                    continue;
                }
                FieldId first = c.entryIds().get(0);
                String kind = c.arxiv() ? "arXiv:" : "DOI ";
                List<Finding.Related> related = new ArrayList<>();
                for (FieldId f : c.entryIds()) {
                    related.add(new Finding.Related(doc.path(), f.field().range(),
                            "'" + f.entry().key() + "' " + f.field().nameLower() + ": " + kind + f.id()));
                }
                out.add(CheckSupport.finding(doc, code(), c.link().urlRange(),
                        "Paper link names " + kind + c.linkId() + " but entry '" + first.entry().key() + "' has "
                                + kind + first.id() + " (" + first.field().nameLower() + ")", related));
            }
        }
        return out;
    }

    private static List<Comparison> comparisons(PaperSections.Section s, Map<String, String> macros) {
        List<Comparison> out = new ArrayList<>();
        List<BibEntry> entries = s.entries();
        if (entries.isEmpty()) {
            return out;
        }
        for (Link l : s.paperLinks()) {
            Optional<String> arxiv = Identifiers.arxivId(l.url());
            if (arxiv.isPresent()) {
                out.add(new Comparison(l, true, arxiv.get(), arxivIds(entries, macros)));
                continue;
            }
            Optional<String> doi = Identifiers.doi(l.url()).map(LinkMismatchCheck::withoutUrlTail);
            if (doi.isPresent()) {
                out.add(new Comparison(l, false, doi.get(), dois(entries, macros)));
            }
        }
        return out;
    }

    static List<FieldId> arxivIds(List<BibEntry> entries, Map<String, String> macros) {
        List<FieldId> out = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            BibEntry e = entries.get(k);
            // Indexed, without Optionals: runs for every paper section, and the command line's quick compiler keeps
            // every iterator and Optional.
            for (int n = 0; n < ARXIV_FIELDS.size(); n++) {
                String name = ARXIV_FIELDS.get(n);
                BibField f = e.fieldOrNull(name);
                if (f == null || f.value() == null) {
                    continue;
                }
                String v = f.value().resolve(macros);
                if (name.equals("eprint") && !isArxivPrefix(e, macros)) {
                    continue;
                }
                String id = Identifiers.arxivId(v).orElse(null);
                // CORR needs what an id needs: most values (a DOI, a venue) are not searched.
                if (id == null && Identifiers.mayHoldArxivId(v)) {
                    Matcher m = CORR.matcher(v);
                    if (m.find()) {
                        id = m.group(1);
                    }
                }
                if (id != null) {
                    out.add(new FieldId(e, f, id));
                }
            }
        }
        return out;
    }

    /** An eprint is an arXiv id unless another archive is named. */
    private static boolean isArxivPrefix(BibEntry e, Map<String, String> macros) {
        for (String name : List.of("archiveprefix", "eprinttype")) {
            String v = CheckSupport.value(e, name, macros).trim();
            if (!v.isEmpty() && !v.equalsIgnoreCase("arxiv")) {
                return false;
            }
        }
        return true;
    }

    static List<FieldId> dois(List<BibEntry> entries, Map<String, String> macros) {
        List<FieldId> out = new ArrayList<>();
        for (BibEntry e : entries) {
            for (String name : DOI_FIELDS) {
                Optional<BibField> f = e.field(name);
                if (f.isEmpty() || f.get().value() == null) {
                    continue;
                }
                String v = f.get().value().resolve(macros);
                if (Identifiers.arxivId(v).isPresent()) {
                    continue;
                }
                Identifiers.doi(v).ifPresent(d -> out.add(new FieldId(e, f.get(), d)));
            }
        }
        return out;
    }

    /** A DOI taken from a publisher URL, without query, fragment and a trailing {@code .pdf} or {@code /full}. */
    static String withoutUrlTail(String doi) {
        String d = doi.replaceFirst("[?#].*$", "");
        return d.replaceFirst("(?i)(?:\\.pdf|/full|/abstract|/pdf|/epdf)$", "");
    }

    /** Same DOI, or a link that continues it with a path, extension, version or query. */
    static boolean doiMatches(String linkDoi, String entryDoi) {
        String l = linkDoi.toLowerCase(Locale.ROOT);
        String d = entryDoi.toLowerCase(Locale.ROOT);
        return l.equals(d) || (l.startsWith(d) && "/.?#v&".indexOf(l.charAt(d.length())) >= 0);
    }

    /**
     * The fixes of a {@code link-mismatch} finding: "Update the entry from the link" (every entry field
     * naming another id of that kind gets the link's id) and "Update the link from the entry" (the link's id
     * is replaced by the entry's first one). Empty when the finding no longer matches the document.
     */
    public static List<Fix> fixes(Document doc, Finding finding, Config config) {
        Map<String, String> macros = CheckSupport.macros(doc);
        for (PaperSections.Section s : PaperSections.of(doc)) {
            for (Comparison c : comparisons(s, macros)) {
                if (!c.link().urlRange().equals(finding.range()) || c.entryIds().isEmpty() || c.matches()) {
                    continue;
                }
                List<Fix> out = new ArrayList<>();
                List<Edit> entryEdits = new ArrayList<>();
                for (FieldId f : c.entryIds()) {
                    replaceId(doc, f.field().value().range(), f.id(), c.arxiv(), c.linkId()).ifPresent(entryEdits::add);
                }
                String kind = c.arxiv() ? "arXiv:" : "DOI ";
                if (entryEdits.size() == c.entryIds().size()) {
                    out.add(new Fix("Update the entry from the link (" + kind + c.linkId() + ")", entryEdits));
                }
                String entryId = c.entryIds().get(0).id();
                replaceId(doc, c.link().urlRange(), c.linkId(), c.arxiv(), entryId)
                        .ifPresent(e -> out.add(new Fix("Update the link from the entry (" + kind + entryId + ")",
                                List.of(e))));
                return out;
            }
        }
        return List.of();
    }

    /** An edit replacing {@code id} (with an arXiv version suffix, if any) inside a document range. */
    private static Optional<Edit> replaceId(Document doc, TextRange within, String id, boolean arxiv, String by) {
        String text = doc.text().substring(within.start(), within.end());
        Pattern p = Pattern.compile(Pattern.quote(id) + (arxiv ? "(?:v\\d+)?(?!\\d)" : ""), Pattern.CASE_INSENSITIVE);
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Edit(new TextRange(within.start() + m.start(), within.start() + m.end()), by));
    }
}
