package dev.bibmark.workspace;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Expands the CLI's path arguments into the files to check: files as given, folders walked for
 * Markdown and BibTeX files while honouring {@code .gitignore}.
 */
public final class FileCollector {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target");

    /**
     * Files to check (sorted, de-duplicated real paths) and one message per unusable argument.
     */
    public record Result(List<Path> files, List<String> errors) {
    }

    private record Scope(Path dir, GitIgnore rules) {
    }

    private FileCollector() {
    }

    /** Collects the files named by, or found under, the given paths. */
    public static Result collect(List<Path> paths) {
        Set<Path> files = new TreeSet<>();
        List<String> errors = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walk(path, new ArrayDeque<>(), new HashSet<>(), files, errors);
            } else {
                Optional<String> problem = unreadable(path);
                if (problem.isPresent()) {
                    errors.add("cannot read " + path + ": " + problem.get());
                } else {
                    addReal(path, files, errors);
                }
            }
        }
        return new Result(List.copyOf(files), List.copyOf(errors));
    }

    private static void walk(Path dir, Deque<Scope> scopes, Set<Path> visited, Set<Path> files,
                             List<String> errors) {
        try {
            // Symlinked folders can form cycles.
            if (!visited.add(dir.toRealPath())) {
                return;
            }
        } catch (IOException e) {
            errors.add("cannot read " + dir + ": " + reason(e));
            return;
        }
        Path ignoreFile = dir.resolve(".gitignore");
        boolean pushed = false;
        if (Files.isRegularFile(ignoreFile)) {
            try {
                scopes.addLast(new Scope(dir, GitIgnore.load(ignoreFile)));
                pushed = true;
            } catch (IOException e) {
                errors.add("cannot read " + ignoreFile + ": " + reason(e));
            }
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            errors.add("cannot read " + dir + ": " + reason(e));
        }
        children.sort(null);
        for (Path child : children) {
            String name = child.getFileName().toString();
            boolean isDir = Files.isDirectory(child);
            if (isDir && (SKIPPED_DIRS.contains(name) || name.startsWith("."))) {
                continue;
            }
            if (ignored(child, isDir, scopes)) {
                continue;
            }
            if (isDir) {
                walk(child, scopes, visited, files, errors);
            } else if (hasWantedExtension(name) && Files.isRegularFile(child)) {
                addReal(child, files, errors);
            }
        }
        if (pushed) {
            scopes.removeLast();
        }
    }

    private static boolean ignored(Path path, boolean isDir, Deque<Scope> scopes) {
        boolean ignored = false;
        // Deeper .gitignore files take precedence, so the last match (innermost) wins.
        for (Scope scope : scopes) {
            String rel = scope.dir().relativize(path).toString().replace('\\', '/');
            Optional<Boolean> m = scope.rules().match(rel, isDir);
            if (m.isPresent()) {
                ignored = m.get();
            }
        }
        return ignored;
    }

    private static boolean hasWantedExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".bib");
    }

    private static void addReal(Path file, Set<Path> files, List<String> errors) {
        try {
            files.add(file.toRealPath());
        } catch (IOException e) {
            errors.add("cannot read " + file + ": " + reason(e));
        }
    }

    private static Optional<String> unreadable(Path path) {
        if (!Files.exists(path)) {
            return Optional.of("no such file or directory");
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of("not a regular file");
        }
        try {
            Files.newInputStream(path).close();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(reason(e));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
