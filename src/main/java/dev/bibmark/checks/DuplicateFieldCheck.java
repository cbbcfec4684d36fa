package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code duplicate-field}: the same field name twice in one entry (case-insensitive). */
public final class DuplicateFieldCheck implements DocumentCheck {
    @Override
    public Code code() {
        return Code.DUPLICATE_FIELD;
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<Finding> out = new ArrayList<>();
        for (BibEntry e : doc.entries()) {
            check(doc, e, out);
        }
        return out;
    }

    /**
     * One entry (a method of its own, like the loop bodies of the other checks: called once per entry, it is
     * compiled after a few hundred entries, where a loop body inside a method called once waits for on-stack
     * replacement). A few fields are compared pairwise, many through a map.
     */
    private void check(Document doc, BibEntry e, List<Finding> out) {
        List<BibField> fields = e.fields();
        Map<String, BibField> first = fields.size() > 16 ? new HashMap<>() : null;
        for (int i = 0; i < fields.size(); i++) {
            BibField f = fields.get(i);
            BibField prev = null;
            if (first != null) {
                prev = first.putIfAbsent(f.nameLower(), f);
            } else {
                for (int j = 0; j < i && prev == null; j++) {
                    if (fields.get(j).nameLower().equals(f.nameLower())) {
                        prev = fields.get(j);
                    }
                }
            }
            if (prev != null) {
                out.add(CheckSupport.finding(doc, code(), f.nameRange(),
                        "Field '" + f.name() + "' appears twice; BibTeX keeps the first, jbibtex the last",
                        List.of(new Finding.Related(doc.path(), prev.nameRange(), "first defined here"))));
            }
        }
    }
}
