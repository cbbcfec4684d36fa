package dev.bibmark.text;

import java.util.List;
import java.util.function.Function;

/** Searches in lists kept in document order (sorted by the start of their ranges). */
public final class Sorted {
    private Sorted() {}

    /** The index of the first item whose range starts at or after {@code offset}; {@code items.size()} if none. */
    public static <T> int firstAtOrAfter(List<T> items, int offset, Function<? super T, TextRange> range) {
        int lo = 0;
        int hi = items.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (range.apply(items.get(mid)).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
