package dev.bibmark.cli;

import dev.bibmark.util.Strings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bibmark --cds-training DIR} (not in the usage: the launcher's {@code --create-cds-archive} runs it in the
 * JVM whose loaded classes make the class-data archive). It runs the command-line tools over the lists in
 * {@code DIR}, and over a generated list long enough to take their parallel paths, with the output thrown away,
 * writes {@code DIR/ready}, and then serves the language server on stdin/stdout, which the launcher drives through a
 * short session. One archive then holds the classes (and lambdas) of both modes: trained on the server alone, a
 * {@code check} loaded ~100 classes from the jar and spun its lambdas at start.
 */
final class CdsTraining {
    private CdsTraining() {}

    /** Papers in the generated list: past every "from this size on, in parallel" threshold of the pipeline. */
    static final int PAPERS = 1200;

    static int run(String[] args, PrintStream err) {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            err.println("bibmark --cds-training: needs one folder");
            return 2;
        }
        Path dir = Path.of(args[0]);
        try {
            Files.writeString(dir.resolve("generated.md"), list(PAPERS), StandardCharsets.UTF_8);
            Path bibDir = Files.createDirectories(dir.resolve("bib"));
            Files.writeString(bibDir.resolve("generated.bib"), bib(PAPERS), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("bibmark --cds-training: " + e.getMessage());
            return 2;
        }
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        String d = dir.toString();
        String out = dir.resolve("export.bib").toString();
        for (String[] command : new String[][] {
                {"check", d}, {"check", "--format", "json", d}, {"check", "--format", "github", d},
                {"check", "--fix", "--dry-run", d}, {"format", "--check", d}, {"export", "--out", out, d}}) {
            Main.run(command, nowhere, nowhere);
        }
        try {
            // The launcher starts the session once this exists (its messages rely on pauses between them).
            Files.writeString(dir.resolve("ready"), "");
        } catch (IOException e) {
            err.println("bibmark --cds-training: " + e.getMessage());
        }
        return LspCommand.run(new String[0], err);
    }

    /** A Markdown list of {@code n} papers with the usual defects: a missing comma, a duplicate key, a bad link. */
    static String list(int n) {
        StringBuilder sb = new StringBuilder("# Generated list\n\n");
        for (int i = 0; i < n; i++) {
            sb.append("## Paper number ").append(i).append(" about ").append(subject(i))
                    .append(" [`").append(i % 3 == 0 ? "READ" : "UNREAD").append("`]\n\n")
                    .append("paper link: [here](https://arxiv.org/abs/").append(2000 + i % 20).append('.')
                    .append(Strings.zeroPad(i, 5)).append(")\n\n")
                    .append("```bibtex\n").append(entry(i, i % 97 == 5)).append("```\n\n");
        }
        return sb.toString();
    }

    static String bib(int n) {
        StringBuilder sb = new StringBuilder("@string{jmlr = {Journal of Machine Learning Research}}\n\n");
        for (int i = 0; i < n; i++) {
            sb.append(entry(i, i % 89 == 3)).append('\n');
        }
        return sb.toString();
    }

    private static String entry(int i, boolean missingComma) {
        String key = i % 50 == 7 ? "smith2020dup" : "author" + i + "paper";
        return "@" + (i % 2 == 0 ? "article" : "inproceedings") + "{" + key + ",\n"
                + "  title = {Paper number " + i + " about " + subject(i) + "},\n"
                + "  author = {M{\\\"u}ller, Anna and Smith, Bob and "
                + (i % 5 == 0 ? "{\\L}ukasz Nowak" : "Zo\u00eb Lee") + "}" + (missingComma ? "\n" : ",\n")
                + (i % 2 == 0 ? "  journal = jmlr,\n" : "  booktitle = {Proceedings " + i + "},\n")
                + "  year = " + (2000 + i % 20) + ",\n"
                + "  doi = {10.1000/x" + i + "},\n"
                // Every 13th eprint differs from its paper link (a link-mismatch).
                + "  eprint = {" + (2000 + i % 20) + "." + Strings.zeroPad(i + (i % 13 == 0 ? 1 : 0), 5) + "},\n"
                + "}\n";
    }

    /** A plain title or one with LaTeX in it. */
    private static String subject(int i) {
        return i % 2 == 0 ? "graphs" : "{\\\"o}ptimization";
    }
}
