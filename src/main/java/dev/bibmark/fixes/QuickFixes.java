package dev.bibmark.fixes;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.bibtex.StringDef;
import dev.bibmark.checks.EmptyFieldCheck;
import dev.bibmark.checks.Finding;
import dev.bibmark.checks.InvalidKeyCheck;
import dev.bibmark.checks.MissingFieldCheck;
import dev.bibmark.checks.UnknownEntryTypeCheck;
import dev.bibmark.config.Config;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.text.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quick-fixes of a finding, and the "Complete from paper link" action. Every fix is a set of precise edits
 * (never a whole-document replacement); applying one makes its finding go away without a new one, except that a
 * missing-field fix whose value is unknown leaves an empty placeholder ({@code field = {}}, an
 * {@code empty-field} warning until it is filled in), and so do the "empty value" variants of syntax fixes.
 */
public final class QuickFixes {
    private QuickFixes() {}

    /**
     * The fixes of one finding of {@code doc}, best first, ending with "Ignore here" (the suppression comment for
     * the finding's code above its block or entry).
     *
     * @param workspace every document of the workspace (for keys already taken and the first copy of a
     *                  duplicate); may or may not include {@code doc}
     */
    public static List<Fix> forFinding(Document doc, Finding f, List<Document> workspace, Config config) {
        return forFinding(new Context(doc, workspace, config), f);
    }

    static List<Fix> forFinding(Context c, Finding f) {
        List<Fix> out = new ArrayList<>();
        boolean preferred = false;
        for (Fix fix : Twins.mirror(c, f, fixesOf(c, f))) {
            if (f.code() != dev.bibmark.checks.Code.BIBTEX_SYNTAX && editsABrokenEntry(c, fix)) {
                // An entry with a syntax error is parsed by recovery: its ranges may not be where its text is (a
                // value that swallowed the next fields, a missing '}'), so an edit made from them can remove a
                // delimiter or a field. Its syntax is fixed first (found by QA round 3).
                continue;
            }
            // At most one preferred fix per finding (the first one marked so).
            out.add(fix.preferred() && preferred ? new Fix(fix.title(), fix.code(), fix.finding(), fix.edits(), false,
                    fix.safe(), fix.snippet()) : fix);
            preferred |= fix.preferred();
        }
        Fix ignore = IgnoreFix.forFinding(c, f);
        if (ignore != null) {
            out.add(ignore);
        }
        return out;
    }

