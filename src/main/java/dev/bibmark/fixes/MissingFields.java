package dev.bibmark.fixes;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.checks.Finding;
import dev.bibmark.checks.MissingFieldCheck;
import dev.bibmark.markdown.Link;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.util.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code missing-field} fixes and "Complete from paper link": new fields filled from what the section knows
 * (the heading, the paper link's arXiv id or DOI, biblatex fields such as {@code date} and {@code journaltitle}).
 */
final class MissingFields {
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");
    private static final Pattern NEW_ARXIV = Pattern.compile("(\\d\\d)\\d\\d\\.\\d{4,5}");
    private static final Pattern OLD_ARXIV = Pattern.compile(".*/(\\d\\d)\\d{5}");
    private static final List<String> ID_FIELDS = List.of("eprint", "url", "journal", "doi", "note", "howpublished");

    private MissingFields() {}

    /** What the section around an entry tells about the paper. */
    record Facts(String arxiv, String doi, String headingTitle) {
        static Facts of(Document d, BibEntry e, Map<String, String> macros) {
            Block b = Context.blockAt(d, e.range().start());
            Optional<Link> link = b == null || b.paper() == null ? Optional.empty() : b.paper().paperLink();
            String arxiv = link.flatMap(l -> Identifiers.arxivId(l.url())).orElse(null);
            String doi = link.flatMap(l -> Identifiers.doi(l.url())).orElse(null);
            if (arxiv == null) {
                for (String name : ID_FIELDS) {
                    Optional<String> id = e.field(name).map(BibField::value).filter(v -> v != null)
                            .flatMap(v -> Identifiers.arxivId(v.resolve(macros)));
                    if (id.isPresent()) {
                        arxiv = id.get();
                        break;
                    }
                }
            }
            String heading = b == null || b.paper() == null ? null : b.paper().heading().title();
            return new Facts(arxiv, doi, heading);
        }
    }

    static List<Fix> forFinding(Context c, Finding f) {
        BibEntry e = QuickFixes.entryByKeyRange(c.doc, f);
        if (e == null) {
            return List.of();
        }
        List<EntryEdits.NewField> add = missing(c, e, e.typeLower());
        if (add.isEmpty()) {
            return List.of();
        }
        boolean complete = complete(add);
        EntryEdits.Insertion ins = EntryEdits.insertFields(c.text(), e, add);
        String title = "Add " + describe(add, complete);
        return List.of(new Fix(title, f.code(), f, Map.of(c.doc.path(), List.of(ins.plain())), true, complete,
                ins.snippet()));
    }

    /** The fields a type requires that the entry lacks (one per either-or group), with the values known. */
    static List<EntryEdits.NewField> missing(Context c, BibEntry e, String typeLower) {
        Map<String, String> macros = c.macros(c.doc);
        Facts facts = Facts.of(c.doc, e, macros);
        List<EntryEdits.NewField> add = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (List<String> group : MissingFieldCheck.required(typeLower, c.config)) {
            if (group.isEmpty() || group.stream().anyMatch(e::hasField) || group.stream().anyMatch(names::contains)) {
                continue;
            }
            String name = group.get(0);
            String value = null;
            for (String g : group) {
                String v = valueFor(g, e, macros, facts);
                if (v != null && !v.isBlank()) {
                    name = g;
                    value = v;
                    break;
                }
            }
            names.add(name);
            add.add(new EntryEdits.NewField(name, value));
        }
        return add;
    }

    static boolean complete(List<EntryEdits.NewField> add) {
        return add.stream().allMatch(n -> n.value() != null && !n.value().isBlank());
    }

    /**
     * "the missing fields a, b (a filled in; b empty, to fill in)". A fix that leaves empty values says "to fill
     * in": those are placeholders, reported as {@code empty-field} until the user writes them.
     */
    static String describe(List<EntryEdits.NewField> add, boolean complete) {
        List<String> names = add.stream().map(EntryEdits.NewField::name).toList();
        List<String> filled = add.stream().filter(n -> n.value() != null).map(EntryEdits.NewField::name).toList();
        List<String> empty = add.stream().filter(n -> n.value() == null).map(EntryEdits.NewField::name).toList();
        String head = "the missing field" + (add.size() > 1 ? "s " : " ") + String.join(", ", names);
        if (complete) {
            return head + " (filled in)";
        }
        return head + " (" + (filled.isEmpty() ? "" : String.join(", ", filled) + " filled in; ")
                + String.join(", ", empty) + " empty, to fill in)";
    }

    /** The value a required field can take from the entry's other fields or the section, or null. */
    static String valueFor(String name, BibEntry e, Map<String, String> macros, Facts facts) {
        switch (name) {
            case "year" -> {
                String date = resolved(e, "date", macros);
                Matcher m = YEAR.matcher(date);
                if (m.find()) {
                    return m.group(1);
                }
                return facts.arxiv() == null ? null : arxivYear(facts.arxiv());
            }
            case "journal" -> {
                String jt = resolved(e, "journaltitle", macros);
                if (!jt.isBlank()) {
                    return jt;
                }
                return facts.arxiv() == null ? null : "arXiv preprint arXiv:" + facts.arxiv();
            }
            case "school" -> {
                String inst = resolved(e, "institution", macros);
                return inst.isBlank() ? null : inst;
            }
            case "title" -> {
                return facts.headingTitle() == null ? null : asBibtexText(facts.headingTitle());
            }
            default -> {
                return null;
            }
        }
    }

    /** The year an arXiv id was submitted in: {@code 1706.03762} → 2017, {@code hep-th/9901001} → 1999. */
    static String arxivYear(String id) {
        Matcher m = NEW_ARXIV.matcher(id);
        if (m.matches()) {
            return "20" + m.group(1);
        }
        m = OLD_ARXIV.matcher(id);
        if (m.matches()) {
            int yy = Integer.parseInt(m.group(1));
            return (yy >= 91 ? "19" : "20") + m.group(1);
        }
        return null;
    }

    /** Heading text as a braced BibTeX value: Markdown markup dropped, TeX specials escaped; null if unbalanced. */
    static String asBibtexText(String heading) {
        String s = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replace("**", "").replace("`", "").strip();
        int depth = 0;
        for (char ch : s.toCharArray()) {
            depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
            if (depth < 0) {
                return null;
            }
        }
        if (depth != 0 || s.isBlank()) {
            return null;
        }
        return s.replaceAll("(?<!\\\\)([&%#])", "\\\\$1");
    }

    private static String resolved(BibEntry e, String name, Map<String, String> macros) {
        return e.field(name).map(BibField::value).filter(v -> v != null).map(v -> v.resolve(macros)).orElse("");
    }

    static List<Fix> completeFromLink(Context c, int offset) {
        Document doc = c.doc;
        BibEntry e = Context.entryAt(doc, offset);
        Block b = Context.blockAt(doc, offset);
        if (e == null && b != null && !b.bib().entries().isEmpty()) {
            e = b.bib().entries().get(0);
        }
        if (e == null || b == null || b.paper() == null) {
            return List.of();
        }
        Optional<Link> link = b.paper().paperLink();
        if (link.isEmpty()) {
            return List.of();
        }
        String url = link.get().url();
        List<EntryEdits.NewField> add = new ArrayList<>();
        Optional<String> arxiv = Identifiers.arxivId(url);
        if (arxiv.isPresent()) {
            String id = arxiv.get();
            if (!e.hasField("eprint")) {
                add.add(new EntryEdits.NewField("eprint", id));
            }
            if (!e.hasField("archiveprefix") && !e.hasField("eprinttype")) {
                add.add(new EntryEdits.NewField("archivePrefix", "arXiv"));
            }
            if (!e.hasField("year") && !e.hasField("date") && arxivYear(id) != null) {
                add.add(new EntryEdits.NewField("year", arxivYear(id)));
            }
            if (!e.hasField("url")) {
                add.add(new EntryEdits.NewField("url", "https://arxiv.org/abs/" + id));
            }
        } else {
            Optional<String> doi = Identifiers.doi(url);
            if (doi.isPresent() && !e.hasField("doi")) {
                add.add(new EntryEdits.NewField("doi", doi.get()));
            }
        }
        if (add.isEmpty()) {
            return List.of();
        }
        EntryEdits.Insertion ins = EntryEdits.insertFields(doc.text(), e, add);
        String title = "Complete from paper link: " + String.join(", ",
                add.stream().map(EntryEdits.NewField::name).toList());
        // The entry's identical copies get the same fields (else they would become a key clash).
        return Twins.mirrorAction(c, e, List.of(new Fix(title, null, null, Map.of(doc.path(), List.<Edit>of(ins.plain())),
                false, false, null)));
    }
}
