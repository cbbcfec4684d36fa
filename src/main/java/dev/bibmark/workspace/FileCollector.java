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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Expands the CLI's path arguments (and the server's workspace folders) into the files to check: files as given,
 * folders walked for Markdown and BibTeX files while honouring {@code .gitignore}. A walk never leaves its folder:
 * a symbolic link whose target lies outside it is not followed, and symlink loops are cut. The walk is bounded by
 * {@link Limits}: files over {@code maxFileBytes} are skipped and no more than {@code maxFiles} are collected, each
 * with a message in {@link Result#errors()}.
 */
public final class FileCollector {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target");

    /**
     * Files to check (sorted, de-duplicated real paths) and one message per unusable argument or skipped file.
     */
    public record Result(List<Path> files, List<String> errors, Map<Path, Path> given) {
        public Result(List<Path> files, List<String> errors) {
            this(files, errors, Map.of());
        }

        /** How a file was named or found (a symbolic link's own path), for messages; the real path otherwise. */
        public Path shown(Path real) {
            return given.getOrDefault(real, real);
        }
    }

    /**
     * Bounds on what is read.
     *
     * @param maxFileBytes a larger file is skipped ("skipped: file larger than 10 MB")
     * @param maxFiles at most this many files are collected; the walk stops there with a message
     */
    public record Limits(long maxFileBytes, int maxFiles) {
        /** 10 MB per file, 20,000 files. */
        public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 20_000);

        public Limits {
            if (maxFileBytes < 1 || maxFiles < 1) {
                throw new IllegalArgumentException("limits must be positive: " + maxFileBytes + ", " + maxFiles);
            }
        }
    }

    private record Scope(Path dir, GitIgnore rules) {
    }

    /** The state of one collection. */
    private static final class Walk {
        final Limits limits;
        final Set<Path> files = new TreeSet<>();
        final List<String> errors = new ArrayList<>();
        final Set<Path> visited = new HashSet<>();
        final Map<Path, Path> given = new java.util.HashMap<>();
        boolean full;

        Walk(Limits limits) {
            this.limits = limits;
        }

        /** False (with a message, once) when the file limit is reached. */
        boolean hasRoom() {
            if (files.size() < limits.maxFiles()) {
                return true;
            }
            if (!full) {
                full = true;
                errors.add("skipped: more than " + limits.maxFiles() + " files; only the first " + limits.maxFiles()
                        + " are checked (limit maxFiles)");
            }
            return false;
        }
    }

    private FileCollector() {
    }

    /** Collects the files named by, or found under, the given paths, within {@link Limits#DEFAULT}. */
    public static Result collect(List<Path> paths) {
        return collect(paths, Limits.DEFAULT);
    }

    /** Collects the files named by, or found under, the given paths. */
    public static Result collect(List<Path> paths, Limits limits) {
        Walk w = new Walk(limits);
        for (Path path : paths) {
            if (!w.hasRoom()) {
                break;
            }
            if (Files.isDirectory(path)) {
                Path root;
                try {
                    root = path.toRealPath();
                } catch (IOException e) {
                    w.errors.add("cannot read " + path + ": " + reason(e));
                    continue;
                }
                walk(path, root, new ArrayDeque<>(), w);
            } else {
                Optional<String> problem = unreadable(path);
                if (problem.isPresent()) {
                    w.errors.add("cannot read " + path + ": " + problem.get());
                } else {
                    addReal(path, w);
                }
            }
        }
        return new Result(List.copyOf(w.files), List.copyOf(w.errors), Map.copyOf(w.given));
    }

    private static void walk(Path dir, Path root, Deque<Scope> scopes, Walk w) {
        try {
            // Symlinked folders can form cycles.
            if (!w.visited.add(dir.toRealPath())) {
                return;
            }
        } catch (IOException e) {
            w.errors.add("cannot read " + dir + ": " + reason(e));
            return;
        }
        Path ignoreFile = dir.resolve(".gitignore");
        boolean pushed = false;
        if (Files.isRegularFile(ignoreFile)) {
            try {
                scopes.addLast(new Scope(dir, GitIgnore.load(ignoreFile)));
                pushed = true;
            } catch (IOException e) {
                w.errors.add("cannot read " + ignoreFile + ": " + reason(e));
            }
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            w.errors.add("cannot read " + dir + ": " + reason(e));
        } catch (java.nio.file.DirectoryIteratorException e) {
            // A folder that fails while being listed (removed meanwhile): keep what was listed.
            w.errors.add("cannot read " + dir + ": " + reason(e.getCause()));
        }
        children.sort(null);
        for (Path child : children) {
            if (!w.hasRoom()) {
                break;
            }
            if (Files.isSymbolicLink(child) && !insideRoot(child, root)) {
                continue;
            }
            String name = child.getFileName().toString();
            boolean isDir = Files.isDirectory(child);
            if (isDir && (SKIPPED_DIRS.contains(name) || name.startsWith("."))) {
                continue;
            }
            if (ignored(child, isDir, scopes)) {
                continue;
            }
            if (isDir) {
                walk(child, root, scopes, w);
            } else if (hasWantedExtension(name) && Files.isRegularFile(child)) {
                addReal(child, w);
            }
        }
        if (pushed) {
            scopes.removeLast();
        }
    }

    /**
     * Whether a folder walk from {@code root} would take {@code file}: a list file (by extension) whose path below
     * the root passes no skipped folder ({@code .git}, {@code node_modules}, {@code target}, dot-folders) and no
     * {@code .gitignore} rule on the way. For single files reported by a file watcher, which must not bring in what
     * the index leaves out.
     */
    public static boolean wouldCollect(Path root, Path file) {
        Path r = root.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(r) || f.equals(r) || !isListFile(f)) {
            return false;
        }
        Deque<Scope> scopes = new ArrayDeque<>();
        Path dir = r;
        for (Path part : r.relativize(f)) {
            Path ignoreFile = dir.resolve(".gitignore");
            if (Files.isRegularFile(ignoreFile)) {
                try {
                    scopes.addLast(new Scope(dir, GitIgnore.load(ignoreFile)));
                } catch (IOException e) {
                    // unreadable rules: as the walk, which reports it and goes on without them
                }
            }
            Path child = dir.resolve(part);
            boolean isDir = !child.equals(f);
            String name = part.toString();
            if (isDir && (SKIPPED_DIRS.contains(name) || name.startsWith("."))) {
                return false;
            }
            if (ignored(child, isDir, scopes)) {
                return false;
            }
            dir = child;
        }
        return true;
    }

    /** Whether a link's target (resolved all the way) lies inside the walked folder; a broken link does not. */
    private static boolean insideRoot(Path link, Path root) {
        try {
            return link.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
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

    /** Whether a file's name makes it one a folder is searched for (Markdown and its dialects, BibTeX). */
    public static boolean isListFile(Path file) {
        Path name = file.getFileName();
        return name != null && hasWantedExtension(name.toString());
    }

    private static boolean hasWantedExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        // As Document.isMarkdownPath (Markdown, Quarto, R Markdown), and BibTeX.
        return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".qmd") || lower.endsWith(".rmd")
                || lower.endsWith(".bib");
    }

    private static void addReal(Path file, Walk w) {
        try {
            Path real = file.toRealPath();
            if (Files.size(real) > w.limits.maxFileBytes()) {
                w.errors.add(file + ": skipped: file larger than " + TextFiles.describe(w.limits.maxFileBytes())
                        + " (limit maxFileBytes)");
                return;
            }
            boolean direct = real.equals(file.toAbsolutePath().normalize());
            if (w.files.add(real) && !direct) {
                w.given.put(real, file);
            } else if (direct) {
                w.given.remove(real); // found by its own path too: that one is shown
            }
        } catch (IOException e) {
            w.errors.add("cannot read " + file + ": " + reason(e));
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

    /** What went wrong reading a file, in words ("permission denied"), without Java's exception names. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason(); // its message repeats the path
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
