package dev.bibmark.cli;

import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.config.ConfigException;
import dev.bibmark.config.ConfigLoader;
import dev.bibmark.fixes.FixAll;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.workspace.FileCollector;
import dev.bibmark.workspace.TextFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bibmark check}: the same checks as the server, for terminals and CI. With {@code --fix} it first applies
 * fix-all (every safe quick-fix) to the files and reports what remains; with {@code --fix --dry-run} it prints
 * the fixes as a unified diff and writes nothing (the exit status is that of the fixed text).
 */
final class CheckCommand {
    private CheckCommand() {}

    /** Fix-all passes per run: each pass fixes what the previous one made parseable. */
    static final int FIX_PASSES = 10;

    static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        String format = "text";
        boolean fix = false;
        boolean dryRun = false;
        Path configFile = null;
        String stdinName = null;
        String columnsName = "utf16";
        boolean stdin = false;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--format") || a.equals("--config") || a.equals("--stdin-filename") || a.equals("--columns")) {
                if (i + 1 >= args.length) {
                    err.println("bibmark check: " + a + " needs a value");
                    return 2;
                }
                String v = args[++i];
                if (a.equals("--format")) {
                    format = v;
                } else if (a.equals("--config")) {
                    configFile = Path.of(v);
                } else if (a.equals("--columns")) {
                    columnsName = v;
                } else {
                    stdinName = v;
                }
            } else if (a.startsWith("--format=")) {
                format = a.substring("--format=".length());
            } else if (a.startsWith("--config=")) {
                configFile = Path.of(a.substring("--config=".length()));
            } else if (a.startsWith("--columns=")) {
                columnsName = a.substring("--columns=".length());
            } else if (a.startsWith("--stdin-filename=")) {
                stdinName = a.substring("--stdin-filename=".length());
            } else if (a.equals("-")) {
                stdin = true;
            } else if (a.equals("--fix")) {
                fix = true;
            } else if (a.equals("--dry-run")) {
                dryRun = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                out.print(Main.USAGE);
                return 0;
            } else if (a.startsWith("-") && !a.equals("-")) {
                err.println("bibmark check: unknown option '" + a + "'");
                return 2;
            } else {
                paths.add(Path.of(a));
            }
        }
        Report.Columns columns = switch (columnsName) {
            case "utf16", "utf-16" -> Report.Columns.UTF16;
            case "chars" -> Report.Columns.CHARS;
            case "bytes" -> Report.Columns.BYTES;
            default -> null;
        };
        if (columns == null) {
            err.println("bibmark check: unknown column unit '" + columnsName + "' (use utf16, chars or bytes)");
            return 2;
        }
        if (!format.equals("text") && !format.equals("json") && !format.equals("github")) {
            err.println("bibmark check: unknown format '" + format + "' (use text, json or github)");
            return 2;
        }
        if (dryRun && !fix) {
            err.println("bibmark check: --dry-run needs --fix");
            return 2;
        }
        if (dryRun && !format.equals("text")) {
            // The dry run's output is a diff: a tool reading JSON or annotations would get something else.
            err.println("bibmark check: --fix --dry-run prints a diff, not a " + format + " report (leave out --format)");
            return 2;
        }
        if (paths.isEmpty() && !stdin) {
            err.println("bibmark check: no PATH given");
            err.print(Main.USAGE);
            return 2;
        }
        if (stdin && fix) {
            err.println("bibmark check: --fix writes files; it cannot fix standard input (bibmark format - prints"
                    + " the formatted text)");
            return 2;
        }
        Path stdinPath = null;
        if (stdin && stdinName != null && !stdinName.isBlank()) {
            try {
                stdinPath = Path.of(stdinName);
            } catch (java.nio.file.InvalidPathException e) {
                err.println("bibmark check: --stdin-filename: " + e.getMessage());
                return 2;
            }
        }
        Config config;
        try {
            List<Path> near = new ArrayList<>(paths);
            if (stdinPath != null) {
                near.add(0, stdinPath);
            }
            config = loadConfig(configFile, near, msg -> err.println("bibmark check: warning: " + msg));
        } catch (ConfigException e) {
            err.println("bibmark check: " + e.getMessage());
            return 2;
        }
        FileCollector.Result collected = FileCollector.collect(paths);
        boolean inputError = false;
        for (String e : collected.errors()) {
            err.println("bibmark check: " + e);
            inputError = true;
        }
        Path cwd = Path.of("").toAbsolutePath();
        Map<Path, String> texts = new LinkedHashMap<>();
        Map<String, Path> files = new HashMap<>();
        Set<String> unwritable = new HashSet<>();
        // A file is reported by the path it was named or found by (a symbolic link's own), read and written
        // through its real path.
        Map<Path, String> names = new HashMap<>();
        for (Path p : collected.files()) {
            names.put(p, display(cwd, collected.shown(p)));
            try {
                byte[] bytes = TextFiles.readBytes(p);
                String text = TextFiles.decode(bytes);
                texts.put(p, text);
                files.put(names.get(p), p);
                if (fix && !Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
                    // Writing the decoded text back would replace the bytes that are not UTF-8.
                    unwritable.add(names.get(p));
                }
            } catch (IOException e) {
                err.println("bibmark check: cannot read " + names.get(p) + ": " + FileCollector.reason(e));
                inputError = true;
            }
        }
        // Standard input stands in for the file it names (an editor's unsaved buffer), or is a list of its own.
        Path stdinKey = null;
        if (stdin) {
            try {
                String text = TextFiles.decode(TextFiles.readAll(in, FileCollector.Limits.DEFAULT.maxFileBytes()));
                if (stdinPath != null) {
                    Path abs = stdinPath.toAbsolutePath().normalize();
                    texts.keySet().removeIf(p -> p.toAbsolutePath().normalize().equals(abs));
                    stdinKey = stdinPath;
                } else {
                    stdinKey = Path.of("-");
                }
                texts.put(stdinKey, text);
            } catch (IOException e) {
                err.println("bibmark check: cannot read standard input: " + e.getMessage());
                inputError = true;
            }
        }
        Path stdinDoc = stdinKey;
        boolean unnamed = stdinPath == null;
        List<Document> docs = texts.entrySet().parallelStream()
                .map(e -> e.getKey() == stdinDoc && unnamed
                        ? Documents.parse("-", e.getValue(), true)
                        : Documents.parse(names.getOrDefault(e.getKey(), display(cwd, e.getKey())), e.getValue()))
                .toList();
        // The bibliographies that lists name in their front matter (Pandoc's "bibliography:") are read too, for the
        // keys they define; their own findings are not reported unless they were given.
        List<Document> context = bibliographies(texts, cwd, err);
        if (fix) {
            List<Document> fixable = docs.stream().filter(d -> !unwritable.contains(d.path())).toList();
            for (String p : unwritable) {
                err.println("bibmark check: not fixing " + p + ": it is not valid UTF-8");
            }
            List<Document> fixed = FixAll.applyPasses(fixable, config, FIX_PASSES,
                    msg -> err.println("bibmark check: internal error: " + msg));
            Map<String, Document> byPath = new HashMap<>();
            fixed.forEach(d -> byPath.put(d.path(), d));
            List<Document> after = new ArrayList<>();
            int changed = 0;
            for (Document d : docs) {
                Document f = byPath.getOrDefault(d.path(), d);
                after.add(f);
                if (f.text().equals(d.text())) {
                    continue;
                }
                changed++;
                if (dryRun) {
                    out.print(UnifiedDiff.of(d.path(), d.text(), f.text()));
                } else {
                    try {
                        Files.writeString(files.get(d.path()), f.text(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        err.println("bibmark check: cannot write " + d.path() + ": " + FileCollector.reason(e));
                        inputError = true;
                        after.set(after.size() - 1, d);
                        changed--;
                    }
                }
            }
            err.println("bibmark check: " + (dryRun ? "would fix " : "fixed ") + changed + " file"
                    + (changed == 1 ? "" : "s"));
            docs = after;
        }
        List<Document> checked = docs;
        if (!context.isEmpty()) {
            checked = new ArrayList<>(docs);
            checked.addAll(context);
        }
        List<Finding> findings = Checker.run(checked, config, msg -> err.println("bibmark check: internal error: " + msg));
        if (!context.isEmpty()) {
            Set<String> given = new HashSet<>();
            docs.forEach(d -> given.add(d.path()));
            findings = findings.stream().filter(f -> given.contains(f.path())).toList();
        }
        Report report = new Report(docs, findings, columns);
        if (!dryRun) {
            switch (format) {
                case "json" -> report.printJson(out);
                case "github" -> report.printGithub(out);
                default -> report.printText(out);
            }
        }
        if (inputError) {
            return 2;
        }
        return report.errors() > 0 ? 1 : 0;
    }

    /**
     * The files that the Markdown texts' front matter names as bibliography (relative to each list), read once, that
     * are not among {@code texts}; one that cannot be read is reported on {@code err} and left out.
     */
    static List<Document> bibliographies(Map<Path, String> texts, Path cwd, PrintStream err) {
        Set<Path> given = new HashSet<>();
        texts.keySet().forEach(p -> given.add(p.toAbsolutePath().normalize()));
        Map<Path, Document> out = new LinkedHashMap<>();
        Set<Path> skipped = new HashSet<>();
        for (Map.Entry<Path, String> e : texts.entrySet()) {
            if (!Document.isMarkdownPath(e.getKey().toString())) {
                continue;
            }
            for (String name : dev.bibmark.markdown.FrontMatter.bibliography(e.getValue())) {
                Path dir = e.getKey().toAbsolutePath().normalize().getParent();
                Path p;
                try {
                    p = (dir == null ? Path.of(name) : dir.resolve(name)).normalize();
                } catch (java.nio.file.InvalidPathException ex) {
                    continue;
                }
                String lower = p.toString().toLowerCase(java.util.Locale.ROOT);
                boolean bibtex = lower.endsWith(".bib") || lower.endsWith(".bibtex");
                if (given.contains(p) || out.containsKey(p)) {
                    continue;
                }
                if (!(bibtex || dev.bibmark.config.CslBibliography.isCsl(lower))) {
                    // Another format (RIS, EndNote XML): not read, and the list is not judged; said once per file.
                    if (skipped.add(p)) {
                        err.println("bibmark check: the bibliography " + display(cwd, p) + " named in "
                                + display(cwd, e.getKey()) + " is not BibTeX or CSL JSON/YAML: not read (its citations"
                                + " are not judged)");
                    }
                    continue;
                }
                String problem;
                try {
                    String text = TextFiles.read(p);
                    out.put(p, bibtex ? Documents.parse(display(cwd, p), text, false)
                            : Documents.keyList(display(cwd, p), text, dev.bibmark.config.CslBibliography.ids(lower, text)));
                    continue;
                } catch (IOException ex) {
                    problem = FileCollector.reason(ex);
                } catch (IllegalArgumentException ex) {
                    problem = ex.getMessage();
                }
                err.println("bibmark check: cannot read the bibliography " + display(cwd, p) + " named in "
                        + display(cwd, e.getKey()) + ": " + problem + " (its citations are not judged)");
            }
        }
        return List.copyOf(out.values());
    }

    static Config loadConfig(Path configFile, List<Path> paths) throws ConfigException {
        return loadConfig(configFile, paths, msg -> { });
    }

    /**
     * The settings of a run: {@code --config}, else the {@code .bibmark.json} found from the first path's folder
     * upwards (to the repository's root, a folder holding {@code .git}), else the current folder's. One run has one
     * set of settings: when the paths lie under different settings files, {@code warn} names them and the one used.
     */
    static Config loadConfig(Path configFile, List<Path> paths, java.util.function.Consumer<String> warn)
            throws ConfigException {
        if (configFile != null) {
            return ConfigLoader.load(configFile);
        }
        Path chosen = null;
        Set<Path> others = new java.util.LinkedHashSet<>();
        for (Path p : paths) {
            Path found = configAbove(p);
            if (found == null) {
                continue;
            }
            if (chosen == null) {
                chosen = found;
            } else if (!found.equals(chosen)) {
                others.add(found);
            }
        }
        if (chosen != null) {
            if (!others.isEmpty()) {
                warn.accept("the paths lie under different settings files; one run takes one: " + chosen
                        + " is used, not " + String.join(", ", others.stream().map(Path::toString).toList())
                        + " (check them separately, or pass --config)");
            }
            return ConfigLoader.load(chosen);
        }
        Path here = Path.of(".bibmark.json");
        if (Files.isRegularFile(here)) {
            return ConfigLoader.load(here);
        }
        return Config.DEFAULT;
    }

    /** The .bibmark.json from a path's folder upwards, as far as the repository's root; null when none. */
    private static Path configAbove(Path p) {
        // The same file gets the same settings whether its folder or the file itself is checked.
        Path dir = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
        for (Path d = dir == null ? null : dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(".bibmark.json"))) {
                return d.resolve(".bibmark.json");
            }
            if (Files.exists(d.resolve(".git"))) {
                break;
            }
        }
        return null;
    }

    static String display(Path cwd, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        String s = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return s.isEmpty() ? "." : s.replace('\\', '/');
    }
}
