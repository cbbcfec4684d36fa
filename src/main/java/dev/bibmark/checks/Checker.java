package dev.bibmark.checks;

import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs every check, applies the configured severities and the in-source suppressions, and sorts
 * the findings by path then position. A check that throws is logged and skipped.
 */
public final class Checker {
    /** Per-document checks, in reporting order. */
    public static final List<DocumentCheck> DOCUMENT_CHECKS = List.of(
            new SyntaxCheck(), new InvalidKeyCheck(), new UnknownEntryTypeCheck(), new DuplicateFieldCheck(),
            new MissingFieldCheck(), new EmptyFieldCheck(), new UndefinedStringCheck(), new TitleMismatchCheck(),
            new LinkMismatchCheck(), new MissingCitationCheck(), new InvalidStatusCheck(), new KeyConventionCheck());

    /** Cross-document checks. */
    public static final List<WorkspaceCheck> WORKSPACE_CHECKS = List.of(
            new DuplicateKeyCheck(), new DuplicateEntryCheck());

    /** Findings by path, then position, then code: the order every report uses. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparingInt(f -> f.range().start())
            .thenComparingInt(f -> f.range().end())
            .thenComparing(Finding::code);

    private static final Consumer<String> STDERR = System.err::println;

    private Checker() {}

    public static List<Finding> run(List<Document> docs, Config config) {
        return run(docs, config, STDERR);
    }

    /** Every check over the documents; {@code log} receives a line for each check that failed. */
    public static List<Finding> run(List<Document> docs, Config config, Consumer<String> log) {
        List<Finding> out = new ArrayList<>();
        for (Document d : docs) {
            out.addAll(runDocument(d, config, DOCUMENT_CHECKS, log));
        }
        out.addAll(runWorkspace(docs, config, WORKSPACE_CHECKS, log));
        out.sort(ORDER);
        return out;
    }

    public static List<Finding> runDocument(Document doc, Config config) {
        return runDocument(doc, config, STDERR);
    }

    public static List<Finding> runDocument(Document doc, Config config, Consumer<String> log) {
        return runDocument(doc, config, DOCUMENT_CHECKS, log);
    }

    /** The given per-document checks (exposed so tests can inject failing checks). */
    public static List<Finding> runDocument(Document doc, Config config, List<DocumentCheck> checks,
                                            Consumer<String> log) {
        List<Finding> raw = new ArrayList<>();
        for (DocumentCheck c : checks) {
            if (config.severityOf(c.code()).isEmpty()) {
                continue;
            }
            try {
                raw.addAll(c.check(doc, config));
            } catch (RuntimeException | StackOverflowError e) {
                log.accept("check " + c.code().id() + " failed on " + doc.path() + ": " + e);
            }
        }
        List<Finding> out = new ArrayList<>(Suppressions.of(doc).filter(applySeverity(raw, config)));
        out.sort(ORDER);
        return out;
    }

    public static List<Finding> runWorkspace(List<Document> docs, Config config) {
        return runWorkspace(docs, config, STDERR);
    }

    public static List<Finding> runWorkspace(List<Document> docs, Config config, Consumer<String> log) {
        return runWorkspace(docs, config, WORKSPACE_CHECKS, log);
    }

    /** The given cross-document checks (exposed so tests can inject failing checks). */
    public static List<Finding> runWorkspace(List<Document> docs, Config config, List<WorkspaceCheck> checks,
                                             Consumer<String> log) {
        List<Finding> raw = new ArrayList<>();
        for (WorkspaceCheck c : checks) {
            if (config.severityOf(c.code()).isEmpty()) {
                continue;
            }
            try {
                raw.addAll(c.check(docs, config));
            } catch (RuntimeException | StackOverflowError e) {
                log.accept("check " + c.code().id() + " failed: " + e);
            }
        }
        Map<String, Suppressions> byPath = new HashMap<>();
        for (Document d : docs) {
            byPath.putIfAbsent(d.path(), Suppressions.of(d));
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : applySeverity(raw, config)) {
            Suppressions s = byPath.get(f.path());
            if (s == null || !s.isSuppressed(f)) {
                out.add(f);
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static List<Finding> applySeverity(List<Finding> findings, Config config) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Optional<Severity> s = config.severityOf(f.code());
            if (s.isPresent()) {
                out.add(s.get() == f.severity() ? f
                        : new Finding(f.path(), f.code(), s.get(), f.range(), f.message(), f.related()));
            }
        }
        return out;
    }
}
