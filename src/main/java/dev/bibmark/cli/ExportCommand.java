package dev.bibmark.cli;

import dev.bibmark.export.BibExport;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bibmark export [--out FILE] PATH...}: every entry of the lists as one .bib, on stdout or in FILE.
 * The summary and the notes (renamed keys, rebuilt entries) go to stderr, so stdout stays pure BibTeX.
 */
final class ExportCommand {
    static final String USAGE = """
            usage: bibmark export [--out FILE] PATH...
                   writes every BibTeX entry of the Markdown lists and .bib files under PATH as one .bib
                   (@strings first, each entry once, in list order) to FILE or stdout
            exit status: 0 written, 2 bad usage or unreadable input
            """;

    private ExportCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path outFile = null;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--out") || a.equals("-o")) {
                if (i + 1 >= args.length) {
                    err.println("bibmark export: " + a + " needs a file");
                    return 2;
                }
                outFile = Path.of(args[++i]);
            } else if (a.startsWith("--out=")) {
                outFile = Path.of(a.substring("--out=".length()));
            } else if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            } else if (a.startsWith("-") && !a.equals("-")) {
                err.println("bibmark export: unknown option '" + a + "'");
                err.print(USAGE);
                return 2;
            } else {
                paths.add(Path.of(a));
            }
        }
        if (paths.isEmpty()) {
            err.println("bibmark export: no PATH given");
            err.print(USAGE);
            return 2;
        }
        FileCollector.Result collected = FileCollector.collect(paths);
        boolean inputError = false;
        for (String e : collected.errors()) {
            err.println("bibmark export: " + e);
            inputError = true;
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path outAbs = outFile == null ? null : outFile.toAbsolutePath().normalize();
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path p : collected.files()) {
            // Exporting into a folder that is also read must not read the previous export.
            if (outAbs != null && p.toAbsolutePath().normalize().equals(outAbs)) {
                continue;
            }
            try {
                texts.put(p, TextFiles.read(p));
            } catch (IOException e) {
                err.println("bibmark export: cannot read " + CheckCommand.display(cwd, collected.shown(p)) + ": " + dev.bibmark.workspace.FileCollector.reason(e));
                inputError = true;
            }
        }
        List<Document> docs = texts.entrySet().parallelStream()
                .map(e -> Documents.parse(CheckCommand.display(cwd, collected.shown(e.getKey())), e.getValue()))
                .toList();
        BibExport.Result result = BibExport.run(docs);
        for (BibExport.Note n : result.notes()) {
            err.println(n.path() + ":" + n.line() + ": note: " + n.message());
        }
        if (outFile == null) {
            out.print(result.text());
            out.flush();
        } else {
            try {
                Path parent = outAbs.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(outFile, result.text(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("bibmark export: cannot write " + outFile + ": " + dev.bibmark.workspace.FileCollector.reason(e));
                return 2;
            }
        }
        err.println("exported " + result.entries() + " entries and " + result.strings() + " @strings from "
                + docs.size() + " file" + (docs.size() == 1 ? "" : "s")
                + (result.duplicatesSkipped() > 0 ? " (" + result.duplicatesSkipped() + " identical copies written once)" : "")
                + (outFile != null ? " to " + outFile : ""));
        return inputError ? 2 : 0;
    }
}
