package dev.bibmark.bibtex;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of parsing one piece of BibTeX (a .bib file or one fenced block). Never null parts;
 * parsing never throws: problems are {@link SyntaxError}s. All ranges are document offsets. Immutable; the
 * entries and string definitions are listed once, not filtered on every call (checks ask for them per keystroke).
 */
public final class BibFile {
    private final List<BibObject> objects;
    private final List<SyntaxError> errors;
    private final List<BibEntry> entries;
    private final List<StringDef> strings;
    /** One memoized value and its key (see {@link #memo}). */
    private volatile Object[] memo;
    /** {@link #hasKeyLinks}: -1 until computed, then 0 or 1. */
    private volatile int keyLinks = -1;

    public BibFile(List<BibObject> objects, List<SyntaxError> errors) {
        this.objects = List.copyOf(objects);
        this.errors = List.copyOf(errors);
        List<BibEntry> es = new ArrayList<>(this.objects.size());
        List<StringDef> ss = new ArrayList<>(0);
        for (BibObject o : this.objects) {
            if (o instanceof BibEntry e) {
                es.add(e);
            } else if (o instanceof StringDef s) {
                ss.add(s);
            }
        }
        this.entries = List.copyOf(es);
        this.strings = List.copyOf(ss);
    }

    public List<BibObject> objects() {
        return objects;
    }

    public List<SyntaxError> errors() {
        return errors;
    }

    public List<BibEntry> entries() {
        return entries;
    }

    public List<StringDef> strings() {
        return strings;
    }

    /**
     * Whether an entry has a field that names other entries' keys ({@link BibEntry#KEY_LINK_FIELDS}); computed once,
     * so that a keystroke in a long list does not look through every field of every block for them.
     */
    public boolean hasKeyLinks() {
        int k = keyLinks;
        if (k < 0) {
            k = 0;
            for (BibEntry e : entries) {
                if (e.hasKeyLinks()) {
                    k = 1;
                    break;
                }
            }
            keyLinks = k;
        }
        return k == 1;
    }

    /**
     * A value derived from this parse result (identity) and {@code key} (equality), memoized: the last one is kept.
     * For position-free data shared by every moved copy of a block.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, java.util.function.Supplier<T> compute) {
        Object[] m = memo;
        if (m != null && Objects.equals(m[0], key)) {
            return (T) m[1];
        }
        T v = compute.get();
        memo = new Object[] {key, v};
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BibFile b && b.objects.equals(objects) && b.errors.equals(errors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(objects, errors);
    }

    @Override
    public String toString() {
        return "BibFile[objects=" + objects + ", errors=" + errors + "]";
    }
}