    /** Whether one of the fix's edits touches an object of its document that holds a syntax error. */
    private static boolean editsABrokenEntry(Context c, Fix fix) {
        for (java.util.Map.Entry<String, List<Edit>> me : fix.edits().entrySet()) {
            Document d = me.getKey().equals(c.doc.path()) ? c.doc : null;
            for (Document w : c.workspace) {
                if (d == null && w.path().equals(me.getKey())) {
                    d = w;
                }
            }
            if (d == null) {
                continue;
            }
            for (dev.bibmark.text.TextRange r : Context.brokenRanges(d)) {
                for (Edit e : me.getValue()) {
                    if (r.start() <= e.range().end() && e.range().start() <= r.end()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The fixes of a finding for its entry alone (no "Ignore here", copies elsewhere not followed). */
    static List<Fix> fixesOf(Context c, Finding f) {
        return switch (f.code()) {
            case BIBTEX_SYNTAX -> SyntaxFixes.forFinding(c, f);
            case MISSING_FIELD -> MissingFields.forFinding(c, f);
            case DUPLICATE_FIELD -> DuplicateFixes.duplicateField(c, f);
            case DUPLICATE_KEY -> DuplicateFixes.duplicateKey(c, f);
            case DUPLICATE_ENTRY -> DuplicateFixes.duplicateEntry(c, f);
            case UNKNOWN_ENTRY_TYPE -> unknownType(c, f);
            case UNDEFINED_STRING -> undefinedString(c, f);
            case INVALID_KEY -> invalidKey(c, f);
            case EMPTY_FIELD -> emptyField(c, f);
            case UNDEFINED_CITATION -> undefinedCitation(c, f);
            case TITLE_MISMATCH, LINK_MISMATCH, MISSING_CITATION, INVALID_STATUS, KEY_CONVENTION, UNMARKED_BIBTEX ->
                    listFixes(c, f);
        };
    }

    /**
     * The list-aware checks' own fixes ({@code checks.Fixes}); the first one is preferred. None is safe for fix-all:
     * each rewrites a heading, a link or a key the user chose.
     */
    private static List<Fix> listFixes(Context c, Finding f) {
        List<Fix> out = new java.util.ArrayList<>();
        for (dev.bibmark.checks.Fix x : dev.bibmark.checks.Fixes.of(c.doc, f, c.config)) {
            out.add(new Fix(x.title(), f.code(), f, java.util.Map.of(c.doc.path(), x.edits()), out.isEmpty(), false, null));
        }
        return out;
    }

    /**
     * "Complete from paper link" for the entry at {@code offset} (or the block's first entry): from an arXiv link,
     * the absent ones of {@code eprint}, {@code archivePrefix}, {@code year} (from the id) and {@code url}; from a
     * DOI link, {@code doi}. Offline. Empty when there is no such link or nothing to add. The entry's identical
     * copies in {@code workspace} get the same fields.
     */
    public static List<Fix> completeFromLink(Document doc, int offset, List<Document> workspace, Config config) {
        return MissingFields.completeFromLink(new Context(doc, workspace, config), offset);
    }

    // ---- simple fixes -------------------------------------------------------------------------------------

    /**
     * Change to the suggested standard type, adding the fields it requires (empty ones to fill in when the section
     * does not know them); and, when that type needs fields the entry lacks, change to {@code @misc}, which needs
     * none.
     */
    private static List<Fix> unknownType(Context c, Finding f) {
        BibEntry e = entryByTypeRange(c.doc, f);
        if (e == null) {
            return List.of();
        }
        String suggested = UnknownEntryTypeCheck.suggest(e.typeLower());
        String written = sameCase(e.type(), suggested);
        Edit retype = new Edit(e.typeRange(), written);
        List<EntryEdits.NewField> add = MissingFields.missing(c, e, suggested);
        String title = "Change '@" + e.type() + "' to '@" + written + "'";
        // Safe for --fix only for a misspelling: a BibLaTeX type (@online) changed to @misc loses what it says.
        boolean typo = UnknownEntryTypeCheck.isTypo(e.typeLower());
        if (add.isEmpty()) {
            return List.of(Fix.of(title, f, c.doc.path(), List.of(retype), true, typo));
        }
        boolean complete = MissingFields.complete(add);
        EntryEdits.Insertion ins = EntryEdits.insertFields(c.text(), e, add);
        List<Fix> out = new ArrayList<>();
        out.add(Fix.of(title + " and " + MissingFields.describe(add, complete), f, c.doc.path(),
                List.of(retype, ins.plain()), complete, complete && typo));
        if (!suggested.equals("misc")) {
            out.add(Fix.of("Change '@" + e.type() + "' to '@" + sameCase(e.type(), "misc") + "'", f, c.doc.path(),
                    List.of(new Edit(e.typeRange(), sameCase(e.type(), "misc"))), !complete, false));
        }
        return out;
    }

    /**
     * "Change to 'k'" for each of the (at most three) keys of the workspace nearest to an undefined one, nearest
     * first: the usual cause is a typo. Not safe for fix-all, which would pick a paper for the user.
     */
    private static List<Fix> undefinedCitation(Context c, Finding f) {
        for (dev.bibmark.checks.UndefinedCitationCheck.Ref r : dev.bibmark.checks.UndefinedCitationCheck.refs(c.doc)) {
            if (!r.range().equals(f.range())) {
                continue;
            }
            List<Fix> out = new ArrayList<>();
            for (String k : dev.bibmark.checks.UndefinedCitationCheck.nearest(c.workspace, r.key(), 3)) {
                out.add(Fix.of("Change to '" + k + "'", f, c.doc.path(), List.of(new Edit(f.range(), k)), out.isEmpty(),
                        false));
            }
            return out;
        }
        return List.of();
    }

    private static List<Fix> undefinedString(Context c, Finding f) {
        for (Block b : c.doc.blocks()) {
            for (BibObject o : b.bib().objects()) {
                List<BibValue> values = new ArrayList<>();
                if (o instanceof StringDef s && s.value() != null) {
                    values.add(s.value());
                } else if (o instanceof BibEntry e) {
                    e.fields().stream().map(BibField::value).filter(v -> v != null).forEach(values::add);
                }
                for (BibValue v : values) {
                    for (BibValue.Part p : v.parts()) {
                        if (p instanceof BibValue.Macro m && m.range().equals(f.range())) {
                            // Defined somewhere (later in this file, or in another file BibTeX reads first, as
                            // IEEEabrv.bib): the name stands for that text, and bracing it would lose it (QA).
                            boolean definedElsewhere = definedAnywhere(c, m.text());
                            return List.of(Fix.of("Wrap '" + m.text() + "' in braces (literal text)", f, c.doc.path(),
                                    List.of(new Edit(m.range(), "{" + m.text() + "}")), !definedElsewhere, !definedElsewhere));
                        }
                    }
                }
            }
        }
        return List.of();
    }

    /** Whether a {@code @string} of that name is defined in the document or any workspace document. */
    private static boolean definedAnywhere(Context c, String name) {
        List<Document> docs = new ArrayList<>(c.workspace);
        docs.add(c.doc);
        for (Document d : docs) {
            for (Block b : d.blocks()) {
                for (BibObject o : b.bib().objects()) {
                    if (o instanceof StringDef sd && sd.name().equalsIgnoreCase(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<Fix> invalidKey(Context c, Finding f) {
        BibEntry e = entryByKeyRange(c.doc, f);
        if (e == null) {
            return List.of();
        }
        List<Fix> out = new ArrayList<>();
        String generated = c.newKey(c.doc, e);
        out.add(Fix.of("Replace the key with '" + generated + "'", f, c.doc.path(),
                List.of(new Edit(e.keyRange(), generated)), true, false));
        StringBuilder cleaned = new StringBuilder();
        for (char ch : e.key().toCharArray()) {
            if (InvalidKeyCheck.badChars(String.valueOf(ch)).isEmpty()) {
                cleaned.append(ch);
            }
        }
        String k = cleaned.toString();
        if (!k.isEmpty() && !c.taken.contains(k.toLowerCase(Locale.ROOT))) {
            out.add(Fix.of("Remove the invalid characters: '" + k + "'", f, c.doc.path(),
                    List.of(new Edit(e.keyRange(), k)), false, false));
        }
        return out;
    }

    /**
     * Remove the empty field; a required one is filled in instead when the section knows its value (removing it
     * would only trade this warning for {@code missing-field}).
     */
    private static List<Fix> emptyField(Context c, Finding f) {
        for (BibEntry e : c.doc.entries()) {
            for (int i = 0; i < e.fields().size(); i++) {
                BibField fd = e.fields().get(i);
                if (!fd.range().equals(f.range()) || fd.value() == null || !EmptyFieldCheck.isBlank(fd.value())) {
                    continue;
                }
                if (!isRequired(c, e, fd.nameLower())) {
                    return List.of(Fix.of("Remove the empty field '" + fd.name() + "'", f, c.doc.path(),
                            List.of(EntryEdits.removeField(c.text(), e, i)), true, true));
                }
                String value = MissingFields.valueFor(fd.nameLower(), e, c.macros(c.doc),
                        MissingFields.Facts.of(c.doc, e, c.macros(c.doc)));
                if (value == null || value.isBlank()) {
                    return List.of();
                }
                return List.of(Fix.of("Fill in " + fd.name() + " = {" + value + "}", f, c.doc.path(),
                        List.of(new Edit(fd.value().range(), "{" + value + "}")), true, true));
            }
        }
        return List.of();
    }

    // ---- shared helpers -----------------------------------------------------------------------------------

    /**
     * Whether a field name is in one of the entry's required groups; an unknown type counts with the type it
     * would be changed to, so fix-all never removes what that change then needs.
     */
    static boolean isRequired(Context c, BibEntry e, String nameLower) {
        List<List<String>> groups = new ArrayList<>(MissingFieldCheck.required(e.typeLower(), c.config));
        if (!UnknownEntryTypeCheck.STANDARD.contains(e.typeLower())) {
            groups.addAll(MissingFieldCheck.required(UnknownEntryTypeCheck.suggest(e.typeLower()), c.config));
        }
        return groups.stream().anyMatch(g -> g.contains(nameLower));
    }

    static BibEntry entryByKeyRange(Document d, Finding f) {
        for (BibEntry e : d.entries()) {
            if (e.keyRange().equals(f.range()) || e.key().isEmpty() && e.typeRange().equals(f.range())) {
                return e;
            }
        }
        return null;
    }

    static BibEntry entryByTypeRange(Document d, Finding f) {
        for (BibEntry e : d.entries()) {
            if (e.typeRange().equals(f.range())) {
                return e;
            }
        }
        return null;
    }

    /** {@code target} written in the case style of {@code model}: all upper, capitalised, or lower. */
    static String sameCase(String model, String target) {
        if (model.length() > 1 && model.equals(model.toUpperCase(Locale.ROOT))) {
            return target.toUpperCase(Locale.ROOT);
        }
        if (!model.isEmpty() && Character.isUpperCase(model.charAt(0))) {
            return Character.toUpperCase(target.charAt(0)) + target.substring(1);
        }
        return target;
    }
}
