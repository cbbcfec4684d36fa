package dev.bibmark.features;

import dev.bibmark.markdown.Heading;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/** Document outline (headings, papers, entries) and workspace-wide paper search. */
public final class Symbols {
    private Symbols() {}

    /** The most workspace symbols returned for one query. */
    public static final int WORKSPACE_LIMIT = 500;

    /** What a symbol stands for. */
    public enum Kind {
        /** A heading that is not a paper. */
        SECTION,
        /** A paper heading (status tag, paper link or one entry under it). */
        PAPER,
        /** A BibTeX entry with no paper heading of its own (a .bib file, or a block before any heading). */
        ENTRY,
        /** A field of an entry of a .bib file (texlab's outline has them too). */
        FIELD,
        /** An {@code @string} definition of a .bib file. */
        STRING
    }

    /**
     * One outline node.
     *
     * @param name the heading title, or the entry key
     * @param detail "key · year · status" for a paper, "N papers" for a section, "title · year" for an entry
     * @param range the whole section or entry
     * @param selection the heading title or entry key, inside {@code range}
     */
    public record Symbol(String name, String detail, Kind kind, TextRange range, TextRange selection,
                         List<Symbol> children) {}

    /**
     * One workspace search hit.
     *
     * @param name the paper title (or key when the entry has none)
     * @param detail "key · year · status"
     * @param range the paper's section or entry
     * @param selection the heading title or entry key
     */
    public record WorkspaceSymbol(String name, String detail, Kind kind, Document doc, TextRange range,
                                  TextRange selection) {}

