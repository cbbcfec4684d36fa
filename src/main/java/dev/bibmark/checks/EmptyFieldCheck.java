package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.List;

/** {@code empty-field}: a field whose value is blank ({@code {}}, {@code "  "}, {@code {{}}}). */
public final class EmptyFieldCheck implements DocumentCheck {
    @Override
    public Code code() {
        return Code.EMPTY_FIELD;
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<Finding> out = new ArrayList<>();
        for (BibEntry e : doc.entries()) {
            check(doc, e, out);
        }
        return out;
    }

    /** One entry (its own method, so that it is compiled early: see {@link DuplicateFieldCheck}). */
    private void check(Document doc, BibEntry e, List<Finding> out) {
        List<BibField> fields = e.fields();
        for (int i = 0; i < fields.size(); i++) {
            BibField f = fields.get(i);
            if (f.value() != null && isBlank(f.value())) {
                out.add(CheckSupport.finding(doc, code(), f.range(), "Field '" + f.name() + "' is empty"));
            }
        }
    }

    /** Whether a value has no text (only blanks and braces); macros and numbers never are. */
    public static boolean isBlank(BibValue v) {
        List<BibValue.Part> parts = v.parts();
        for (int k = 0; k < parts.size(); k++) {
            BibValue.Part p = parts.get(k);
            // A macro or a number always contributes text (an undefined macro is reported elsewhere).
            if (p instanceof BibValue.Macro || p instanceof BibValue.Number) {
                return false;
            }
            String t = p.text();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c != '{' && c != '}' && !Character.isWhitespace(c)) {
                    return false;
                }
            }
        }
        return true;
    }
}
