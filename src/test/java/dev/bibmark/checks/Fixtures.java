package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.bibtex.StringDef;
import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.markdown.EmbeddedText;
import dev.bibmark.markdown.Fence;
import dev.bibmark.markdown.HtmlComment;
import dev.bibmark.markdown.MarkdownIndex;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.text.LineIndex;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds documents without the parser: every entry is written on one line as
 * {@code @type{key, name = value, ...}} and its AST gets the matching ranges. Values are written
 * as BibTeX parts ({@code {x}}, {@code "x"}, {@code 2020}, {@code macro}) joined by {@code " # "}.
 */
final class Fixtures {
    private Fixtures() {}

    /** An entry to write: type, key, then name/value pairs. */
    record E(String type, String key, String... kv) {}

    /** An {@code @string{name = value}}. */
    record S(String name, String value) {}

    static E e(String type, String key, String... kv) {
        return new E(type, key, kv);
    }

    static S s(String name, String value) {
        return new S(name, value);
    }

    static Doc bib(String path) {
        return new Doc(path, false);
    }

    static Doc md(String path) {
        return new Doc(path, true);
    }

    /** Document builder. */
    static final class Doc {
        private final String path;
        private final boolean markdown;
        private final StringBuilder text = new StringBuilder();
        private final List<Block> blocks = new ArrayList<>();
        private final List<HtmlComment> comments = new ArrayList<>();
        private final List<Fence> fences = new ArrayList<>();
        private final List<BibObject> bibObjects = new ArrayList<>();
        private final List<SyntaxError> bibErrors = new ArrayList<>();
        final List<BibEntry> entries = new ArrayList<>();

        Doc(String path, boolean markdown) {
            this.path = path;
            this.markdown = markdown;
        }

        /** A line of prose; an HTML comment on it is indexed. */
        Doc line(String s) {
            int at = text.length();
            int c = s.indexOf("<!--");
            if (c >= 0) {
                int end = s.indexOf("-->", c);
                comments.add(new HtmlComment(s.substring(c + 4, end).trim(), new TextRange(at + c, at + end + 3)));
            }
            text.append(s).append('\n');
            return this;
        }

        /** In a .bib document: objects on their own lines. */
        Doc add(Object... objects) {
            for (Object o : objects) {
                bibObjects.add(write(o));
            }
            return this;
        }

        Doc error(String message) {
            int at = text.length();
            text.append("@@@\n");
            bibErrors.add(new SyntaxError(SyntaxError.Kind.UNEXPECTED_CHARACTER, new TextRange(at, at + 3), message));
            return this;
        }

        /** In a Markdown document: a ```bibtex fence holding the objects. */
        Doc fence(Object... objects) {
            int start = text.length();
            text.append("```bibtex\n");
            List<BibObject> objs = new ArrayList<>();
            for (Object o : objects) {
                objs.add(write(o));
            }
            text.append("```");
            Fence f = new Fence(new TextRange(start, text.length()), "bibtex", EmbeddedText.identity(""), true);
            text.append('\n');
            fences.add(f);
            blocks.add(new Block(f, new BibFile(objs, List.of()), null));
            return this;
        }

        Document build() {
            List<Block> bl = new ArrayList<>(blocks);
            if (!markdown) {
                bl.add(new Block(null, new BibFile(bibObjects, bibErrors), null));
            }
            String t = text.toString();
            MarkdownIndex mi = markdown
                    ? new MarkdownIndex(List.of(), fences, List.of(), comments, List.of())
                    : MarkdownIndex.EMPTY;
            return new Document(path, t, LineIndex.of(t), markdown, mi, bl);
        }

        private BibObject write(Object o) {
            int at = text.length();
            if (o instanceof S s) {
                text.append("@string{");
                int n = text.length();
                text.append(s.name());
                TextRange nameRange = new TextRange(n, text.length());
                text.append(" = ");
                BibValue v = value(s.value());
                text.append("}");
                BibObject out = new StringDef(s.name(), nameRange, v, new TextRange(at, text.length()));
                text.append('\n');
                return out;
            }
            E e = (E) o;
            text.append('@');
            int t = text.length();
            text.append(e.type());
            TextRange typeRange = new TextRange(t, text.length());
            text.append('{');
            TextRange open = new TextRange(text.length() - 1, text.length());
            int k = text.length();
            text.append(e.key());
            TextRange keyRange = new TextRange(k, text.length());
            List<BibField> fields = new ArrayList<>();
            for (int i = 0; i + 1 < e.kv().length; i += 2) {
                text.append(", ");
                int f = text.length();
                text.append(e.kv()[i]);
                TextRange nameRange = new TextRange(f, text.length());
                text.append(" = ");
                BibValue v = value(e.kv()[i + 1]);
                fields.add(new BibField(e.kv()[i], nameRange, v, new TextRange(f, text.length())));
            }
            text.append('}');
            BibEntry entry = new BibEntry(e.type(), typeRange, e.key(), keyRange, fields,
                    new TextRange(at, text.length()), true, open);
            text.append('\n');
            entries.add(entry);
            return entry;
        }

        private BibValue value(String src) {
            int start = text.length();
            List<BibValue.Part> parts = new ArrayList<>();
            String[] pieces = src.split(" # ", -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    text.append(" # ");
                }
                String p = pieces[i];
                int s = text.length();
                text.append(p);
                TextRange r = new TextRange(s, text.length());
                if (p.startsWith("{")) {
                    parts.add(new BibValue.Braced(p.substring(1, p.length() - 1), r));
                } else if (p.startsWith("\"")) {
                    parts.add(new BibValue.Quoted(p.substring(1, p.length() - 1), r));
                } else if (!p.isEmpty() && p.chars().allMatch(Character::isDigit)) {
                    parts.add(new BibValue.Number(p, r));
                } else {
                    parts.add(new BibValue.Macro(p, r));
                }
            }
            return new BibValue(parts, new TextRange(start, text.length()));
        }
    }
}
