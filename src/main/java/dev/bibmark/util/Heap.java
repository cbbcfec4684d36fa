package dev.bibmark.util;

/** The JVM's heap limit, for messages that say how to raise it. */
public final class Heap {
    private Heap() {}

    /** The maximum heap in MB (what -Xmx / BIBMARK_HEAP gave), or -1 when the JVM does not say. */
    public static long maxMegabytes() {
        long max = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        return max < 0 ? -1 : max / (1024 * 1024);
    }
}
