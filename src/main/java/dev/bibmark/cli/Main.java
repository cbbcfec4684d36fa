package dev.bibmark.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Command-line entry point: {@code bibmark check|format|export|lsp|--version|--help}. */
public final class Main {
    static final String USAGE = """
            usage: bibmark <command> [options]

            commands:
              check [--format text|json|github] [--config FILE] [--fix [--dry-run]]
                    [--columns utf16|chars|bytes] [--stdin-filename NAME] PATH...
                    check Markdown paper lists and .bib files (folders are searched for
                    *.md, *.markdown, *.qmd, *.Rmd and *.bib, obeying .gitignore); --fix applies every
                    safe quick-fix to the files first, --dry-run prints them as a diff
                    instead of writing. PATH - reads standard input (Markdown, or .bib
                    when --stdin-filename NAME ends in .bib); NAME is how it is reported,
                    and it stands in for that file when a folder given also holds it;
                    --columns: what a text or github column counts (default utf16, as
                    in LSP and the JSON report; bytes for Vim's quickfix)
              format [--check] [--config FILE] PATH...
                    format the BibTeX entries of the same files in place (only bibtex
                    fences of Markdown files; style from the "format" settings of
                    .bibmark.json) and print the files that changed; with --check,
                    change nothing, print the files that would change and exit 1 if any.
                    format [--stdin-filename NAME] - formats standard input to stdout
              export [--out FILE] PATH...
                    write every entry of the files as one .bib (stdout by default):
                    @strings first, identical copies once, clashing keys made unique
              lsp [--stdio]
                    run the language server over stdin/stdout
              --version   print the version
              --help      print this help

            exit status: 0 no errors, 1 errors found (format --check: files would change),
                         2 bad usage, unreadable input, too little memory (BIBMARK_HEAP),
                           or an internal error
            """;

    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status;
        try {
            status = run(args, out, err);
        } catch (OutOfMemoryError e) {
            status = 2;
            outOfMemory(err);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours: say so in one line first, then give the trace for the report.
            status = 2;
            err.println("bibmark: internal error: " + e + " (a bug in bibmark: please report it, with the input if you can)");
            e.printStackTrace(err);
        }
        System.exit(status);
    }

    private static final String RAISE_HEAP =
            "Raise the heap with BIBMARK_HEAP, e.g. BIBMARK_HEAP=2g (about 1 GB per 100,000 entries checked at once).";

    /** Said when the heap runs out even for building the full message (it is allocated before any work). */
    private static final byte[] OUT_OF_MEMORY = ("bibmark: out of memory: the input is too large for the Java heap. "
            + RAISE_HEAP + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);

    /**
     * Tells the user the heap ran out. Parallel workers may still hold most of the heap when this runs, so it must
     * not itself fail: the message with the heap size is tried first, the one allocated at start-up is the fallback.
     */
    static void outOfMemory(PrintStream err) {
        try {
            err.println("bibmark: out of memory (Java heap " + dev.bibmark.util.Heap.maxMegabytes()
                    + " MB): the input is too large for it. " + RAISE_HEAP);
        } catch (OutOfMemoryError again) {
            err.write(OUT_OF_MEMORY, 0, OUT_OF_MEMORY.length);
            err.flush();
        }
    }

    /** Runs a command and returns the exit status (never calls System.exit; used by tests). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** {@link #run(String[], PrintStream, PrintStream)} with the standard input a {@code -} PATH reads. */
    public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "check":
                return CheckCommand.run(rest, in, out, err);
            case "format":
                return FormatCommand.run(rest, in, out, err);
            case "lsp":
                return LspCommand.run(rest, err);
            case "--cds-training":
                return CdsTraining.run(rest, err);
            case "export":
                return ExportCommand.run(rest, out, err);
            case "--version":
            case "-V":
            case "version":
                out.println("bibmark " + version());
                return 0;
            case "--help":
            case "-h":
            case "help":
                out.print(USAGE);
                return 0;
            default:
                err.println("bibmark: unknown command '" + args[0] + "'");
                err.print(USAGE);
                return 2;
        }
    }

    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
