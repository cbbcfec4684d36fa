package dev.bibmark.features;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folding ranges: Markdown sections (a heading up to the next heading of the same or a higher level), bibtex
 * fences, and entries (in a .bib file, or in a fence holding several).
 */
public final class Folding {
    private Folding() {}

    /** What folds. */
    public enum Kind { SECTION, BLOCK, ENTRY }

    /**
     * One fold. Its range ends on the last non-blank character, so {@code lines.line(range.end())} is the last
     * line to fold (LSP's endLine). Only ranges over two lines or more are returned.
     */
    public record Fold(TextRange range, Kind kind) {}

    public static List<Fold> of(Document doc) {
        List<Fold> out = new ArrayList<>();
        if (doc.markdown()) {
            for (Sections.Section s : Sections.of(doc).sections()) {
                add(doc, out, s.range(), Kind.SECTION);
            }
        }
        for (Block b : doc.blocks()) {
            List<BibEntry> entries = b.bib().entries();
            if (b.fence() != null) {
                add(doc, out, b.fence().range(), Kind.BLOCK);
            }
            if (b.fence() == null || entries.size() > 1) {
                for (BibEntry e : entries) {
                    add(doc, out, e.range(), Kind.ENTRY);
                }
            }
        }
        out.sort(Comparator.comparingInt((Fold f) -> f.range().start()).thenComparingInt(f -> -f.range().end()));
        return out;
    }

    private static void add(Document doc, List<Fold> out, TextRange r, Kind kind) {
        String text = doc.text();
        int end = Math.min(r.end(), text.length());
        while (end > r.start() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (doc.lines().line(end) > doc.lines().line(r.start())) {
            out.add(new Fold(new TextRange(r.start(), end), kind));
        }
    }
}
