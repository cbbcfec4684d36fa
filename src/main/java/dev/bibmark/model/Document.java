package dev.bibmark.model;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.markdown.MarkdownIndex;
import dev.bibmark.text.LineIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable snapshot of one parsed document (Markdown paper list or .bib file).
 *
 * @param path the path or URI the document is known by
 * @param markdown true for Markdown, false for .bib
 * @param markdownIndex {@link MarkdownIndex#EMPTY} for .bib files
 * @param blocks BibTeX blocks in document order: a Markdown file's bibtex fences; a .bib file's top-level objects, one
 *        block each (at least one block: an empty file has one without objects), its syntax errors in the block
 *        of the last object starting before them (none: the first block). A keystroke in a .bib file then
 *        re-parses one object, and the rest of the file only moves ({@link Block}).
 *
 * <p>Equality is identity: a snapshot is one version of a document, and comparing two by content would mean
 * comparing whole texts. Data derived from a snapshot (entry identities, suppressions, …) is memoized per snapshot
 * with {@link #derived}, so work on unchanged documents is not repeated after an edit elsewhere.
 */
public record Document(String path, String text, LineIndex lines, boolean markdown, MarkdownIndex markdownIndex,
                       List<Block> blocks) {

    private static final java.util.Map<Document, java.util.Map<Object, Object>> DERIVED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** A value memoized with {@link #derived} under {@code key}, if one was. */
    @SuppressWarnings("unchecked")
    public <T> java.util.Optional<T> memoized(Object key) {
        java.util.Map<Object, Object> mine;
        synchronized (DERIVED) {
            mine = DERIVED.get(this);
        }
        Object v = mine == null ? null : mine.get(key);
        return v == null || v instanceof Pending ? java.util.Optional.empty() : java.util.Optional.of((T) v);
    }

    /**
     * A value computed from this snapshot once and kept as long as the snapshot lives. {@code key} names the kind
     * of data (use a constant); {@code compute} must depend on the snapshot only, and its value must not refer to
     * the snapshot (the memo is weak in the snapshot: a value holding it would keep it alive forever).
     * Concurrent callers with the same key wait for the first one's value instead of computing it again.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, java.util.function.Function<Document, T> compute) {
        java.util.Map<Object, Object> mine;
        synchronized (DERIVED) {
            mine = DERIVED.computeIfAbsent(this, d -> new java.util.concurrent.ConcurrentHashMap<>());
        }
        Object v = mine.get(key);
        if (v != null && !(v instanceof Pending)) {
            return (T) v;
        }
        // Computed once: checks running in parallel ask for the same data (the paper sections, the entry list)
        // at the same moment, and the first computes it while the others wait for it.
        Pending mark = new Pending();
        Object prev = v != null ? v : mine.putIfAbsent(key, mark);
        if (prev == null) {
            try {
                T value = compute.apply(this);
                mine.put(key, value);
                mark.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                mine.remove(key, mark);
                mark.completeExceptionally(e);
                throw e;
            }
        }
        if (!(prev instanceof Pending p)) {
            return (T) prev;
        }
        if (p.owner == Thread.currentThread()) {
            // A computation asking for its own value would wait for itself forever: fail like the recursion would.
            throw new IllegalStateException("derived value " + key + " depends on itself");
        }
        try {
            return (T) p.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            // The first caller failed (and reported it): this one computes on its own and reports its own failure.
            return compute.apply(this);
        }
    }

    /** A value being computed by another thread ({@link #derived}). */
    private static final class Pending extends java.util.concurrent.CompletableFuture<Object> {
        /** The thread computing the value. */
        final Thread owner = Thread.currentThread();
    }

    /** Every entry of every block, in document order (listed once per snapshot). */
    public List<BibEntry> entries() {
        return derived(ENTRIES, d -> {
            List<BibEntry> out = new ArrayList<>();
            for (Block b : d.blocks()) {
                out.addAll(b.bib().entries());
            }
            return List.copyOf(out);
        });
    }

    private static final Object ENTRIES = new Object();

    /**
     * The whole BibTeX of a .bib file as one block (its blocks' objects and errors together, in document order),
     * for what works on the file's text as one piece: the quick-fixes, which try a fix by parsing the text again,
     * and the formatter. Listed once per snapshot. A Markdown file has no such block: null.
     */
    public Block fileBlock() {
        if (markdown) {
            return null;
        }
        if (blocks.size() == 1) {
            return blocks.get(0);
        }
        return derived(FILE_BLOCK, d -> {
            List<dev.bibmark.bibtex.BibObject> objects = new ArrayList<>();
            List<dev.bibmark.bibtex.SyntaxError> errors = new ArrayList<>();
            for (Block b : d.blocks()) {
                objects.addAll(b.bib().objects());
                errors.addAll(b.bib().errors());
            }
            return new Block(null, new dev.bibmark.bibtex.BibFile(objects, errors), null);
        });
    }

    private static final Object FILE_BLOCK = new Object();

    /**
     * Whether a path names a Markdown file (by extension): {@code .md}, {@code .markdown}, and Pandoc's dialects
     * Quarto ({@code .qmd}) and R Markdown ({@code .Rmd}); everything else is read as BibTeX.
     */
    public static boolean isMarkdownPath(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.endsWith(".md") || p.endsWith(".markdown") || p.endsWith(".qmd") || p.endsWith(".rmd");
    }
}
