package dev.bibmark.bibtex;

import java.util.List;

/**
 * The result of parsing one piece of BibTeX (a .bib file or one fenced block). Never null parts;
 * parsing never throws: problems are {@link SyntaxError}s. All ranges are document offsets.
 */
public record BibFile(List<BibObject> objects, List<SyntaxError> errors) {
    public List<BibEntry> entries() {
        return objects.stream().filter(BibEntry.class::isInstance).map(BibEntry.class::cast).toList();
    }

    public List<StringDef> strings() {
        return objects.stream().filter(StringDef.class::isInstance).map(StringDef.class::cast).toList();
    }
}
