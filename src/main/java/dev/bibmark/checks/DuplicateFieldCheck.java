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
            Map<String, BibField> first = new HashMap<>();
            for (BibField f : e.fields()) {
                BibField prev = first.putIfAbsent(f.nameLower(), f);
                if (prev != null) {
                    out.add(CheckSupport.finding(doc, code(), f.nameRange(),
                            "Field '" + f.name() + "' appears twice; BibTeX keeps the first, jbibtex the last",
                            List.of(new Finding.Related(doc.path(), prev.nameRange(), "first defined here"))));
                }
            }
        }
        return out;
    }
}
