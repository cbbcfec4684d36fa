package dev.bibmark.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCollectorTest {
    @TempDir
    Path root;

    private Path write(String relative, String content) throws IOException {
        return TreeFixture.write(root, relative, content);
    }

    private List<String> relativeFiles(FileCollector.Result result) throws IOException {
        return TreeFixture.relative(root, result);
    }

    @Test
    void walksFolderForMarkdownAndBib() throws IOException {
        write("a.md", "");
        write("b.MARKDOWN", "");
        write("sub/c.bib", "");
        write("sub/deeper/d.Md", "");
        write("notes.txt", "");
        write("refs.bibx", "");
        write("paper.qmd", "");
        write("analysis.Rmd", "");
        write("script.R", "");
        FileCollector.Result r = FileCollector.collect(List.of(root));
        assertEquals(List.of("a.md", "analysis.Rmd", "b.MARKDOWN", "paper.qmd", "sub/c.bib", "sub/deeper/d.Md"), relativeFiles(r));
        assertEquals(List.of(), r.errors());
    }

    /** A single file (a watcher's event) is taken exactly when the folder walk would take it. */
    @Test
    void wouldCollectAgreesWithTheWalk() throws IOException {
        write(".gitignore", "ignored/\n*.tmp.md\n");
        write("sub/.gitignore", "local.md\n");
        List<String> paths = List.of("ok.md", "sub/ok.bib", "sub/local.md", "ignored/x.md", "x.tmp.md", ".hidden/y.md",
                "node_modules/p/readme.md", "target/t.md", "deep/er/z.QMD", "notes.txt");
        for (String p : paths) {
            write(p, "");
        }
        List<String> walked = relativeFiles(FileCollector.collect(List.of(root)));
        for (String p : paths) {
            assertEquals(walked.contains(p), FileCollector.wouldCollect(root, root.resolve(p)), p);
        }
        assertEquals(List.of("deep/er/z.QMD", "ok.md", "sub/ok.bib"), walked);
        assertFalse(FileCollector.wouldCollect(root, root.getParent().resolve("elsewhere.md")));
    }

    @Test
    void skipsToolAndHiddenFolders() throws IOException {
        write("ok.md", "");
        write(".git/x.md", "");
        write("node_modules/pkg/readme.md", "");
        write("target/out.md", "");
        write(".hidden/y.md", "");
        assertEquals(List.of("ok.md"), relativeFiles(FileCollector.collect(List.of(root))));
    }

    @Test
    void explicitFileTakenWithAnyExtension() throws IOException {
        Path txt = write("list.txt", "");
        FileCollector.Result r = FileCollector.collect(List.of(txt));
        assertEquals(List.of(txt.toRealPath()), r.files());
    }

    @Test
    void missingFileIsAnError() {
        Path missing = root.resolve("nope.md");
        FileCollector.Result r = FileCollector.collect(List.of(missing));
        assertEquals(List.of(), r.files());
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).startsWith("cannot read " + missing + ": "), r.errors().get(0));
    }

    @Test
    void deduplicatesAndSorts() throws IOException {
        Path b = write("b.md", "");
        write("a.md", "");
        FileCollector.Result r = FileCollector.collect(List.of(b, root, root.resolve("./b.md")));
        assertEquals(List.of("a.md", "b.md"), relativeFiles(r));
    }

    @Test
    void obeysGitignore() throws IOException {
        write(".gitignore", "# generated\ndrafts/\n*.bib\n!keep.bib\n/top.md\n");
        write("top.md", "");
        write("sub/top.md", "");
        write("drafts/x.md", "");
        write("refs.bib", "");
        write("keep.bib", "");
        write("sub/keep.bib", "");
        write("sub/.gitignore", "*.md\n!wanted.md\n");
        write("sub/other.md", "");
        write("sub/wanted.md", "");
        write("sub/deep/z.md", "");
        FileCollector.Result r = FileCollector.collect(List.of(root));
        assertEquals(List.of("keep.bib", "sub/keep.bib", "sub/wanted.md"), relativeFiles(r));
    }

    @Test
    void nestedGitignoreOnlyAppliesBelowItsFolder() throws IOException {
        write("a/.gitignore", "x.md\n");
        write("a/x.md", "");
        write("b/x.md", "");
        assertEquals(List.of("b/x.md"), relativeFiles(FileCollector.collect(List.of(root))));
    }
}
