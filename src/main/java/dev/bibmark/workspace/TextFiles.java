package dev.bibmark.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Reading lists from disk: regular files only, bounded in size, never failing on bad bytes. */
public final class TextFiles {
    private TextFiles() {}

    /** A file over the size limit: it is skipped, and the message says so. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("skipped: file larger than " + describe(limit));
        }
    }

    /** Reads a file of at most {@link FileCollector.Limits#DEFAULT}'s {@code maxFileBytes}. */
    public static String read(Path p) throws IOException {
        return read(p, FileCollector.Limits.DEFAULT.maxFileBytes());
    }

    /**
     * Reads a regular file (never a FIFO or device, which could block or never end) of at most {@code maxBytes}.
     * UTF-8 unless a UTF-16 byte order mark says otherwise; malformed bytes become U+FFFD instead of failing (the
     * text is still checked). A UTF-8 BOM is kept as U+FEFF, so that the file is written back with it; positions
     * skip it as editors do ({@link dev.bibmark.text.LineIndex}).
     *
     * @throws TooLargeException when the file has more than {@code maxBytes} bytes
     */
    public static String read(Path p, long maxBytes) throws IOException {
        return decode(readBytes(p, maxBytes));
    }

    /** The bytes of a file, with the checks of {@link #read(Path)} (regular file, default size limit). */
    public static byte[] readBytes(Path p) throws IOException {
        return readBytes(p, FileCollector.Limits.DEFAULT.maxFileBytes());
    }

    /** The bytes of a regular file of at most {@code maxBytes}. */
    public static byte[] readBytes(Path p, long maxBytes) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new IOException("not a regular file");
        }
        if (a.size() > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
            // Read into an array of the size just read (one allocation, no copy); the file may have changed since,
            // so a short read is trimmed and a longer file is read on up to the limit.
            int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
            byte[] buf = new byte[(int) Math.min(a.size(), limit)];
            int n = in.readNBytes(buf, 0, buf.length);
            if (n < buf.length) {
                bytes = java.util.Arrays.copyOf(buf, n);
            } else {
                byte[] rest = in.readNBytes(limit - n);
                if (rest.length == 0) {
                    bytes = buf;
                } else {
                    bytes = java.util.Arrays.copyOf(buf, n + rest.length);
                    System.arraycopy(rest, 0, bytes, n, rest.length);
                }
            }
        }
        if (bytes.length > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        return bytes;
    }

    /**
     * Reads a stream (standard input) to its end, at most {@code maxBytes}: a longer one is not read on and gives a
     * {@link TooLargeException}. Decode the bytes with {@link #decode}.
     */
    public static byte[] readAll(InputStream in, long maxBytes) throws IOException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
        byte[] bytes = in.readNBytes(limit);
        if (bytes.length > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        return bytes;
    }

    /** Decodes file bytes as {@link #read} does. */
    public static String decode(byte[] bytes) {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        // The String constructor replaces malformed input as a replacing decoder does, and is much faster.
        return new String(bytes, skip, bytes.length - skip, cs);
    }

    /** "10 MB" for a whole number of MiB, else the bytes. */
    public static String describe(long bytes) {
        long mb = 1024L * 1024;
        return bytes % mb == 0 ? bytes / mb + " MB" : bytes + " bytes";
    }
}
