package dev.bibmark.fixes;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Code;
import dev.bibmark.checks.Finding;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps identical copies identical: a fix that changes an entry's content also makes the same change to every
 * other copy of that entry (same key, same content) in the workspace, so the copies do not turn into a
 * {@code duplicate-key} error. The copy's own fix is computed from its own finding and layout.
 */
final class Twins {
    /** Codes whose fixes change an entry in place (the duplicate codes and key fixes are about one copy). */
    static final Set<Code> MIRRORED = EnumSet.of(Code.BIBTEX_SYNTAX, Code.MISSING_FIELD, Code.EMPTY_FIELD,
            Code.DUPLICATE_FIELD, Code.UNKNOWN_ENTRY_TYPE, Code.UNDEFINED_STRING);

    private Twins() {}

    static List<Fix> mirror(Context c, Finding f, List<Fix> fixes) {
        if (!MIRRORED.contains(f.code()) || fixes.isEmpty()) {
            return fixes;
        }
        BibEntry e = Context.entryAt(c.doc, f.range().start());
        if (e == null) {
            return fixes;
        }
        List<Context.Located> twins = c.twins(c.doc, e);
        if (twins.isEmpty()) {
            return fixes;
        }
        List<Fix> out = new ArrayList<>();
        for (Fix fix : fixes) {
            if (!changesContent(c, e, fix)) {
                out.add(fix);
                continue;
            }
            Fix mirrored = withCopies(c, f, fix, twins);
            if (mirrored != null) {
                out.add(mirrored);
            }
        }
        return out;
    }

    private static Fix withCopies(Context c, Finding f, Fix fix, List<Context.Located> twins) {
        Map<String, List<Edit>> edits = new LinkedHashMap<>();
        fix.edits().forEach((p, l) -> edits.put(p, new ArrayList<>(l)));
        for (Context.Located t : twins) {
            Finding same = null;
            for (Finding g : c.documentFindings(t.doc())) {
                if (g.code() == f.code() && g.message().equals(f.message()) && t.entry().range().touches(g.range().start())) {
                    same = g;
                    break;
                }
            }
            if (same == null) {
                return null;
            }
            Context tc = new Context(t.doc(), c.workspace, c.config);
            Fix match = null;
            for (Fix x : QuickFixes.fixesOf(tc, same)) {
                if (x.title().equals(fix.title())) {
                    match = x;
                    break;
                }
            }
            if (match == null) {
                return null;
            }
            for (Map.Entry<String, List<Edit>> me : match.edits().entrySet()) {
                List<Edit> list = edits.computeIfAbsent(me.getKey(), k -> new ArrayList<>());
                for (Edit ed : me.getValue()) {
                    if (FixAll.conflicts(ed, list)) {
                        return null;
                    }
                    list.add(ed);
                }
            }
        }
        String title = fix.title() + " (and in " + twins.size() + " identical cop" + (twins.size() == 1 ? "y" : "ies")
                + ")";
        return new Fix(title, fix.code(), fix.finding(), edits, fix.preferred(), fix.safe(), null);
    }

    /** Whether applying the fix to its document changes what the entry's key stands for. */
    private static boolean changesContent(Context c, BibEntry e, Fix fix) {
        List<Edit> own = fix.editsFor(c.doc.path());
        if (own.isEmpty()) {
            return false;
        }
        Document after = Documents.parse(c.doc.path(), Edit.apply(c.text(), own), c.doc.markdown());
        return !contents(c, c.doc, e.key()).equals(contents(c, after, e.key()));
    }

    private static List<String> contents(Context c, Document d, String key) {
        List<String> out = new ArrayList<>();
        for (BibEntry x : d.entries()) {
            if (x.key().equalsIgnoreCase(key)) {
                out.add(new Context(d, List.of(), c.config).content(d, x));
            }
        }
        out.sort(null);
        return out;
    }

    /** Findings of a document's own checks (severities and suppressions applied). */
    static List<Finding> findings(Document d, Context c) {
        return Checker.runDocument(d, c.config, msg -> { });
    }
}