    /**
     * The outline: for Markdown the heading tree with papers; for .bib the entries with their fields (without them
     * past {@link #MAX_ENTRIES_WITH_FIELDS} entries), and the {@code @string} definitions, in file order.
     */
    public static List<Symbol> documentSymbols(Document doc) {
        if (!doc.markdown()) {
            return bibSymbols(doc);
        }
        Sections.Outline outline = Sections.of(doc);
        List<Sections.Section> sections = outline.sections();
        List<List<Symbol>> children = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            children.add(new ArrayList<>());
        }
        List<Symbol> roots = new ArrayList<>();
        for (EntryInfo e : outline.loose()) {
            roots.add(entrySymbol(e));
        }
        // Children come after their parent, so build bottom-up.
        Symbol[] built = new Symbol[sections.size()];
        for (int i = sections.size() - 1; i >= 0; i--) {
            Sections.Section s = sections.get(i);
            List<Symbol> kids = new ArrayList<>();
            if (!s.paper() || s.entries().size() > 1) {
                for (EntryInfo e : s.entries()) {
                    kids.add(entrySymbol(e));
                }
            }
            kids.addAll(children.get(i));
            kids.sort(Comparator.comparingInt(k -> k.range().start()));
            built[i] = s.paper() ? paperSymbol(s, kids) : sectionSymbol(s, outline, kids);
            if (s.parent() >= 0) {
                children.get(s.parent()).add(built[i]);
            }
        }
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).parent() < 0) {
                roots.add(built[i]);
            }
        }
        roots.sort(Comparator.comparingInt(k -> k.range().start()));
        return roots;
    }

    /**
     * A .bib file with more entries than this has them in its outline without their fields: the editor asks for the
     * outline after every change (VS Code's breadcrumbs), and with fields a 10,000-entry file's was 70,000 symbols,
     * 17 MB of JSON and a quarter of a second per request.
     */
    public static final int MAX_ENTRIES_WITH_FIELDS = 2_000;

    private static List<Symbol> bibSymbols(Document doc) {
        List<Symbol> out = new ArrayList<>();
        List<EntryInfo> entries = EntryInfo.all(List.of(doc));
        boolean withFields = entries.size() <= MAX_ENTRIES_WITH_FIELDS;
        for (EntryInfo e : entries) {
            Symbol entry = entrySymbol(e);
            if (!withFields) {
                out.add(entry);
                continue;
            }
            List<Symbol> fields = new ArrayList<>(e.entry().fields().size());
            for (dev.bibmark.bibtex.BibField f : e.entry().fields()) {
                fields.add(new Symbol(f.name(), f.value() == null ? "" : shortValue(doc, f.value().range()), Kind.FIELD,
                        f.range(), f.nameRange(), List.of()));
            }
            out.add(new Symbol(entry.name(), entry.detail(), entry.kind(), entry.range(), entry.selection(),
                    List.copyOf(fields)));
        }
        for (dev.bibmark.model.Block b : doc.blocks()) {
            if (!b.hasStrings()) {
                continue;
            }
            for (dev.bibmark.bibtex.StringDef d : b.bib().strings()) {
                out.add(new Symbol(d.name().isEmpty() ? "@string" : d.name(),
                        d.value() == null ? "" : shortValue(doc, d.value().range()), Kind.STRING, d.range(),
                        d.name().isEmpty() ? d.range() : d.nameRange(), List.of()));
            }
        }
        out.sort(Comparator.comparingInt(k -> k.range().start()));
        return out;
    }

    /** A value as written, on one line and at most 60 characters. */
    private static String shortValue(Document doc, TextRange r) {
        String v = dev.bibmark.util.Strings.collapseWhitespace(
                doc.text().substring(Math.max(0, r.start()), Math.min(doc.text().length(), r.end())));
        return v.length() <= 60 ? v : v.substring(0, 59) + "…";
    }

    private static Symbol paperSymbol(Sections.Section s, List<Symbol> kids) {
        Heading h = s.heading();
        EntryInfo first = s.entries().isEmpty() ? null : s.entries().get(0);
        String name = !h.title().isEmpty() ? h.title() : first != null ? first.title() : "";
        return new Symbol(name.isEmpty() ? "(untitled)" : name, paperDetail(first, h.status()), Kind.PAPER, s.range(),
                selection(h), List.copyOf(kids));
    }

    private static Symbol sectionSymbol(Sections.Section s, Sections.Outline outline, List<Symbol> kids) {
        long papers = outline.inside(s).stream().filter(Sections.Section::paper).count();
        String detail = papers == 0 ? "" : papers + (papers == 1 ? " paper" : " papers");
        String name = s.heading().title().isEmpty() ? "(untitled)" : s.heading().title();
        return new Symbol(name, detail, Kind.SECTION, s.range(), selection(s.heading()), List.copyOf(kids));
    }

    private static TextRange selection(Heading h) {
        return h.titleRange().length() > 0 ? h.titleRange() : h.range();
    }

    private static Symbol entrySymbol(EntryInfo e) {
        String title = e.field("title");
        String detail = join(title, year(e));
        String name = e.key().isEmpty() ? "@" + e.entry().type() : e.key();
        TextRange sel = e.key().isEmpty() ? e.entry().typeRange() : e.entry().keyRange();
        return new Symbol(name, detail, Kind.ENTRY, e.entry().range(), sel, List.of());
    }

    static String paperDetail(EntryInfo e, String status) {
        return join(e == null ? "" : e.key(), e == null ? "" : year(e), status == null ? "" : status);
    }

    static String year(EntryInfo e) {
        String y = e.field("year");
        if (y.isEmpty()) {
            String date = e.field("date");
            y = date.length() >= 4 ? date.substring(0, 4) : date;
        }
        return y;
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " · ").append(p);
            }
        }
        return sb.toString();
    }

    /**
     * Papers and entries of the workspace matching the query, best first, at most {@link #WORKSPACE_LIMIT}. Every
     * word of the query must match the key, a title word, an author, the year or the status (case- and
     * accent-insensitive; a prefix or substring, or a subsequence of the key or title). An empty query lists all.
     */
    public static List<WorkspaceSymbol> workspaceSymbols(List<Document> workspace, String query) {
        String[] words = fold(query == null ? "" : query).trim().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) {
            words = new String[0];
        }
        List<Scored> hits = new ArrayList<>();
        int order = 0;
        for (Document d : workspace) {
            for (Candidate c : candidates(d)) {
                int score = c.score(words);
                if (score > 0) {
                    hits.add(new Scored(c.symbol(d), score, order));
                }
                order++;
            }
        }
        hits.sort(Comparator.comparingInt((Scored s) -> -s.score).thenComparingInt(s -> s.order));
        List<WorkspaceSymbol> out = new ArrayList<>();
        for (int i = 0; i < Math.min(WORKSPACE_LIMIT, hits.size()); i++) {
            out.add(hits.get(i).symbol);
        }
        return out;
    }

    private record Scored(WorkspaceSymbol symbol, int score, int order) {}

    /** A searchable paper: folded key, title, authors, year and status. */
    private record Candidate(String name, String detail, Kind kind, TextRange range, TextRange selection,
                             String key, String title, String authors, String year, String status) {
        WorkspaceSymbol symbol(Document d) {
            return new WorkspaceSymbol(name, detail, kind, d, range, selection);
        }

        int score(String[] words) {
            int total = 1;
            for (String w : words) {
                int s = scoreWord(w);
                if (s == 0) {
                    return 0;
                }
                total += s;
            }
            return total;
        }

        private int scoreWord(String w) {
            if (key.equals(w)) {
                return 120;
            }
            if (key.startsWith(w)) {
                return 100;
            }
            if (key.contains(w)) {
                return 80;
            }
            if (startsWord(title, w)) {
                return 60;
            }
            if (startsWord(authors, w)) {
                return 50;
            }
            if (title.contains(w)) {
                return 40;
            }
            if (authors.contains(w) || year.equals(w) || status.equals(w)) {
                return 30;
            }
            if (w.length() >= 2 && subsequence(w, key)
                    || w.length() >= 4 && subsequence(w, title.replace(" ", ""))) {
                return 10;
            }
            return 0;
        }
    }

    /*
     * Candidates are a pure function of a document's text and kind, and building them decodes LaTeX in every title
     * and author list (most of a query's cost), so they are memoised per text. Weak keys: a snapshot's entry goes
     * when its text is no longer referenced.
     */
    private static final Map<String, List<Candidate>> MARKDOWN_CANDIDATES =
            Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<String, List<Candidate>> BIB_CANDIDATES = Collections.synchronizedMap(new WeakHashMap<>());

    private static List<Candidate> candidates(Document d) {
        Map<String, List<Candidate>> cache = d.markdown() ? MARKDOWN_CANDIDATES : BIB_CANDIDATES;
        List<Candidate> cached = cache.get(d.text());
        if (cached == null) {
            cached = List.copyOf(buildCandidates(d));
            cache.put(d.text(), cached);
        }
        return cached;
    }

    private static List<Candidate> buildCandidates(Document d) {
        List<Candidate> out = new ArrayList<>();
        if (!d.markdown()) {
            for (EntryInfo e : EntryInfo.all(List.of(d))) {
                out.add(entryCandidate(e));
            }
            return out;
        }
        Sections.Outline outline = Sections.of(d);
        for (EntryInfo e : outline.loose()) {
            out.add(entryCandidate(e));
        }
        for (Sections.Section s : outline.sections()) {
            if (s.paper()) {
                Heading h = s.heading();
                EntryInfo first = s.entries().isEmpty() ? null : s.entries().get(0);
                String name = !h.title().isEmpty() ? h.title() : first != null ? first.title() : "(untitled)";
                String title = h.title() + (first != null ? " " + first.field("title") : "");
                out.add(new Candidate(name, paperDetail(first, h.status()), Kind.PAPER, s.range(), selection(h),
                        first == null ? "" : fold(first.key()), fold(title),
                        first == null ? "" : fold(first.field("author") + " " + first.field("editor")),
                        first == null ? "" : year(first), h.status() == null ? "" : fold(h.status())));
                for (int i = 1; i < s.entries().size(); i++) {
                    out.add(entryCandidate(s.entries().get(i)));
                }
            } else {
                for (EntryInfo e : s.entries()) {
                    out.add(entryCandidate(e));
                }
            }
        }
        return out;
    }

    private static Candidate entryCandidate(EntryInfo e) {
        String title = e.title();
        String name = title.isEmpty() ? e.key() : title;
        TextRange sel = e.key().isEmpty() ? e.entry().typeRange() : e.entry().keyRange();
        return new Candidate(name, paperDetail(e, e.status()), Kind.ENTRY, e.entry().range(), sel, fold(e.key()),
                fold(title), fold(e.field("author") + " " + e.field("editor")), year(e), fold(e.status()));
    }

    /** Lower case, accents stripped, punctuation to spaces (so "Kramár" and "kramar" match). */
    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return n.replaceAll("[^\\p{L}\\p{N}_:.\\-/]+", " ").trim();
    }

    private static boolean startsWord(String haystack, String w) {
        int i = haystack.indexOf(w);
        while (i >= 0) {
            if (i == 0 || !Character.isLetterOrDigit(haystack.charAt(i - 1))) {
                return true;
            }
            i = haystack.indexOf(w, i + 1);
        }
        return false;
    }

    private static boolean subsequence(String needle, String haystack) {
        int j = 0;
        for (int i = 0; i < haystack.length() && j < needle.length(); i++) {
            if (haystack.charAt(i) == needle.charAt(j)) {
                j++;
            }
        }
        return j == needle.length();
    }
}
