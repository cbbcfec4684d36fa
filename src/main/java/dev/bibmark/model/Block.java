package dev.bibmark.model;

import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.markdown.Fence;
import java.util.List;
import java.util.Objects;

/**
 * A piece of BibTeX of a document: a fenced block of a Markdown file, or a whole .bib file.
 *
 * <p>After an edit, the blocks below it only move. A moved block keeps the parse result it was made from (its
 * {@link #origin}) and the distance it moved; its {@link #bib} is translated only when something asks for it,
 * so a keystroke in a 10,000-paper list does not rebuild the syntax trees of the papers below the cursor. Data
 * that does not depend on positions (entry identities, fingerprints) is memoized on the origin and shared by
 * every moved copy.
 */
public final class Block {
    private final Fence fence;
    private final Paper paper;
    private final BibFile origin;
    private final int delta;
    private volatile BibFile bib;

    /**
     * @param fence null for a .bib file
     * @param bib the block's parse result, in document offsets
     * @param paper the section around the block, null when there is no heading above it (or .bib)
     */
    public Block(Fence fence, BibFile bib, Paper paper) {
        this(fence, Objects.requireNonNull(bib), 0, paper);
    }

    private Block(Fence fence, BibFile origin, int delta, Paper paper) {
        this.fence = fence;
        this.paper = paper;
        this.origin = origin;
        this.delta = delta;
        this.bib = delta == 0 ? origin : null;
    }

    public Fence fence() {
        return fence;
    }

    public Paper paper() {
        return paper;
    }

    /** The block's BibTeX, in document offsets (translated from the origin on first use after a move). */
    public BibFile bib() {
        BibFile b = bib;
        if (b == null) {
            b = Reparse.translate(origin, delta);
            bib = b;
        }
        return b;
    }

    /** This block moved by {@code by} characters, with its moved fence and paper; nothing is translated yet. */
    Block moved(Fence movedFence, Paper movedPaper, int by) {
        return new Block(movedFence, origin, delta + by, movedPaper);
    }

    /**
     * The parse result this block's BibTeX comes from, shared by all its moved copies: its ranges are off by
     * {@link #originDelta}. For memos of position-free data, keyed by identity.
     */
    public BibFile origin() {
        return origin;
    }

    /** What to add to the origin's offsets to get this block's. */
    public int originDelta() {
        return delta;
    }

    /**
     * Where the block's first object starts, without translating a moved block; -1 when it has none. In a .bib file
     * (one object per block) this is where the block's object starts.
     */
    public int objectStart() {
        List<BibObject> objects = origin.objects();
        return objects.isEmpty() ? -1 : objects.get(0).range().start() + delta;
    }

    /** Whether the block defines {@code @string}s (without translating it). */
    public boolean hasStrings() {
        return !origin.strings().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Block b && Objects.equals(b.fence, fence) && Objects.equals(b.paper, paper)
                && b.bib().equals(bib());
    }

    @Override
    public int hashCode() {
        return Objects.hash(fence, paper, bib());
    }

    @Override
    public String toString() {
        return "Block[fence=" + fence + ", bib=" + bib() + ", paper=" + paper + "]";
    }
}
