package dev.bibmark.fixes;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Code;
import dev.bibmark.checks.Finding;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
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
            Code.DUPLICATE_FIELD, Code.UNKNOWN_ENTRY_TYPE, Code.UNDEFINED_STRING, Code.TITLE_MISMATCH,
            Code.LINK_MISMATCH);

    private Twins() {}

    static List<Fix> mirror(Context c, Finding f, List<Fix> fixes) {
        if (!MIRRORED.contains(f.code()) || fixes.isEmpty()) {
            return fixes;
        }
        BibEntry at = Context.entryAt(c.doc, f.range().start());
        List<Fix> out = new ArrayList<>();
        for (Fix fix : fixes) {
            // A list-aware finding sits on the heading or the link; its fix then edits the section's entry.
            BibEntry e = at != null ? at : editedEntry(c, fix);
            List<Context.Located> twins = e == null ? List.of() : c.twins(c.doc, e);
            if (twins.isEmpty() || !changesContent(c, e, fix)) {
                out.add(fix);
                continue;
            }
            Fix mirrored = withCopies(c, e, f, fix, twins);
            if (mirrored != null) {
                out.add(mirrored);
            }
        }
        return out;
    }

    /** The entry of the fix's document that holds the fix's first edit there, or null. */
    private static BibEntry editedEntry(Context c, Fix fix) {
        List<Edit> own = fix.editsFor(c.doc.path());
        return own.isEmpty() ? null : Context.entryAt(c.doc, own.get(0).range().start());
    }

    /**
     * An entry's fixes that answer no finding (such as "Complete from paper link"), each changing the entry's copies
     * alike; a fix that cannot be made to a copy is left out.
     */
    static List<Fix> mirrorAction(Context c, BibEntry e, List<Fix> fixes) {
        List<Context.Located> twins = fixes.isEmpty() ? List.of() : c.twins(c.doc, e);
        if (twins.isEmpty()) {
            return fixes;
        }
        List<Fix> out = new ArrayList<>();
        for (Fix fix : fixes) {
            Fix mirrored = changesContent(c, e, fix) ? withCopies(c, e, null, fix, twins) : fix;
            if (mirrored != null) {
                out.add(mirrored);
            }
        }
        return out;
    }

    /**
     * The fix with the same change made to every copy: moved over when the copy is written exactly like the entry
     * (the usual pasted copy), else the copy's own fix for its own finding of the same message. Null when a copy
     * has neither: changing the entry alone would turn the copies into a key clash.
     */
    private static Fix withCopies(Context c, BibEntry e, Finding f, Fix fix, List<Context.Located> twins) {
        Map<String, List<Edit>> edits = new LinkedHashMap<>();
        fix.edits().forEach((p, l) -> edits.put(p, new ArrayList<>(l)));
        for (Context.Located t : twins) {
            List<Edit> moved = moved(c, e, fix, t);
            if (moved != null) {
                List<Edit> list = edits.computeIfAbsent(t.doc().path(), k -> new ArrayList<>());
                for (Edit ed : moved) {
                    if (FixAll.conflicts(ed, list)) {
                        return null;
                    }
                    list.add(ed);
                }
                continue;
            }
            if (f == null) {
                return null;
            }
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

    /**
     * The fix's edits moved onto copy {@code t}, when they all lie inside the entry and the copy's text is the
     * entry's text character for character; else null.
     */
    private static List<Edit> moved(Context c, BibEntry e, Fix fix, Context.Located t) {
        if (fix.edits().size() != 1) {
            return null;
        }
        List<Edit> own = fix.editsFor(c.doc.path());
        TextRange r = e.range();
        TextRange tr = t.entry().range();
        if (own.isEmpty() || tr.end() > t.doc().text().length() || r.end() > c.text().length()
                || !c.text().substring(r.start(), r.end()).equals(t.doc().text().substring(tr.start(), tr.end()))) {
            return null;
        }
        int delta = tr.start() - r.start();
        List<Edit> out = new ArrayList<>();
        for (Edit ed : own) {
            if (ed.range().start() < r.start() || ed.range().end() > r.end()) {
                return null;
            }
            out.add(new Edit(new TextRange(ed.range().start() + delta, ed.range().end() + delta), ed.newText()));
        }
        return out;
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
