package dev.bibmark.fixes;

import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Code;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Applies fixes to workspaces, re-parses, re-checks, and says what went wrong. */
final class FixHarness {
    static final Config CONFIG = Config.DEFAULT;
    static final Path CORPUS = Path.of("../shared/corpus");

    private FixHarness() {}

    static List<Document> parse(String... pathsAndTexts) {
        List<Document> out = new ArrayList<>();
        for (int i = 0; i + 1 < pathsAndTexts.length; i += 2) {
            out.add(Documents.parse(pathsAndTexts[i], pathsAndTexts[i + 1]));
        }
        return out;
    }

    /** Every .md and .bib file of the corpus, parsed with corpus-relative paths; empty when it is absent. */
    static List<Document> corpus() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return List.of();
        }
        List<Document> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if ((name.endsWith(".md") || name.endsWith(".bib")) && !name.equals("README.md")) {
                    String rel = CORPUS.relativize(p).toString().replace('\\', '/');
                    docs.add(Documents.parse(rel, Files.readString(p)));
                }
            }
        }
        return docs;
    }

    /** Findings of a workspace, reusing the per-document findings of documents that did not change. */
    static final class Checked {
        final List<Document> docs;
        final Map<String, List<Finding>> perDoc = new HashMap<>();
        final List<Finding> all = new ArrayList<>();

        Checked(List<Document> docs, Checked previous, Set<String> changed) {
            this.docs = docs;
            List<String> log = new ArrayList<>();
            for (Document d : docs) {
                List<Finding> f = previous != null && !changed.contains(d.path())
                        ? previous.perDoc.get(d.path()) : Checker.runDocument(d, CONFIG, log::add);
                perDoc.put(d.path(), f);
                all.addAll(f);
            }
            all.addAll(Checker.runWorkspace(docs, CONFIG, log::add));
            if (!log.isEmpty()) {
                throw new AssertionError("a check failed: " + log);
            }
        }

        Document doc(String path) {
            return docs.stream().filter(d -> d.path().equals(path)).findFirst().orElseThrow();
        }
    }

    static Checked check(List<Document> docs) {
        return new Checked(docs, null, Set.of());
    }

    /** The workspace after a fix's edits (changed documents re-parsed). */
    static Checked apply(Checked before, Map<String, List<Edit>> edits) {
        List<Document> docs = new ArrayList<>();
        for (Document d : before.docs) {
            List<Edit> e = edits.get(d.path());
            docs.add(e == null ? d : Documents.parse(d.path(), Edit.apply(d.text(), e), d.markdown()));
        }
        return new Checked(docs, before, edits.keySet());
    }

    /**
     * What is wrong with a fix: it is not precise, its finding is still there, or a finding appeared that was not
     * there before (findings are matched by path, code and position mapped through the edits). {@code allowed}
     * lists codes a fix may leave by design (placeholders).
     */
    static List<String> problems(Checked before, Finding f, Fix fix, Set<Code> allowed) {
        List<String> out = new ArrayList<>();
        String label = f.path() + " " + f.code().id() + " @" + f.range() + " [" + fix.title() + "]";
        for (Map.Entry<String, List<Edit>> e : fix.edits().entrySet()) {
            int len = before.doc(e.getKey()).text().length();
            for (Edit ed : e.getValue()) {
                if (ed.range().start() == 0 && ed.range().end() == len && len > 0) {
                    out.add(label + ": replaces the whole document");
                }
            }
        }
        if (fix.snippet() != null) {
            List<Edit> only = fix.edits().values().stream().flatMap(List::stream).toList();
            if (only.size() != 1 || !only.get(0).range().equals(fix.snippet().range())) {
                out.add(label + ": snippet does not match the plain edit");
            }
        }
        Checked after;
        try {
            after = apply(before, fix.edits());
        } catch (IllegalArgumentException ex) {
            out.add(label + ": edits do not apply: " + ex.getMessage());
            return out;
        }
        List<Edit> own = fix.editsFor(f.path());
        int lo = mapLow(own, f.range().start());
        int hi = mapHigh(own, f.range().end());
        for (Finding a : after.all) {
            if (a.path().equals(f.path()) && a.code() == f.code() && a.range().start() >= lo && a.range().start() <= hi
                    && before.all.stream().noneMatch(b -> b != f && matches(fix, a, b))) {
                out.add(label + ": still reported: " + a.message());
            }
        }
        for (Finding a : after.all) {
            if (allowed.contains(a.code())) {
                continue;
            }
            boolean old = before.all.stream().anyMatch(b -> matches(fix, a, b));
            if (!old) {
                out.add(label + ": new finding " + a.code().id() + " at " + a.path() + a.range() + ": " + a.message());
            }
        }
        return out;
    }

    /** Findings after edits that do not match a finding before them (moved by the edits). */
    static List<String> newFindings(Checked before, Checked after, Map<String, List<Edit>> edits) {
        Fix asFix = new Fix("fix-all", null, null, edits, false, true, null);
        List<String> out = new ArrayList<>();
        for (Finding a : after.all) {
            if (before.all.stream().noneMatch(b -> matches(asFix, a, b))) {
                out.add("new finding " + a.code().id() + " at " + a.path() + a.range() + ": " + a.message());
            }
        }
        return out;
    }

    /** Whether finding {@code a} after the fix is finding {@code b} before it, moved by the fix's edits. */
    static boolean matches(Fix fix, Finding a, Finding b) {
        List<Edit> edits = fix.editsFor(a.path());
        return b.path().equals(a.path()) && b.code() == a.code()
                && a.range().start() >= mapLow(edits, b.range().start())
                && a.range().start() <= mapHigh(edits, b.range().end());
    }

    /** An old offset in the new text, inserts at the offset counted after it (and a deleted offset at the gap). */
    static int mapLow(List<Edit> edits, int o) {
        return map(edits, o, false);
    }

    /** An old offset in the new text, inserts at the offset counted before it. */
    static int mapHigh(List<Edit> edits, int o) {
        return map(edits, o, true);
    }

    private static int map(List<Edit> edits, int o, boolean high) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((Edit e) -> e.range().start()).thenComparingInt(e -> e.range().end()));
        int delta = 0;
        for (Edit e : sorted) {
            int s = e.range().start();
            int en = e.range().end();
            int d = e.newText().length() - e.range().length();
            if (en < o || en == o && (s < o || high)) {
                delta += d;
            } else if (s < o && o < en) {
                return s + delta + (high ? e.newText().length() : 0);
            }
        }
        return o + delta;
    }

    /** Path → text of every document, for comparisons. */
    static Map<String, String> texts(List<Document> docs) {
        Map<String, String> m = new LinkedHashMap<>();
        docs.forEach(d -> m.put(d.path(), d.text()));
        return m;
    }
}
