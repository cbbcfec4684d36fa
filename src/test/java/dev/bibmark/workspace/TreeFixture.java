package dev.bibmark.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writing small folder trees and reading collected files back as relative paths, for the workspace tests. */
final class TreeFixture {
    private TreeFixture() {}

    static Path write(Path root, String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    static List<String> relative(Path root, FileCollector.Result result) throws IOException {
        Path real = root.toRealPath();
        return result.files().stream().map(p -> real.relativize(p).toString().replace('\\', '/')).toList();
    }
}
