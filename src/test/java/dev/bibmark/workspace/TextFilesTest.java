package dev.bibmark.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decoding files: the fast String constructor replaces bad bytes exactly as a replacing decoder does. */
class TextFilesTest {
    /** What decoding was before: a replacing {@link java.nio.charset.CharsetDecoder}. */
    private static String decodeWithDecoder(byte[] bytes, java.nio.charset.Charset cs, int skip) {
        try {
            return cs.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    @Test
    void decodingAnyBytesMatchesAReplacingDecoder() {
        Random random = new Random(5);
        byte[] interesting = {(byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, (byte) 0xF0, (byte) 0x9F,
            (byte) 0x98, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xC0, (byte) 0xFF, (byte) 0xFE, 'a', '\n'};
        for (int n = 0; n < 50_000; n++) {
            byte[] b = new byte[random.nextInt(12)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
            }
            assertEquals(decodeWithDecoder(b, StandardCharsets.UTF_8, 0), new String(b, StandardCharsets.UTF_8));
            if (b.length >= 2 && (b[0] & 0xFF) != 0xFF && (b[0] & 0xFF) != 0xFE) {
                assertEquals(decodeWithDecoder(b, StandardCharsets.UTF_8, 0), TextFiles.decode(b));
            }
            assertEquals(decodeWithDecoder(b, StandardCharsets.UTF_16LE, 0),
                    new String(b, StandardCharsets.UTF_16LE));
        }
    }

    @Test
    void byteOrderMarksSelectUtf16() {
        assertEquals("ab", TextFiles.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, 'b', 0}));
        assertEquals("ab", TextFiles.decode(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a', 0, 'b'}));
        assertEquals("\uFEFFa", TextFiles.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}));
    }

    @Test
    void readingBytesGivesTheFileUpToTheLimit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Random random = new Random(9);
        for (int size : new int[] {0, 1, 8191, 8192, 8193, 100_000}) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            java.nio.file.Path f = dir.resolve("f" + size);
            java.nio.file.Files.write(f, b);
            org.junit.jupiter.api.Assertions.assertArrayEquals(b, TextFiles.readBytes(f, 100_000), "size " + size);
        }
        java.nio.file.Path big = dir.resolve("big");
        java.nio.file.Files.write(big, new byte[1001]);
        org.junit.jupiter.api.Assertions.assertThrows(TextFiles.TooLargeException.class, () -> TextFiles.readBytes(big, 1000));
        assertEquals(1000, TextFiles.readBytes(dir.resolve("f100000"), 100_000).length / 100);
    }
}
