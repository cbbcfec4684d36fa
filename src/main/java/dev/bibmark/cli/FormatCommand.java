package dev.bibmark.cli;

import dev.bibmark.config.Config;
import dev.bibmark.config.ConfigException;
import dev.bibmark.format.FormatOptions;
import dev.bibmark.format.Formatter;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import dev.bibmark.workspace.FileCollector;
import dev.bibmark.workspace.TextFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bibmark format [--check] [--config FILE] PATH...}: formats the BibTeX of Markdown lists and .bib files in
 * place (the same formatter and {@code format} settings as the server). Prints the path of every file that changed
 * (or, with {@code --check}, would change). Files are read and written as UTF-8 (a BOM and the line breaks stay as
 * they are); a file that is not valid UTF-8 is left alone and counts as unreadable input.
 */
final class FormatCommand {
    private FormatCommand() {}

    /** One file's outcome. */
    private record Outcome(Path path, String display, String text, String formatted, List<String> notes, String error) {}

    static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        boolean check = false;
        Path configFile = null;
        String stdinName = null;
        boolean stdin = false;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--check")) {
                check = true;
            } else if (a.equals("--config") || a.equals("--stdin-filename")) {
                if (i + 1 >= args.length) {
                    err.println("bibmark format: " + a + " needs a value");
                    return 2;
                }
                if (a.equals("--config")) {
                    configFile = Path.of(args[++i]);
                } else {
                    stdinName = args[++i];
                }
            } else if (a.startsWith("--config=")) {
                configFile = Path.of(a.substring("--config=".length()));
            } else if (a.startsWith("--stdin-filename=")) {
                stdinName = a.substring("--stdin-filename=".length());
            } else if (a.equals("-")) {
                stdin = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                out.print(Main.USAGE);
                return 0;
            } else if (a.startsWith("-") && !a.equals("-")) {
                err.println("bibmark format: unknown option '" + a + "'");
                return 2;
            } else {
                paths.add(Path.of(a));
            }
        }
        if (stdin) {
            if (!paths.isEmpty()) {
                err.println("bibmark format: - (standard input) is formatted to standard output; give it alone");
                return 2;
            }
            return formatStdin(in, out, err, check, configFile, stdinName);
        }
        if (paths.isEmpty()) {
            err.println("bibmark format: no PATH given");
            err.print(Main.USAGE);
            return 2;
        }
        Config config;
        try {
            config = CheckCommand.loadConfig(configFile, paths, msg -> err.println("bibmark format: warning: " + msg));
        } catch (ConfigException e) {
            err.println("bibmark format: " + e.getMessage());
            return 2;
        }
        FileCollector.Result collected = FileCollector.collect(paths);
        boolean inputError = false;
        for (String e : collected.errors()) {
            err.println("bibmark format: " + e);
            inputError = true;
        }
        Path cwd = Path.of("").toAbsolutePath();
        FormatOptions opts = config.format();
        List<Outcome> outcomes = collected.files().parallelStream()
                .map(p -> format(p, CheckCommand.display(cwd, collected.shown(p)), opts))
                .toList();
        int changed = 0;
        for (Outcome o : outcomes) {
            o.notes().forEach(err::println);
            if (o.error() != null) {
                err.println("bibmark format: " + o.error());
                inputError = true;
                continue;
            }
            if (o.formatted().equals(o.text())) {
                continue;
            }
            if (!check) {
                try {
                    // In place, so the file keeps its permissions and links.
                    Files.write(o.path(), o.formatted().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.println("bibmark format: cannot write " + o.display() + ": " + dev.bibmark.workspace.FileCollector.reason(e));
                    inputError = true;
                    continue;
                }
            }
            changed++;
            out.println(o.display());
        }
        if (changed > 0) {
            err.println("bibmark format: " + changed + " of " + outcomes.size() + " files "
                    + (check ? "would be reformatted" : "reformatted"));
        }
        if (inputError) {
            return 2;
        }
        return check && changed > 0 ? 1 : 0;
    }

    /**
     * {@code format -}: standard input formatted to standard output (all of it, changed or not, as editors' format
     * commands expect); with {@code --check}, nothing is printed and the status says whether it would change.
     * {@code name} (--stdin-filename) chooses Markdown or .bib and where .bibmark.json is looked for.
     */
    private static int formatStdin(java.io.InputStream in, PrintStream out, PrintStream err, boolean check,
                                   Path configFile, String name) {
        Path named = null;
        try {
            named = name == null || name.isBlank() ? null : Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            err.println("bibmark format: --stdin-filename: " + e.getMessage());
            return 2;
        }
        Config config;
        try {
            config = CheckCommand.loadConfig(configFile, named == null ? List.of() : List.of(named));
        } catch (ConfigException e) {
            err.println("bibmark format: " + e.getMessage());
            return 2;
        }
        String text;
        try {
            text = strictUtf8(TextFiles.readAll(in, FileCollector.Limits.DEFAULT.maxFileBytes()));
        } catch (CharacterCodingException e) {
            err.println("bibmark format: standard input is not valid UTF-8 (left as it is)");
            return 2;
        } catch (IOException e) {
            err.println("bibmark format: cannot read standard input: " + e.getMessage());
            return 2;
        }
        String display = named == null ? "-" : CheckCommand.display(Path.of("").toAbsolutePath(), named);
        Document doc = named == null ? Documents.parse(display, text, true) : Documents.parse(display, text);
        Formatter.Result r = Formatter.run(doc, null, config.format());
        notes(display, doc, r).forEach(err::println);
        String formatted = Edit.apply(text, r.edits());
        if (check) {
            return formatted.equals(text) ? 0 : 1;
        }
        out.print(formatted);
        out.flush();
        return 0;
    }

    private static Outcome format(Path path, String display, FormatOptions opts) {
        String text;
        try {
            text = strictUtf8(TextFiles.readBytes(path));
        } catch (CharacterCodingException e) {
            return new Outcome(path, display, null, null, List.of(), "cannot format " + display
                    + ": not valid UTF-8 (left as it is)");
        } catch (IOException e) {
            return new Outcome(path, display, null, null, List.of(), "cannot read " + display + ": " + dev.bibmark.workspace.FileCollector.reason(e));
        }
        Document doc = Documents.parse(display, text);
        Formatter.Result r = Formatter.run(doc, null, opts);
        return new Outcome(path, display, text, Edit.apply(text, r.edits()), notes(display, doc, r), null);
    }

    /** Bytes as UTF-8, refusing malformed input: text that is not UTF-8 is left as it is, never rewritten. */
    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** One note per entry the formatter left as written ("path:line:col: note: …"). */
    private static List<String> notes(String display, Document doc, Formatter.Result r) {
        List<String> notes = new ArrayList<>();
        for (Formatter.Skipped s : r.skipped()) {
            int at = s.range().start();
            notes.add(display + ":" + (doc.lines().line(at) + 1) + ":" + (doc.lines().character(at) + 1)
                    + ": note: entry left as written (" + s.reason() + ")");
        }
        return notes;
    }
}
