package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.bibtex.Months;
import dev.bibmark.bibtex.StringDef;
import dev.bibmark.config.Config;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code undefined-string}: a bare word that is neither a month nor an {@code @string} defined
 * earlier in the same document (BibTeX reads top to bottom, so a later definition does not count).
 */
public final class UndefinedStringCheck implements DocumentCheck {
    @Override
    public Code code() {
        return Code.UNDEFINED_STRING;
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<Finding> out = new ArrayList<>();
        Set<String> defined = new HashSet<>(CheckSupport.definedBefore(doc));
        for (Block b : doc.blocks()) {
            check(doc, b, defined, out);
        }
        return out;
    }

    /** One block (its own method, so that it is compiled early: see {@link DuplicateFieldCheck}). */
    private void check(Document doc, Block b, Set<String> defined, List<Finding> out) {
        List<BibObject> objects = b.bib().objects();
        // Indexed loops: the command line's quick compiler keeps every iterator (per block, entry and value).
        for (int i = 0; i < objects.size(); i++) {
            BibObject o = objects.get(i);
            if (o instanceof StringDef s) {
                checkValue(doc, s.value(), defined, out);
                defined.add(s.name().toLowerCase(Locale.ROOT));
            } else if (o instanceof BibEntry e) {
                List<BibField> fields = e.fields();
                for (int k = 0; k < fields.size(); k++) {
                    checkValue(doc, fields.get(k).value(), defined, out);
                }
            }
        }
    }

    private void checkValue(Document doc, BibValue v, Set<String> defined, List<Finding> out) {
        if (v == null || !v.hasMacro()) {
            return;
        }
        for (BibValue.Part p : v.parts()) {
            if (p instanceof BibValue.Macro m && !Months.isMonth(m.text())
                    && !defined.contains(m.text().toLowerCase(Locale.ROOT))) {
                out.add(CheckSupport.finding(doc, code(), m.range(),
                        "String '" + m.text() + "' is not defined (before this use); BibTeX will use an empty value"));
            }
        }
    }
}
