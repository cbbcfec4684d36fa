package dev.bibmark.text;

/**
 * A half-open range {@code [start, end)} of offsets into a document, in UTF-16 code units
 * (Java {@code char} indices). Every range inside bibmark is a document range; LSP positions
 * are made from it only by {@link LineIndex}.
 */
public record TextRange(int start, int end) {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    public static TextRange empty(int at) {
        return new TextRange(at, at);
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /** True when the offset is inside or just at the end (a cursor touching the range). */
    public boolean touches(int offset) {
        return offset >= start && offset <= end;
    }

    public TextRange cover(TextRange other) {
        return new TextRange(Math.min(start, other.start), Math.max(end, other.end));
    }

    // equals and hashCode written out: a record's generated ones are bound at first use through method handles,
    // which costs a cold JVM (the command line) milliseconds of set-up and is slower until compiled.

    @Override
    public boolean equals(Object o) {
        return o instanceof TextRange r && r.start == start && r.end == end;
    }

    @Override
    public int hashCode() {
        return 31 * start + end;
    }
}
