package dev.bibmark.model;

import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.bibtex.BibParser;
import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.markdown.EmbeddedText;
import dev.bibmark.markdown.MarkdownIndex;
import dev.bibmark.text.LineIndex;
import dev.bibmark.text.Sorted;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A .bib file's blocks, one per top-level object (see {@link Document#blocks}), and its incremental re-parse: an
 * edit re-parses from the object it starts in to the first object after it where the parse of the new text meets the
 * old one again; the objects before are kept, those after only move. The result equals {@link Documents#parse} of
 * the new text (property tests compare them over random edits); when the rules below cannot promise that, the
 * caller parses the whole text.
 *
 * <p>Why it is exact: the parser reads a file object by object, and nothing it does before a line-start object
 * ({@code @name{} first on its line) looks past that object's head (every construct stops there; the parser's
 * parallel parts rely on the same rule). So the parse of the text before such an object, whose head lies before the
 * edit, is unchanged, and the new parse reaches it at the top level. After the edit, once the new parse is about to
 * read an object at a place where the old parse read one too, with the same text from there on, it goes on exactly
 * as the old one did, only moved; its errors stay before that place.
 *
 * <p>Errors go to blocks by position (see {@link #split}), so the rules also check that none the new parse made
 * would belong to a kept block.
 */
final class BibBlocks {
    private BibBlocks() {}

    /** How many objects back from the edit a line-start object is looked for before the whole text is parsed. */
    private static final int MAX_BACK = 64;

    /**
     * One block per object; each error in the block of the last object that starts before it (the first block when
     * none does). An error found at the '@' of the next object ("expected a value but found '@'") is the one before's.
     */
    static List<Block> split(BibFile bib) {
        List<BibObject> objects = bib.objects();
        if (objects.size() <= 1) {
            return List.of(new Block(null, bib, null));
        }
        int m = objects.size();
        List<List<SyntaxError>> errors = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            errors.add(null);
        }
        for (SyntaxError e : bib.errors()) {
            int k = objectAtOrBefore(objects, e.range().start() - 1);
            List<SyntaxError> list = errors.get(k);
            if (list == null) {
                list = new ArrayList<>(2);
                errors.set(k, list);
            }
            list.add(e);
        }
        List<Block> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            List<SyntaxError> es = errors.get(i);
            out.add(new Block(null, new BibFile(List.of(objects.get(i)), es == null ? List.of() : es), null));
        }
        return List.copyOf(out);
    }

    /** The index of the last object starting at or before {@code offset}; 0 when none does. */
    private static int objectAtOrBefore(List<BibObject> objects, int offset) {
        return Math.max(0, Sorted.firstAtOrAfter(objects, offset + 1, BibObject::range) - 1);
    }

    /** Where a block's object starts, as a range for {@link Sorted} (blocks are in document order). */
    private static TextRange at(Block b) {
        int s = Math.max(0, b.objectStart()); // a block without objects is only ever alone
        return new TextRange(s, s);
    }

    /**
     * Whether a block's object is an {@code @include}: the one object that reports an error at its own '@', which
     * goes to the block before (see {@link #split}); so the re-parse neither starts nor stops at one.
     */
    private static boolean isInclude(Block b) {
        List<BibObject> objects = b.origin().objects();
        return !objects.isEmpty() && objects.get(0) instanceof dev.bibmark.bibtex.Include;
    }

    /** The index of the block whose object starts exactly at {@code offset}, or -1. */
    private static int blockStartingAt(List<Block> blocks, int offset) {
        int i = Sorted.firstAtOrAfter(blocks, offset, BibBlocks::at);
        return i < blocks.size() && blocks.get(i).objectStart() == offset ? i : -1;
    }

    /**
     * The .bib document after replacing the old text's {@code [start, end)} with {@code replacement} (giving
     * {@code newText}), re-parsing only what the edit can change; empty when the whole text must be parsed.
     */
    static Optional<Document> tryEdit(Document old, int start, int end, String replacement, String newText) {
        if (old.markdown()) {
            return Optional.empty();
        }
        List<Block> blocks = old.blocks();
        if (blocks.isEmpty() || blocks.get(0).objectStart() < 0) {
            return Optional.empty(); // a file without objects: nothing to keep
        }
        // The block the edit starts in, then back to a line-start object whose head lies before the edit.
        int a = Sorted.firstAtOrAfter(blocks, start + 1, BibBlocks::at) - 1;
        int r = 0;
        int from = 0;
        for (int i = a, back = 0; i >= 0; i--, back++) {
            if (back > MAX_BACK) {
                return Optional.empty();
            }
            int at = blocks.get(i).objectStart();
            int head = BibParser.lineStartHeadEnd(old.text(), at);
            if (head > 0 && head <= start && !isInclude(blocks.get(i))) {
                // The first block also holds the errors of any text before its object: read from the start then.
                r = i;
                from = i == 0 ? 0 : at;
                break;
            }
        }
        int delta = replacement.length() - (end - start);
        int newEditEnd = start + replacement.length();
        final int kept = r; // blocks before it are kept (the rule below needs it final)
        // The errors seen so far are looked at once each (the rule is asked at every '@' the parse meets).
        int[] checked = {0};
        int[] maxErrorStart = {Integer.MIN_VALUE};
        BibParser.StopRule stop = (at, errors) -> {
            for (; checked[0] < errors.size(); checked[0]++) {
                maxErrorStart[0] = Math.max(maxErrorStart[0], errors.get(checked[0]).range().start());
            }
            // An error at the '@' itself is the last object's (see split); one after it would be the next block's.
            if (at <= newEditEnd || maxErrorStart[0] > at) {
                return false;
            }
            int j = blockStartingAt(blocks, at - delta);
            return j > kept && !isInclude(blocks.get(j));
        };
        Optional<BibParser.Partial> parsed = BibParser.parseFrom(EmbeddedText.identity(newText), from, stop);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        BibParser.Partial p = parsed.get();
        if (from > 0) {
            // The object at `from` must be read again (its head did not change), and no error reported at or before
            // it (that would be the block before's).
            if (p.objects().isEmpty() || p.objects().get(0).range().start() != from) {
                return Optional.empty();
            }
            for (SyntaxError e : p.errors()) {
                if (e.range().start() <= from) {
                    return Optional.empty();
                }
            }
        }
        int j = p.stoppedAt() < 0 ? blocks.size() : blockStartingAt(blocks, p.stoppedAt() - delta);
        if (j < 0) {
            return Optional.empty();
        }
        List<Block> region = split(new BibFile(p.objects(), p.errors()));
        List<Block> out = new ArrayList<>(r + region.size() + blocks.size() - j);
        out.addAll(blocks.subList(0, r));
        if (!(p.objects().isEmpty() && (r > 0 || j < blocks.size()))) {
            out.addAll(region);
        } else if (!p.errors().isEmpty()) {
            return Optional.empty(); // errors without an object of their own would belong to a neighbour's block
        }
        for (int i = j; i < blocks.size(); i++) {
            out.add(blocks.get(i).moved(null, null, delta));
        }
        Document doc = new Document(old.path(), newText,
                LineIndex.edited(old.lines(), old.text(), start, end, replacement, newText), false, MarkdownIndex.EMPTY,
                List.copyOf(out));
        if (j == r + 1 && p.objects().size() == 1) {
            EditInfo info = new EditInfo(r, start, end, delta);
            doc.derived(EditInfo.class, d -> info);
        }
        return Optional.of(doc);
    }
}
