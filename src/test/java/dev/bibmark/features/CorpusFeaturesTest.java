package dev.bibmark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The navigation features over the real lists of ../shared/corpus (skipped when it is absent). */
class CorpusFeaturesTest {
    private static final Path CORPUS = Path.of("../shared/corpus").toAbsolutePath().normalize();
    private static List<Document> docs;

    @BeforeAll
    static void load() throws IOException {
        docs = new ArrayList<>();
        if (!Files.isDirectory(CORPUS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md") && !f.endsWith("README.md")).sorted().toList()) {
                docs.add(Documents.parse(CORPUS.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void outlinesNestAndEveryEntryIsAPaperOrAnEntrySymbol() {
        assumeTrue(!docs.isEmpty(), "no corpus");
        Document theory = docs.stream().filter(d -> d.path().equals("theory-dl.md")).findFirst().orElseThrow();
        int papers = 0;
        for (Document d : docs) {
            List<Symbols.Symbol> roots = Symbols.documentSymbols(d);
            assertNested(d, roots, null);
            if (d == theory) {
                papers = countPapers(roots);
            }
        }
        // 22 entries under their own headings, plus the textbook heading with a tag but no block.
        assertEquals(23, papers);
    }

    private static int countPapers(List<Symbols.Symbol> symbols) {
        int n = 0;
        for (Symbols.Symbol s : symbols) {
            n += (s.kind() == Symbols.Kind.PAPER ? 1 : 0) + countPapers(s.children());
        }
        return n;
    }

    private static void assertNested(Document d, List<Symbols.Symbol> symbols, Symbols.Symbol parent) {
        int prevEnd = -1;
        for (Symbols.Symbol s : symbols) {
            String where = d.path() + " " + s.name();
            assertTrue(s.range().start() <= s.selection().start() && s.selection().end() <= s.range().end(), where);
            assertTrue(s.range().end() <= d.text().length(), where);
            assertTrue(s.range().start() >= prevEnd, "siblings overlap: " + where);
            prevEnd = s.range().end();
            if (parent != null) {
                assertTrue(parent.range().start() <= s.range().start() && s.range().end() <= parent.range().end(), where);
            }
            assertFalse(s.name().isBlank(), where);
            assertNested(d, s.children(), s);
        }
    }

    @Test
    void everyEntryIsFoundByItsKeyAndEveryArxivJournalIsLinked() {
        assumeTrue(!docs.isEmpty(), "no corpus");
        for (Document d : docs) {
            List<BibEntry> entries = d.entries();
            // A sample: each query scans the whole workspace.
            for (int i = 0; i < entries.size(); i += 7) {
                BibEntry e = entries.get(i);
                List<Symbols.WorkspaceSymbol> hits = Symbols.workspaceSymbols(docs, e.key());
                assertTrue(hits.stream().anyMatch(h -> h.doc() == d && h.range().start() <= e.range().start()
                        && e.range().end() <= h.range().end()), d.path() + " " + e.key());
            }
            List<Links.DocLink> links = Links.of(d);
            for (Links.DocLink l : links) {
                assertTrue(l.target().matches("https?://\\S+"), l.target());
            }
            long arxivJournals = d.entries().stream().filter(e -> e.field("journal").map(f -> f.value() != null
                    && f.value().raw().matches("(?i).*arxiv:\\s*\\d{4}\\.\\d{4,5}.*")).orElse(false)).count();
            long arxivLinks = links.stream().filter(l -> l.target().startsWith("https://arxiv.org/abs/")).count();
            assertTrue(arxivLinks >= arxivJournals, d.path());
        }
    }

    @Test
    void renamingEachKeyAndBackRestoresTheWorkspace() {
        assumeTrue(!docs.isEmpty(), "no corpus");
        int renamed = 0;
        for (Document d : docs.subList(0, Math.min(5, docs.size()))) {
            for (BibEntry e : d.entries()) {
                Rename.Result there = Rename.rename(docs, d, e.keyRange().start(), e.key() + "Renamed");
                if (!there.ok()) {
                    // Only a key already taken in another spelling may be refused.
                    assertTrue(there.error().contains("already used"), there.error());
                    continue;
                }
                List<Document> after = applyAll(docs, there.edits());
                Document moved = after.get(docs.indexOf(d));
                Rename.Result back = Rename.rename(after, moved, e.keyRange().start(), e.key());
                assertTrue(back.ok(), back.error());
                List<Document> restored = applyAll(after, back.edits());
                for (int i = 0; i < docs.size(); i++) {
                    assertEquals(docs.get(i).text(), restored.get(i).text(), docs.get(i).path());
                }
                renamed++;
            }
        }
        assertTrue(renamed > 20, "renamed " + renamed);
    }

    private static List<Document> applyAll(List<Document> ws, Map<String, List<Edit>> edits) {
        List<Document> out = new ArrayList<>();
        for (Document d : ws) {
            List<Edit> es = edits.get(d.path());
            out.add(es == null ? d : Documents.parse(d.path(), Edit.apply(d.text(), es)));
        }
        return out;
    }
}
