package dev.bibmark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link Document#derived}: once per snapshot and key, also when threads ask at the same time. */
class DerivedTest {
    private static final Object KEY = new Object();

    @Test
    void aSecondCallerWaitsForTheFirstInsteadOfComputingAgain() throws Exception {
        Document doc = Documents.parse("a.bib", "@misc{a, title={T}}");
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch inCompute = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Object> first = new AtomicReference<>();
        AtomicReference<Object> second = new AtomicReference<>();
        Thread t1 = new Thread(() -> first.set(doc.derived(KEY, d -> {
            computed.incrementAndGet();
            inCompute.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Object();
        })));
        t1.start();
        assertTrue(inCompute.await(10, TimeUnit.SECONDS));
        assertTrue(doc.memoized(KEY).isEmpty(), "a value being computed is not memoized yet");
        Thread t2 = new Thread(() -> second.set(doc.derived(KEY, d -> {
            computed.incrementAndGet();
            return new Object();
        })));
        t2.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t2.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(Thread.State.WAITING, t2.getState(), "the second caller waits for the first");
        release.countDown();
        t1.join(10_000);
        t2.join(10_000);
        assertEquals(1, computed.get());
        assertSame(first.get(), second.get());
        assertSame(first.get(), doc.memoized(KEY).orElseThrow());
    }

    @Test
    void aFailedComputationIsNotMemoizedAndTheNextCallComputesAgain() {
        Document doc = Documents.parse("a.bib", "@misc{a, title={T}}");
        assertThrows(IllegalStateException.class, () -> doc.derived(KEY, d -> {
            throw new IllegalStateException("boom");
        }));
        assertTrue(doc.memoized(KEY).isEmpty());
        assertEquals("ok", doc.derived(KEY, d -> "ok"));
        assertEquals("ok", doc.derived(KEY, d -> "other"), "memoized after a success");
    }

    @Test
    void aComputationThatAsksForItsOwnValueFailsInsteadOfWaitingForever() {
        Document doc = Documents.parse("a.bib", "@misc{a, title={T}}");
        Object self = new Object();
        assertThrows(IllegalStateException.class, () -> doc.derived(self, d -> d.derived(self, x -> "inner")));
        assertEquals("after", doc.derived(self, d -> "after"), "the failed computation left nothing behind");
    }
}
