package dev.bibmark.fixes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.checks.Checker;
import dev.bibmark.checks.Finding;
import dev.bibmark.config.Config;
import dev.bibmark.format.FormatOptions;
import dev.bibmark.format.Formatter;
import dev.bibmark.model.Document;
import dev.bibmark.model.Documents;
import dev.bibmark.text.Edit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes what writes text: the formatter (never throws, idempotent, keeps every key, field name and value) and
 * the quick-fixes (every fix of every finding applies cleanly, never as a whole-document replacement, and the
 * result parses and checks without an internal error).
 */
class EditsFuzzTest {
    private static List<String> shape(Document d) {
        List<String> out = new ArrayList<>();
        for (BibEntry e : d.entries()) {
            StringBuilder sb = new StringBuilder(e.typeLower()).append('{').append(e.key());
            for (BibField f : e.fields()) {
                sb.append(',').append(f.nameLower()).append('=').append(f.value() == null ? null : f.value().resolve(Map.of()));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @FuzzTest
    void format(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (String path : new String[] {"f.md", "f.bib"}) {
            Document doc = Documents.parse(path, text);
            String once = Edit.apply(text, Formatter.format(doc, FormatOptions.DEFAULT));
            Document formatted = Documents.parse(path, once);
            if (doc.blocks().stream().allMatch(b -> b.bib().errors().isEmpty())) {
                assertEquals(shape(doc), shape(formatted), "formatting changed an entry");
            }
            String twice = Edit.apply(once, Formatter.format(formatted, FormatOptions.DEFAULT));
            assertEquals(once, twice, "formatting is not idempotent");
        }
    }

    @FuzzTest
    void fixes(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        // As a list and as a .bib file (whose quick-fixes work on the file's blocks as one).
        for (String path : new String[] {"x.md", "x.bib"}) {
            Document doc = Documents.parse(path, text);
            List<Document> ws = List.of(doc);
            List<String> internal = new ArrayList<>();
            for (Finding f : Checker.run(ws, Config.DEFAULT, internal::add)) {
                for (Fix fix : QuickFixes.forFinding(doc, f, ws, Config.DEFAULT)) {
                    for (Map.Entry<String, List<Edit>> e : fix.edits().entrySet()) {
                        for (Edit edit : e.getValue()) {
                            assertTrue(text.isEmpty() || edit.range().length() < text.length() || text.length() < 2,
                                    "a fix replaced the whole document: " + fix.title());
                        }
                        String after = Edit.apply(text, e.getValue());
                        Checker.run(List.of(Documents.parse(path, after)), Config.DEFAULT, internal::add);
                    }
                }
            }
            assertEquals(List.of(), internal, "a check failed");
        }
    }
}
