package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.util.Keys;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code invalid-key}: a key with characters BibTeX or LaTeX cannot handle. A missing key is a
 * syntax error already, so it is not reported here.
 */
public final class InvalidKeyCheck implements DocumentCheck {
    @Override
    public Code code() {
        return Code.INVALID_KEY;
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<Finding> out = new ArrayList<>();
        for (BibEntry e : doc.entries()) {
            String bad = badChars(e.key());
            if (!bad.isEmpty()) {
                out.add(CheckSupport.finding(doc, code(), e.keyRange(),
                        "Key '" + e.key() + "' contains invalid character(s): " + bad));
            }
        }
        return out;
    }

    /** The invalid characters of a key, listed for a message; "" when the key is valid. */
    public static String badChars(String key) {
        return Keys.invalidChars(key);
    }
}
