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
        err.println("bibmark lsp: the language server is not in this build yet; use 'bibmark check'");
        return 2;
    }
}
