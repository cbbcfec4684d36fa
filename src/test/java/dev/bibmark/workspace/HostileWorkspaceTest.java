package dev.bibmark.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workspaces built to hurt: loops, links out, unreadable parts, huge and badly encoded files, too many files. */
class HostileWorkspaceTest {
    @TempDir
    Path root;

    private Path write(String relative, String content) throws IOException {
        return TreeFixture.write(root, relative, content);
    }

    private List<String> relative(FileCollector.Result result) throws IOException {
        return TreeFixture.relative(root, result);
    }

    @Test
    void symlinkLoopsAreCut() throws IOException {
        write("a/one.md", "");
        Files.createSymbolicLink(root.resolve("a/loop"), root);
        Files.createSymbolicLink(root.resolve("a/self"), root.resolve("a"));
        FileCollector.Result r = FileCollector.collect(List.of(root));
        assertEquals(List.of("a/one.md"), relative(r));
        assertEquals(List.of(), r.errors());
    }

    @Test
    void symlinksPointingOutsideTheFolderAreNotFollowed(@TempDir Path outside) throws IOException {
        write("in.md", "");
        Files.writeString(outside.resolve("secret.md"), "@misc{secret}");
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(outside.resolve("dir/other.bib"), "@misc{other}");
        Files.createSymbolicLink(root.resolve("link.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(root.resolve("linkdir"), outside.resolve("dir"));
        // A link that stays inside is followed (its target is collected once, under its real path).
        write("real/inside.bib", "");
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));
        FileCollector.Result r = FileCollector.collect(List.of(root));
        assertEquals(List.of("in.md", "real/inside.bib"), relative(r));
        Path out = outside.toRealPath();
        assertTrue(r.files().stream().noneMatch(p -> p.startsWith(out)));
    }

    @Test
    void unreadableFilesAndFoldersAreReportedAndTheRestIsCollected() throws IOException {
        Path file = write("locked.md", "x");
        Path dir = Files.createDirectories(root.resolve("closed"));
        write("closed/inner.md", "");
        write("open.md", "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            // Root (as in this project's CI) reads through chmod 000: then there is nothing to test.
            assumeFalse(Files.isReadable(file) && Files.isReadable(dir), "running as root: chmod 000 does not stop root");
            FileCollector.Result r = FileCollector.collect(List.of(root));
            assertTrue(relative(r).contains("open.md"));
            assertTrue(r.errors().stream().anyMatch(e -> e.contains("closed") && e.contains("permission denied")), r.errors().toString());
            assertThrows(IOException.class, () -> TextFiles.read(file));
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFileOverTheSizeLimitIsSkippedWithAMessage() throws IOException {
        write("small.md", "# ok");
        Path big = write("big.md", "x".repeat(2048));
        FileCollector.Result r = FileCollector.collect(List.of(root), new FileCollector.Limits(1024, 100));
        assertEquals(List.of("small.md"), relative(r));
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).endsWith("big.md: skipped: file larger than 1024 bytes (limit maxFileBytes)"), r.errors().get(0));
        TextFiles.TooLargeException e = assertThrows(TextFiles.TooLargeException.class, () -> TextFiles.read(big, 1024));
        assertEquals("skipped: file larger than 1024 bytes", e.getMessage());
        // The default is 10 MB, and says so in MB.
        assertEquals("skipped: file larger than 10 MB", new TextFiles.TooLargeException(FileCollector.Limits.DEFAULT.maxFileBytes()).getMessage());
    }

    @Test
    void aHundredThousandFilesStopAtTheFileLimitWithAMessage() throws IOException {
        // 100 folders of 1,000 empty lists each.
        for (int d = 0; d < 100; d++) {
            Path dir = Files.createDirectories(root.resolve(String.format("d%03d", d)));
            for (int f = 0; f < 1000; f++) {
                Files.createFile(dir.resolve(String.format("f%04d.md", f)));
            }
        }
        FileCollector.Result r = FileCollector.collect(List.of(root));
        assertEquals(FileCollector.Limits.DEFAULT.maxFiles(), r.files().size());
        assertEquals(List.of("skipped: more than 20000 files; only the first 20000 are checked (limit maxFiles)"), r.errors());
        // The walk is in name order, so the files kept are the first ones.
        assertEquals("d000/f0000.md", relative(r).get(0));
        assertEquals("d019/f0999.md", relative(r).get(19_999));
    }

    @Test
    void invalidUtf8AndUtf16FilesAreReadWithReplacement() throws IOException {
        Path bad = root.resolve("bad.md");
        byte[] prefix = "# T\n\n```bibtex\n@misc{k, title = {".getBytes(StandardCharsets.UTF_8);
        byte[] junk = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xE2, (byte) 0x82};
        byte[] suffix = "}}\n```\n".getBytes(StandardCharsets.UTF_8);
        Files.write(bad, concat(prefix, junk, suffix));
        String text = TextFiles.read(bad);
        assertTrue(text.contains("\uFFFD"), text);
        assertTrue(text.endsWith("}}\n```\n"));

        String list = "# Paper\n\n```bibtex\n@misc{wide, title = {Ünïcødé 😀}}\n```\n";
        Path le = root.resolve("le.md");
        Files.write(le, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, list.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(list, TextFiles.read(le));
        Path be = root.resolve("be.bib");
        Files.write(be, concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "@misc{x}".getBytes(StandardCharsets.UTF_16BE)));
        assertEquals("@misc{x}", TextFiles.read(be));
        // UTF-16 cut in the middle of a code unit, and a lone surrogate: replaced, not failed.
        Files.write(be, new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '@', (byte) 0xD8, 0x3D, 0});
        String broken = TextFiles.read(be);
        assertTrue(broken.startsWith("@\uFFFD") && broken.chars().allMatch(c -> c == '@' || c == 0xFFFD), broken);
    }

    @Test
    void aFifoIsNeverOpened() throws IOException, InterruptedException {
        Path fifo = root.resolve("pipe.md");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeFalse(!mk.waitFor(10, TimeUnit.SECONDS) || mk.exitValue() != 0, "mkfifo is not available");
        // Opening a FIFO for reading blocks until a writer comes: neither the walk nor the reader may do it.
        FileCollector.Result r = FileCollector.collect(List.of(root));
        assertEquals(List.of(), r.files());
        FileCollector.Result named = FileCollector.collect(List.of(fifo));
        assertEquals(List.of("cannot read " + fifo + ": not a regular file"), named.errors());
        IOException e = assertThrows(IOException.class, () -> TextFiles.read(fifo));
        assertEquals("not a regular file", e.getMessage());
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
