package dev.bibmark.bench;

import dev.bibmark.checks.Checker;
import dev.bibmark.checks.CrossDocument;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the server does for one keystroke inside a title, without the protocol: the incremental edit, the
 * per-document checks of the edited section, and the cross-document index. Each invocation types {@code x} or
 * deletes it again, moving through the list, so the text never drifts. {@code list}: one list of
 * {@code papers} papers; {@code bibFile}: the same papers as one .bib file; {@code workspace}: the same papers as
 * {@code files} files, one of them edited.
 */
public class KeystrokeBench {
    private static final Config CONFIG = Config.DEFAULT;
    private static final Consumer<String> LOG = m -> {
        throw new IllegalStateException(m);
    };

    /** One edited document and the state the server keeps for it. */
    static final class Edited {
        Document doc;
        List<Finding> raw;
        int[] sites;
        int next;
        boolean typed;

        Edited(Document doc) {
            this.doc = doc;
            this.raw = Checker.rawDocument(doc, CONFIG, LOG);
            List<Integer> at = new ArrayList<>();
            for (int i = doc.text().indexOf("title = {"); i >= 0; i = doc.text().indexOf("title = {", i + 1)) {
                at.add(i + "title = {".length());
            }
            sites = at.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Types or deletes one character and re-checks the document; the new snapshot. */
        Document keystroke() {
            int at = sites[next % sites.length];
            Document now = typed ? Documents.edit(doc, at, at + 1, "") : Documents.edit(doc, at, at, "x");
            if (typed) {
                next += 97; // another part of the list next time
            }
            typed = !typed;
            Document before = doc;
            List<Finding> nowRaw = Checker.rawDocumentAfterEdit(before, raw, now, CONFIG, LOG)
                    .orElseGet(() -> Checker.rawDocument(now, CONFIG, LOG));
            Checker.finishDocument(now, nowRaw, CONFIG);
            doc = now;
            raw = nowRaw;
            return now;
        }
    }

    /** One file of {@code papers} papers, edited, and its cross-document index. */
    @State(Scope.Benchmark)
    public abstract static class OneFile {
        @Param("10000")
        public int papers;
        Edited edited;
        CrossDocument cross;

        void open(String format) {
            edited = new Edited(Documents.parse("papers." + format, Inputs.papers(papers, format)));
            cross = new CrossDocument(LOG);
            cross.update(List.of(edited.doc), CONFIG);
        }
    }

    @State(Scope.Benchmark)
    public static class OneList extends OneFile {
        @Setup(Level.Trial)
        public void setUp() {
            open("md");
        }
    }

    /** The same papers as one .bib file: a keystroke re-parses one entry and re-checks it. */
    @State(Scope.Benchmark)
    public static class OneBib extends OneFile {
        @Setup(Level.Trial)
        public void setUp() {
            open("bib");
        }
    }

    @State(Scope.Benchmark)
    public static class Workspace {
        @Param("50000")
        public int papers;
        @Param("1000")
        public int files;
        List<Document> docs;
        Edited edited;
        CrossDocument cross;

        @Setup(Level.Trial)
        public void setUp() {
            String text = Inputs.papers(papers, "md");
            // gen_papers writes one list; cut it at paper headings into files of papers/files papers.
            String[] parts = text.split("(?m)(?=^#### )");
            int per = Math.max(1, (parts.length - 1) / files);
            docs = new ArrayList<>();
            StringBuilder sb = new StringBuilder(parts[0]);
            int inFile = 0;
            for (int i = 1; i < parts.length; i++) {
                sb.append(parts[i]);
                if (++inFile == per) {
                    docs.add(Documents.parse(String.format("list-%04d.md", docs.size()), sb.toString()));
                    sb.setLength(0);
                    inFile = 0;
                }
            }
            if (sb.length() > 0) {
                docs.add(Documents.parse(String.format("list-%04d.md", docs.size()), sb.toString()));
            }
            edited = new Edited(docs.get(0));
            cross = new CrossDocument(LOG);
            cross.update(docs, CONFIG);
            edited.keystroke();
            docs.set(0, edited.doc);
            cross.update(docs, CONFIG); // builds the index
        }
    }

    @Benchmark
    public List<Finding> list(OneList s) {
        s.edited.keystroke();
        return s.cross.update(List.of(s.edited.doc), CONFIG);
    }

    @Benchmark
    public List<Finding> bibFile(OneBib s) {
        s.edited.keystroke();
        return s.cross.update(List.of(s.edited.doc), CONFIG);
    }

    @Benchmark
    public List<Finding> workspace(Workspace s) {
        s.docs.set(0, s.edited.keystroke());
        return s.cross.update(s.docs, CONFIG);
    }
}
