package dev.bibmark.fixes;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.bibtex.StringDef;
import dev.bibmark.config.Config;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a fix computation sees: the document, the workspace and the keys already taken. Fix-all shares one
 * context across its fixes, so two generated keys never collide.
 */
final class Context {
    final Document doc;
    final List<Document> workspace;
    final Config config;
    /** Lower-case keys of every entry of the workspace and the document, plus keys generated so far. */
    final Set<String> taken;
    private final Map<String, Map<String, String>> macros = new HashMap<>();
    private final Map<String, List<dev.bibmark.checks.Finding>> findings = new HashMap<>();

    Context(Document doc, List<Document> workspace, Config config) {
        this(doc, workspace, config, null);
    }

    /** A context sharing {@code taken} with others (fix-all over several documents); null computes it. */
    Context(Document doc, List<Document> workspace, Config config, Set<String> taken) {
        this.doc = doc;
        this.config = config;
        List<Document> ws = new ArrayList<>(workspace == null ? List.of() : workspace);
        if (ws.stream().noneMatch(d -> d.path().equals(doc.path()))) {
            ws.add(doc);
        }
        this.workspace = ws;
        this.taken = taken != null ? taken : takenKeys(ws, doc);
    }

    /** Lower-case keys of every entry of the documents ({@code doc} in place of the one with its path). */
    static Set<String> takenKeys(List<Document> docs, Document doc) {
        Set<String> out = new HashSet<>();
        for (Document d : docs) {
            for (BibEntry e : doc != null && d.path().equals(doc.path()) ? doc.entries() : d.entries()) {
                out.add(e.key().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    String text() {
        return doc.text();
    }

    /** The workspace's document with that path (the context's own document for its path), or null. */
    Document document(String path) {
        if (path.equals(doc.path())) {
            return doc;
        }
        for (Document d : workspace) {
            if (d.path().equals(path)) {
                return d;
            }
        }
        return null;
    }

    /** The findings of a document's own checks, computed once per context. */
    List<dev.bibmark.checks.Finding> documentFindings(Document d) {
        return findings.computeIfAbsent(d.path(), p -> Twins.findings(d, this));
    }

    /** Generates a free key for the entry and reserves it. */
    String newKey(Document d, BibEntry e) {
        String key = Keys.generate(e, macros(d), taken);
        taken.add(key.toLowerCase(Locale.ROOT));
        return key;
    }

    /** {@code @string} values of a document, lower-case names, first definition wins. */
    Map<String, String> macros(Document d) {
        return macros.computeIfAbsent(d.path(), p -> {
            Map<String, String> out = new HashMap<>();
            for (Block b : d.blocks()) {
                for (StringDef s : b.bib().strings()) {
                    if (s.value() != null) {
                        out.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s.value().resolve(out));
                    }
                }
            }
            return out;
        });
    }

    /** An entry with its document. */
    record Located(Document doc, BibEntry entry) {}

    /**
     * The other entries of the workspace with the same key (ignoring case) and the same content as {@code e}: copies
     * of one entry listed in several sections. A fix that changes one copy must change them all, or the key would
     * name different entries ({@code duplicate-key}).
     */
    List<Located> twins(Document d, BibEntry e) {
        List<Located> out = new ArrayList<>();
        if (e.key().isEmpty()) {
            return out;
        }
        String content = content(d, e);
        for (Document o : workspace) {
            Document od = o.path().equals(doc.path()) ? doc : o;
            for (BibEntry x : od.entries()) {
                boolean self = od.path().equals(d.path()) && x.range().equals(e.range());
                if (!self && x.key().equalsIgnoreCase(e.key()) && content(od, x).equals(content)) {
                    out.add(new Located(od, x));
                }
            }
        }
        return out;
    }

    /** Type plus fields (lower-case names, first occurrence, whitespace-collapsed values): what duplicate-key compares. */
    String content(Document d, BibEntry e) {
        Map<String, String> fields = new java.util.TreeMap<>();
        for (dev.bibmark.bibtex.BibField f : e.fields()) {
            String v = f.value() == null ? "" : f.value().resolve(macros(d)).trim().replaceAll("\\s+", " ");
            fields.putIfAbsent(f.nameLower(), v);
        }
        return e.typeLower() + fields;
    }

    /** The block whose fence (or, in a .bib file, whose text) holds the offset, or null. */
    static Block blockAt(Document d, int offset) {
        if (!d.markdown()) {
            return d.fileBlock();
        }
        for (Block b : d.blocks()) {
            if (b.fence().range().touches(offset)) {
                return b;
            }
        }
        return null;
    }

    /** The entry whose range holds the offset (its end included), or null. */
    static BibEntry entryAt(Document d, int offset) {
        Block b = blockAt(d, offset);
        if (b == null) {
            return null;
        }
        for (BibObject o : b.bib().objects()) {
            if (o instanceof BibEntry e && e.range().touches(offset)) {
                return e;
            }
        }
        return null;
    }

    /** The object holding the offset, or null. */
    /**
     * The ranges of a document's objects that hold a syntax error (the error's own range where no object does):
     * parsed by recovery, so only fixes of their syntax may edit them (fix-all and the quick-fixes alike).
     */
    static List<dev.bibmark.text.TextRange> brokenRanges(Document d) {
        List<dev.bibmark.text.TextRange> out = new ArrayList<>();
        for (Block block : d.blocks()) {
            for (dev.bibmark.bibtex.SyntaxError err : block.bib().errors()) {
                BibObject o = objectAt(block, err.range().start());
                out.add(o != null ? o.range() : err.range());
            }
        }
        return out;
    }

    static BibObject objectAt(Block b, int offset) {
        for (BibObject o : b.bib().objects()) {
            if (o.range().touches(offset)) {
                return o;
            }
        }
        return null;
    }
}
