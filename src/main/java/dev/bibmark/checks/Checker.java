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
            new LinkMismatchCheck(), new MissingCitationCheck(), new InvalidStatusCheck(), new KeyConventionCheck(),
            new UnmarkedBibtexCheck());

    /** Cross-document checks. */
    public static final List<WorkspaceCheck> WORKSPACE_CHECKS = List.of(
            new DuplicateKeyCheck(), new DuplicateEntryCheck(), new UndefinedCitationCheck());

    /** Findings by path, then position, then code: the order every report uses. */
    public static final Comparator<Finding> ORDER = Checker::compare;

    /**
     * {@link #ORDER} written out: the server sorts every finding of the workspace on each publish (45,000 at a million
     * entries), and a document's findings share one path string, which is then not compared character by character.
     */
    private static int compare(Finding a, Finding b) {
        if (a.path() != b.path()) {
            int c = a.path().compareTo(b.path());
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(a.range().start(), b.range().start());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.range().end(), b.range().end());
        return c != 0 ? c : a.code().compareTo(b.code());
    }

    private static final Consumer<String> STDERR = System.err::println;

    private Checker() {}

    public static List<Finding> run(List<Document> docs, Config config) {
        return run(docs, config, STDERR);
    }

    /** Every check over the documents; {@code log} receives a line for each check that failed. */
    public static List<Finding> run(List<Document> docs, Config config, Consumer<String> log) {
        if (config.severityOf(Code.DUPLICATE_KEY).isPresent() || config.severityOf(Code.DUPLICATE_ENTRY).isPresent()) {
            EntryRef.prepare(docs);
        }
        // Independent parts run on every core: each document's checks and the cross-document checks.
        List<java.util.function.Supplier<List<Finding>>> parts = new ArrayList<>();
        parts.add(() -> runWorkspace(docs, config, WORKSPACE_CHECKS, log));
        for (Document d : docs) {
            parts.add(() -> runDocument(d, config, DOCUMENT_CHECKS, log));
        }
        List<Finding> out = new ArrayList<>(parts.parallelStream().flatMap(p -> p.get().stream()).toList());
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
        return finishDocument(doc, rawDocument(doc, config, checks, log), config);
    }

    /** What the per-document checks report before severities and suppressions are applied. */
    public static List<Finding> rawDocument(Document doc, Config config, Consumer<String> log) {
        return rawDocument(doc, config, DOCUMENT_CHECKS, log);
    }

    private static List<Finding> rawDocument(Document doc, Config config, List<DocumentCheck> checks,
                                             Consumer<String> log) {
        List<DocumentCheck> enabled = checks.stream().filter(c -> config.severityOf(c.code()).isPresent()).toList();
        // A long document runs its checks on every core; the findings keep the order of the checks.
        return new ArrayList<>((doc.text().length() >= PARALLEL_CHARS ? enabled.parallelStream() : enabled.stream())
                .flatMap(c -> {
                    try {
                        return c.check(doc, config).stream();
                    } catch (RuntimeException | StackOverflowError e) {
                        log.accept("check " + c.code().id() + " failed on " + doc.path() + ": " + e);
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList());
    }

    /** From this document length on, its checks run in parallel. */
    static final int PARALLEL_CHARS = 200_000;

    /** Severities and the document's suppressions applied to raw findings, sorted. */
    public static List<Finding> finishDocument(Document doc, List<Finding> raw, Config config) {
        List<Finding> out = new ArrayList<>(Suppressions.of(doc).filter(applySeverity(raw, config)));
        out.sort(ORDER);
        return out;
    }

    /**
     * The raw per-document findings of {@code now}, made from those of {@code before} when {@code now} was
     * edited from it inside one block ({@link dev.bibmark.model.Documents#lastEdit}): findings outside that
     * block's section are kept (moved by the edit), the section is checked again. Equal to
     * {@link #rawDocument} of {@code now} as a set (a property test checks that); empty when the shortcut does not
     * apply (another kind of edit, an edit of a block with {@code @string}s, which reach across blocks, or
     * key-convention, which looks at every key of the document), and the caller runs the checks in full. The
     * section sees the whole document's {@code @string}s ({@link CheckSupport#inheritStrings}).
     */
    public static java.util.Optional<List<Finding>> rawDocumentAfterEdit(Document before, List<Finding> rawBefore,
                                                                        Document now, Config config,
                                                                        Consumer<String> log) {
        java.util.Optional<dev.bibmark.model.EditInfo> edit = dev.bibmark.model.Documents.lastEdit(now);
        if (edit.isEmpty() || config.severityOf(Code.KEY_CONVENTION).isPresent()
                || before.blocks().size() != now.blocks().size()) {
            return java.util.Optional.empty();
        }
        dev.bibmark.model.EditInfo e = edit.get();
        // An edit of a block with @strings changes what every later entry's values mean: all is checked again.
        if (e.block() >= now.blocks().size() || before.blocks().get(e.block()).hasStrings()
                || now.blocks().get(e.block()).hasStrings()) {
            return java.util.Optional.empty();
        }
        dev.bibmark.model.Block block = now.blocks().get(e.block());
        int start;
        int end = now.text().length();
        if (now.markdown()) {
            start = block.paper() == null ? 0 : block.paper().heading().range().start();
            for (dev.bibmark.markdown.Heading h : now.markdownIndex().headings()) {
                if (h.range().start() > block.fence().range().start()) {
                    end = h.range().start();
                    break;
                }
            }
        } else {
            // A .bib file's section is its block: after its object's '@' (the first block: from the start of the
            // text) up to and with the next object's '@', where the checks' findings about it all lie (an error
            // found at the next '@', "expected a value but found '@'", is this object's: see Document#blocks).
            start = e.block() == 0 ? 0 : block.objectStart();
            if (e.block() + 1 < now.blocks().size()) {
                end = now.blocks().get(e.block() + 1).objectStart();
            }
        }
        if (start > e.start() || start < 0 || end < 0) {
            return java.util.Optional.empty();
        }
        int endBefore = end - e.delta();
        // A section that runs to the end of the text also owns a finding at the very end (an entry left open there).
        boolean toEnd = end == now.text().length();
        List<Finding> out = new ArrayList<>();
        boolean bib = !now.markdown();
        for (Finding f : rawBefore) {
            int at = f.range().start();
            boolean inSection = bib ? (at > start || e.block() == 0) && (toEnd || at <= endBefore)
                    : at >= start && (toEnd || at < endBefore);
            if (inSection) {
                continue;
            }
            out.add(shift(f, e, before.path()));
        }
        Document section = view(now, start, end);
        if (hasStrings(now)) {
            CheckSupport.inheritStrings(section, now, start);
        }
        out.addAll(rawDocument(section, config, log));
        return java.util.Optional.of(out);
    }

    private static boolean hasStrings(Document d) {
        for (dev.bibmark.model.Block b : d.blocks()) {
            if (b.hasStrings()) {
                return true;
            }
        }
        return false;
    }

    private static dev.bibmark.text.TextRange shift(dev.bibmark.text.TextRange r, dev.bibmark.model.EditInfo e) {
        return r.start() >= e.end() ? new dev.bibmark.text.TextRange(r.start() + e.delta(), r.end() + e.delta()) : r;
    }

    private static Finding shift(Finding f, dev.bibmark.model.EditInfo e, String path) {
        List<Finding.Related> related = new ArrayList<>();
        for (Finding.Related r : f.related()) {
            related.add(r.path().equals(path) ? new Finding.Related(r.path(), shift(r.range(), e), r.message()) : r);
        }
        return new Finding(f.path(), f.code(), f.severity(), shift(f.range(), e), f.message(), List.copyOf(related));
    }

    /** The part of a document in {@code [start, end)}: its headings, links, comments, citations and blocks. */
    private static Document view(Document d, int start, int end) {
        if (!d.markdown()) {
            List<dev.bibmark.model.Block> blocks = d.blocks().stream().filter(b -> {
                int at = b.objectStart();
                return at >= start && at < end;
            }).toList();
            return new Document(d.path(), d.text(), d.lines(), false, d.markdownIndex(), blocks);
        }
        dev.bibmark.markdown.MarkdownIndex md = d.markdownIndex();
        java.util.function.Predicate<dev.bibmark.text.TextRange> in = r -> r.start() >= start && r.start() < end;
        dev.bibmark.markdown.MarkdownIndex part = new dev.bibmark.markdown.MarkdownIndex(
                md.headings().stream().filter(h -> in.test(h.range())).toList(),
                md.fences().stream().filter(f -> in.test(f.range())).toList(),
                md.links().stream().filter(l -> in.test(l.range())).toList(),
                md.comments().stream().filter(c -> in.test(c.range())).toList(),
                md.citations().stream().filter(c -> in.test(c.keyRange())).toList(),
                md.unmarkedBibtex().stream().filter(c -> in.test(c.range())).toList());
        List<dev.bibmark.model.Block> blocks = d.blocks().stream().filter(b -> in.test(b.fence().range())).toList();
        return new Document(d.path(), d.text(), d.lines(), d.markdown(), part, blocks);
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
        return finishWorkspace(docs, raw, config);
    }

    /** Severities and each document's suppressions applied to raw cross-document findings, sorted. */
    static List<Finding> finishWorkspace(List<Document> docs, List<Finding> raw, Config config) {
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
