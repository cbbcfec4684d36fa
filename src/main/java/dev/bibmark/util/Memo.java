package dev.bibmark.util;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded, thread-safe memo of a pure function: after an edit most values (titles, headings, entries) are the
 * same as before, so their derived data is looked up instead of computed again. When full it starts over, which
 * keeps memory bounded without bookkeeping.
 */
public final class Memo<K, V> {
    private final int limit;
    private final Map<K, V> values;

    public Memo(int limit) {
        this.limit = limit;
        // Sized for a list of some thousands of papers up front: growing from 16 slots copies the table a dozen times.
        this.values = new ConcurrentHashMap<>(Math.min(limit, 1 << 14));
    }

    public V get(K key, Function<? super K, ? extends V> compute) {
        V v = values.get(key);
        if (v == null) {
            v = compute.apply(key);
            if (values.size() >= limit) {
                values.clear();
            }
            values.put(key, v);
        }
        return v;
    }
}
