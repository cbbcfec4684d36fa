package dev.bibmark.fixes;

import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Code;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Fix-all ({@code source.fixAll.bibmark}, {@code bibmark check --fix}): every safe fix of a document at once.
 * Safe fixes lose no data and never delete a paper; unsafe ones (removing a copy, renaming a key, placeholders)
 * are left to the user.
 */
public final class FixAll {
    private FixAll() {}

    /**
     * Non-overlapping edits of {@code doc} applying the first safe fix of each of its findings. One pass: a fix
     * that overlaps one already taken is left out, a fix that would also edit another document (an entry with
     * identical copies elsewhere) is left out, and in an object with a syntax error only the syntax is fixed (its
     * other findings may change once it parses); so a second pass over the result can find more to do.
     *
     * @param findings findings of any documents (in the order to fix them); only those of {@code doc} are used
     * @param workspace every document, for the keys taken and identical copies; may or may not include {@code doc}
     */
    public static List<Edit> compute(Document doc, List<Finding> findings, List<Document> workspace, Config config) {
        Map<String, List<Edit>> edits = core(List.of(doc), findings, workspace, config);
        return edits.getOrDefault(doc.path(), List.of());
    }

    /**
     * Fix-all over several documents at once, as {@link #compute} does for one, but also applying safe fixes that
     * edit several of them (a fix on an entry that has identical copies in other documents changes every copy).
     *
     * @return edits per path, non-overlapping within each path; paths without edits are absent
     */
    public static Map<String, List<Edit>> computeAll(List<Document> docs, List<Finding> findings, Config config) {
        return core(docs, findings, docs, config);
    }

    private static Map<String, List<Edit>> core(List<Document> targets, List<Finding> findings,
                                                List<Document> workspace, Config config) {
        Map<String, Document> byPath = new LinkedHashMap<>();
        targets.forEach(d -> byPath.put(d.path(), d));
        List<Document> ws = new ArrayList<>(workspace);
        for (Document d : targets) {
            ws.removeIf(o -> o.path().equals(d.path()));
            ws.add(d);
        }
        Set<String> taken = Context.takenKeys(ws, null);
        Map<String, Context> contexts = new HashMap<>();
        Map<String, List<TextRange>> broken = new HashMap<>();
        for (Document d : targets) {
            contexts.put(d.path(), new Context(d, ws, config, taken));
            broken.put(d.path(), Context.brokenRanges(d));
        }
        Map<String, List<Edit>> accepted = new LinkedHashMap<>();
        for (Finding f : findings) {
            Context c = contexts.get(f.path());
            if (c == null) {
                continue;
            }
            if (f.code() != Code.BIBTEX_SYNTAX
                    && broken.get(f.path()).stream().anyMatch(r -> r.touches(f.range().start()))) {
                continue;
            }
            for (Fix fix : QuickFixes.forFinding(c, f)) {
                if (!fix.safe()) {
                    continue;
                }
                boolean fits = byPath.keySet().containsAll(fix.edits().keySet());
                for (Map.Entry<String, List<Edit>> e : fix.edits().entrySet()) {
                    List<Edit> taken2 = accepted.getOrDefault(e.getKey(), List.of());
                    fits &= e.getValue().stream().noneMatch(x -> conflicts(x, taken2));
                }
                if (fits) {
                    fix.edits().forEach((p, l) -> accepted.computeIfAbsent(p, k -> new ArrayList<>()).addAll(l));
                }
                break;
            }
        }
        return accepted;
    }

    /**
     * The documents after fix-all passes (each re-parses the changed documents and re-checks them) until no safe
     * fix is left or {@code maxPasses} passes were made. Findings are those of the document checks with the
     * config's severities and in-source suppressions, as {@link Checker#runDocument} reports them (the workspace
     * checks have no safe fixes). Unchanged documents are returned as given.
     */
    public static List<Document> applyPasses(List<Document> docs, Config config, int maxPasses, Consumer<String> log) {
        List<Document> current = new ArrayList<>(docs);
        for (int pass = 0; pass < maxPasses; pass++) {
            List<Finding> findings = new ArrayList<>();
            for (Document d : current) {
                findings.addAll(Checker.runDocument(d, config, log));
            }
            Map<String, List<Edit>> edits = computeAll(current, findings, config);
            if (edits.isEmpty()) {
                break;
            }
            for (int i = 0; i < current.size(); i++) {
                Document d = current.get(i);
                List<Edit> e = edits.get(d.path());
                if (e != null) {
                    current.set(i, Documents.parse(d.path(), Edit.apply(d.text(), e), d.markdown()));
                }
            }
        }
        return current;
    }

    /** Whether an edit overlaps an accepted one (inserts at one offset conflict too: their order would matter). */
    static boolean conflicts(Edit e, List<Edit> accepted) {
        TextRange r = e.range();
        for (Edit a : accepted) {
            TextRange o = a.range();
            if (r.start() < o.end() && o.start() < r.end()) {
                return true;
            }
            if (r.length() == 0 && o.length() == 0 && r.start() == o.start()) {
                return true;
            }
            if (r.length() == 0 && r.start() > o.start() && r.start() < o.end()
                    || o.length() == 0 && o.start() > r.start() && o.start() < r.end()) {
                return true;
            }
        }
        return false;
    }
}
