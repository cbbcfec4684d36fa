package dev.bibmark.bibtex;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A 128-bit fingerprint of an entry's source text and of the {@code @string} values it uses: what caches of
 * per-entry derived data (decoded titles, identities) are keyed by, so an entry that did not change is not
 * decoded again after an edit elsewhere, even when its offsets moved.
 */
public record EntryHash(long a, long b) {
    /** Each thread's chunk buffer (an entry is hashed by one thread; a new array per entry was most of the garbage). */
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[4096]);

    public static EntryHash of(String text, BibEntry e, Map<String, String> macros) {
        long a = 0xcbf29ce484222325L;
        long b = 1125899906842597L;
        int end = Math.min(e.range().end(), text.length());
        // The characters are copied out in chunks and read from the array: charAt on a long document costs several
        // calls per character before the JIT's second tier, and the command line never gets there.
        char[] buf = BUFFER.get();
        for (int from = e.range().start(); from < end; from += buf.length) {
            int len = Math.min(buf.length, end - from);
            text.getChars(from, from + len, buf, 0);
            for (int i = 0; i < len; i++) {
                char c = buf[i];
                a = (a ^ c) * 0x100000001b3L;
                b = 31 * b + c;
            }
        }
        List<BibField> fields = e.fields();
        for (int k = 0; k < fields.size(); k++) {
            BibField f = fields.get(k);
            if (f.value() == null || !f.value().hasMacro()) {
                continue;
            }
            for (BibValue.Part p : f.value().parts()) {
                if (p instanceof BibValue.Macro m && !Months.isMonth(m.text())) {
                    String v = macros.get(m.text().toLowerCase(Locale.ROOT));
                    String s = m.text() + "=" + (v == null ? "\u0000" : v);
                    for (int i = 0; i < s.length(); i++) {
                        a = (a ^ s.charAt(i)) * 0x100000001b3L;
                        b = 31 * b + s.charAt(i);
                    }
                }
            }
        }
        return new EntryHash(a, b ^ ((long) e.range().length() << 40));
    }

    // equals and hashCode written out (every memo lookup calls them): a record's generated ones are bound at first
    // use through method handles, which costs a cold JVM (the command line) milliseconds and is slower until compiled.

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryHash h && h.a == a && h.b == b;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(a) * 31 + Long.hashCode(b);
    }

    /** This fingerprint combined with another string (for data that also depends on context). */
    public EntryHash with(String extra) {
        long x = a;
        long y = b;
        for (int i = 0; i < extra.length(); i++) {
            x = (x ^ extra.charAt(i)) * 0x100000001b3L;
            y = 31 * y + extra.charAt(i);
        }
        return new EntryHash(x, y);
    }
}
