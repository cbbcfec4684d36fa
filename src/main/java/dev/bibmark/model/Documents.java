package dev.bibmark.model;

import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibParser;
import dev.bibmark.markdown.EmbeddedText;
import dev.bibmark.markdown.Fence;
import dev.bibmark.markdown.Heading;
import dev.bibmark.markdown.Link;
import dev.bibmark.markdown.MarkdownIndex;
import dev.bibmark.markdown.MarkdownReader;
import dev.bibmark.text.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds {@link Document} snapshots from text: the one entry point of the parsing pipeline. */
public final class Documents {
    private Documents() {}

    /** Parses a document; the kind follows the path's extension. Never throws. */
    /** From this many fences on, {@link #parse} parses them in parallel. */
    static final int PARALLEL_FENCES = 512;

    public static Document parse(String path, String text) {
        return parse(path, text, Document.isMarkdownPath(path));
    }

    public static Document parse(String path, String text, boolean markdown) {
        return parse(path, text, markdown, LineIndex.of(text));
    }

    /**
     * A text as a client sent it (didOpen, a whole-text didChange): the same, except that a leading byte order mark
     * is a character of line 0, since the client counts it in its positions ({@link LineIndex#ofSentText}). Edits of
     * the snapshot keep that.
     */
    public static Document parseSentText(String path, String text, boolean markdown) {
        return parse(path, text, markdown, LineIndex.ofSentText(text));
    }

    private static Document parse(String path, String text, boolean markdown, LineIndex lines) {
        if (!markdown) {
            BibFile bib = BibParser.parse(EmbeddedText.identity(text));
            return new Document(path, text, lines, false, MarkdownIndex.EMPTY, BibBlocks.split(bib));
        }
        MarkdownIndex md = MarkdownReader.read(text, lines);
        List<Fence> fences = md.fences();
        // The blocks are independent: a long list parses them on every core (order is kept).
        List<Block> blocks = (fences.size() >= PARALLEL_FENCES ? fences.parallelStream() : fences.stream())
                .map(f -> new Block(f, BibParser.parse(f.content()), paperAt(md, f.range().start())))
                .toList();
        return new Document(path, text, lines, true, md, blocks);
    }

    /**
     * A snapshot that keeps the text but parses nothing, for a text too large to check: no blocks in Markdown,
     * one empty block in a .bib file. Features see an empty document; positions still work.
     */
    public static Document unparsed(String path, String text, boolean markdown) {
        return unparsed(path, text, markdown, LineIndex.of(text));
    }

    /** {@link #unparsed} of a text as a client sent it (see {@link #parseSentText}). */
    public static Document unparsedSentText(String path, String text, boolean markdown) {
        return unparsed(path, text, markdown, LineIndex.ofSentText(text));
    }

    private static Document unparsed(String path, String text, boolean markdown, LineIndex lines) {
        List<Block> blocks = markdown ? List.of() : List.of(new Block(null, new BibFile(List.of(), List.of()), null));
        return new Document(path, text, lines, markdown, MarkdownIndex.EMPTY, blocks);
    }

    /**
     * A bibliography that is not BibTeX (CSL JSON or YAML, named by a list's front matter): only its citation keys
     * are known ({@link #listedKeys}); it has no entries, so no check finds anything in it or about it but
     * {@code undefined-citation}, which counts its keys as defined.
     */
    public static Document keyList(String path, String text, List<String> keys) {
        Document d = unparsed(path, text, false);
        List<String> copy = List.copyOf(keys);
        d.derived(LISTED_KEYS, x -> copy);
        return d;
    }

    /** The keys of a {@link #keyList} document; empty for every other. */
    public static List<String> listedKeys(Document d) {
        return d.<List<String>>memoized(LISTED_KEYS).orElse(List.of());
    }

    private static final Object LISTED_KEYS = new Object();

    /**
     * The document after replacing {@code [start, end)} of {@code old}'s text: re-parses only the edited block when
     * the edit cannot change the Markdown structure (in a .bib file: the objects it can change), else the whole
     * text. Equal to {@code parse} of the new text.
     */
    public static Document edit(Document old, int start, int end, String replacement) {
        String text = old.text();
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        // One copy of a long text, not three (the two substrings and their concatenation).
        String newText = new StringBuilder(text.length() - (e - s) + replacement.length())
                .append(text, 0, s).append(replacement).append(text, e, text.length()).toString();
        try {
            java.util.Optional<Document> fast = old.markdown() ? Reparse.tryEdit(old, s, e, replacement, newText)
                    : BibBlocks.tryEdit(old, s, e, replacement, newText);
            if (fast.isPresent()) {
                return fast.get();
            }
        } catch (RuntimeException ex) {
            // fall through to the full parse, which never throws
        }
        // Parsed whole, indexed the way the snapshot was (a text a client sent stays one).
        return parse(old.path(), newText, old.markdown(), old.lines().sameKind(newText));
    }

    /** How {@code doc} was made from the snapshot before it, when only one block was re-parsed. */
    public static Optional<EditInfo> lastEdit(Document doc) {
        return doc.memoized(EditInfo.class);
    }

    /** The section around an offset: the nearest heading above it and the links up to the next heading. */
    static Paper paperAt(MarkdownIndex md, int offset) {
        List<Heading> hs = md.headings();
        // The last heading starting at or before the offset.
        int found = dev.bibmark.text.Sorted.firstAtOrAfter(hs, offset + 1, Heading::range) - 1;
        if (found < 0) {
            return null;
        }
        Heading h = hs.get(found);
        int end = found + 1 < hs.size() ? hs.get(found + 1).range().start() : Integer.MAX_VALUE;
        // Links are in document order: find the section's first by binary search (a scan per block made parsing a
        // 10,000-paper list quadratic).
        List<Link> all = md.links();
        List<Link> links = new ArrayList<>();
        for (int i = dev.bibmark.text.Sorted.firstAtOrAfter(all, h.range().end(), Link::range); i < all.size() && all.get(i).range().start() < end; i++) {
            links.add(all.get(i));
        }
        return new Paper(h, List.copyOf(links));
    }
}
