package dev.bibmark.util;

/** The JVM's heap limit, for messages that say how to raise it. */
public final class Heap {
    private Heap() {}

    /** The maximum heap in MB (what -Xmx / BIBMARK_HEAP gave), or -1 when the JVM does not say. */
    public static long maxMegabytes() {
        long max = Runtime.getRuntime().maxMemory(); // allocates nothing: it is called when the heap is full
        return max == Long.MAX_VALUE ? -1 : max / (1024 * 1024);
    }
}
