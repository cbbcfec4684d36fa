package dev.bibmark.cli;

import java.io.PrintStream;

/** {@code bibmark lsp}: the language server over stdio. */
final class LspCommand {
    private LspCommand() {}

    static int run(String[] args, PrintStream err) {
        for (String a : args) {
            if (!a.equals("--stdio")) {
                err.println("bibmark lsp: unknown option '" + a + "' (only --stdio is accepted)");
                return 2;
            }
        }
        try {
            dev.bibmark.lsp.BibmarkServer.serve(System.in, System.out);
        } catch (Exception e) {
            err.println("bibmark lsp: " + e);
            return 1;
        }
        // The client closed the stream without shutdown/exit: the spec asks for exit code 1.
        return 1;
    }
}
