package dev.bibmark.fixes;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.checks.EmptyFieldCheck;
import dev.bibmark.checks.Finding;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Fixes for {@code duplicate-field}, {@code duplicate-key} and {@code duplicate-entry}. */
final class DuplicateFixes {
    private DuplicateFixes() {}

    /**
     * Remove the later copy (what BibTeX ignores anyway; safe when it adds nothing: blank or the same value), or
     * keep the later value instead (safe when the first copy is blank).
     */
    static List<Fix> duplicateField(Context c, Finding f) {
        String t = c.text();
        for (BibEntry e : c.doc.entries()) {
            for (int i = 0; i < e.fields().size(); i++) {
                BibField later = e.fields().get(i);
                if (!later.nameRange().equals(f.range())) {
                    continue;
                }
                BibField first = e.field(later.name()).orElse(later);
                if (first == later) {
                    return List.of();
                }
                List<Fix> out = new ArrayList<>();
                Edit removeLater = EntryEdits.removeField(t, e, i);
                boolean laterAddsNothing = later.value() == null || EmptyFieldCheck.isBlank(later.value())
                        || first.value() != null && normalized(c, first).equals(normalized(c, later));
                out.add(Fix.of("Remove the later '" + later.name() + "' (BibTeX uses the first)", f, c.doc.path(),
                        List.of(removeLater), true, laterAddsNothing));
                if (first.value() != null && later.value() != null && !laterAddsNothing) {
                    Edit replace = new Edit(first.value().range(), EntryEdits.valueSource(t, later));
                    if (!overlap(replace.range(), removeLater.range())) {
                        out.add(Fix.of("Keep the later value of '" + later.name() + "'", f, c.doc.path(),
                                List.of(replace, removeLater), false, EmptyFieldCheck.isBlank(first.value())));
                    }
                }
                return out;
            }
        }
        return List.of();
    }

    /** Give this entry a free generated key (citations of the old key are left alone: they are ambiguous). */
    static List<Fix> duplicateKey(Context c, Finding f) {
        BibEntry e = QuickFixes.entryByKeyRange(c.doc, f);
        if (e == null) {
            return List.of();
        }
        String key = c.newKey(c.doc, e);
        return List.of(Fix.of("Rename this entry's key to '" + key + "'", f, c.doc.path(),
                List.of(new Edit(e.keyRange(), key)), true, false));
    }

    /**
     * Remove this copy (section, block or entry: see {@link EntryEdits#removeEntry}), or merge the fields the first
     * copy lacks into it and then remove this copy. Never safe: both delete a paper's text.
     */
    static List<Fix> duplicateEntry(Context c, Finding f) {
        BibEntry e = QuickFixes.entryByKeyRange(c.doc, f);
        if (e == null) {
            return List.of();
        }
        Document firstDoc = null;
        BibEntry first = null;
        if (!f.related().isEmpty()) {
            Finding.Related r = f.related().get(0);
            firstDoc = c.document(r.path());
            if (firstDoc != null) {
                for (BibEntry o : firstDoc.entries()) {
                    if (o.keyRange().equals(r.range())) {
                        first = o;
                        break;
                    }
                }
            }
        }
        boolean sameKey = first != null && first.key().equalsIgnoreCase(e.key());
        EntryEdits.Removal removal = EntryEdits.removeEntry(c.doc, e);
        String what = switch (removal.extent()) {
            case SECTION -> "the whole section";
            case BLOCK -> "the block";
            case ENTRY -> "the entry";
        };
        List<Fix> out = new ArrayList<>();
        out.add(Fix.of("Remove this copy (" + what + ")", f, c.doc.path(), List.of(removal.edit()), sameKey, false));
        if (first == null) {
            return out;
        }
        String t = c.text();
        Set<String> present = new HashSet<>();
        for (BibField fd : first.fields()) {
            present.add(fd.nameLower());
        }
        List<EntryEdits.NewField> extra = new ArrayList<>();
        for (BibField fd : e.fields()) {
            if (fd.value() != null && !EmptyFieldCheck.isBlank(fd.value()) && present.add(fd.nameLower())) {
                extra.add(new EntryEdits.NewField(fd.name(), EntryEdits.valueSource(t, fd), true));
            }
        }
        if (extra.isEmpty()) {
            return out;
        }
        // The first copy and its identical copies elsewhere all get the fields, so they stay one entry.
        List<Context.Located> targets = new ArrayList<>();
        targets.add(new Context.Located(firstDoc, first));
        targets.addAll(c.twins(firstDoc, first));
        Map<String, List<Edit>> edits = new LinkedHashMap<>();
        edits.computeIfAbsent(c.doc.path(), k -> new ArrayList<>()).add(removal.edit());
        for (Context.Located target : targets) {
            if (target.doc().path().equals(c.doc.path()) && target.entry().range().equals(e.range())) {
                continue;
            }
            Edit ins = EntryEdits.insertFields(target.doc().text(), target.entry(), extra).plain();
            List<Edit> list = edits.computeIfAbsent(target.doc().path(), k -> new ArrayList<>());
            if (FixAll.conflicts(ins, list)) {
                return out;
            }
            list.add(ins);
        }
        String names = String.join(", ", extra.stream().map(x -> x.name().toLowerCase(Locale.ROOT)).toList());
        String copies = targets.size() > 1 ? " (and its " + (targets.size() - 1) + " identical cop"
                + (targets.size() == 2 ? "y" : "ies") + ")" : "";
        out.add(new Fix("Merge " + names + " into '" + first.key() + "'" + copies + " and remove this copy (" + what + ")",
                f.code(), f, edits, false, false, null));
        return out;
    }

    /** The value as BibTeX sees it, blanks collapsed (as duplicate-key compares entries). */
    private static String normalized(Context c, BibField f) {
        return dev.bibmark.util.Strings.collapseWhitespace(f.value().resolve(c.macros(c.doc)));
    }

    private static boolean overlap(TextRange a, TextRange b) {
        return a.start() < b.end() && b.start() < a.end()
                || a.length() == 0 && b.contains(a.start()) && a.start() != b.start()
                || b.length() == 0 && a.contains(b.start()) && b.start() != a.start();
    }
}
