package dev.bibmark.checks;

import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.config.Config;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.List;

/** {@code bibtex-syntax}: reports every parser error of every block. */
public final class SyntaxCheck implements DocumentCheck {
    @Override
    public Code code() {
        return Code.BIBTEX_SYNTAX;
    }

    @Override
    public List<Finding> check(Document doc, Config config) {
        List<Finding> out = new ArrayList<>();
        for (Block b : doc.blocks()) {
            for (SyntaxError e : b.bib().errors()) {
                out.add(CheckSupport.finding(doc, code(), e.range(), e.message()));
            }
        }
        return out;
    }
}
