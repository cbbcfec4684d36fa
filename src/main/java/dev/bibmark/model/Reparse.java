package dev.bibmark.model;

import dev.bibmark.bibtex.BibComment;
import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.bibtex.BibParser;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.bibtex.Include;
import dev.bibmark.bibtex.Preamble;
import dev.bibmark.bibtex.StringDef;
import dev.bibmark.bibtex.SyntaxError;
import dev.bibmark.markdown.Citation;
import dev.bibmark.markdown.CodeBlock;
import dev.bibmark.markdown.EmbeddedText;
import dev.bibmark.markdown.Fence;
import dev.bibmark.markdown.FrontMatter;
import dev.bibmark.markdown.Heading;
import dev.bibmark.markdown.HtmlComment;
import dev.bibmark.markdown.Link;
import dev.bibmark.markdown.MarkdownIndex;
import dev.bibmark.text.LineIndex;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incremental re-parsing: an edit inside the content of one top-level, closed bibtex fence that cannot change the
 * Markdown structure (it adds or removes no fence character) re-parses only that block; everything after it is
 * shifted, everything before it is reused. The result equals {@link Documents#parse} of the new text (a property
 * test checks that over random edits); any other edit falls back to the full parse.
 */
final class Reparse {
    private Reparse() {}

    static Optional<Document> tryEdit(Document old, int start, int end, String replacement, String newText) {
        // CommonMark turns U+0000 into U+FFFD in a fence's literal, which the fast path (raw text) would not do.
        if (!old.markdown() || hasFenceChar(replacement) || replacement.indexOf('\r') >= 0 || replacement.indexOf('\0') >= 0
                || hasFenceChar(old.text(), start, end)) {
            return Optional.empty();
        }
        if (touchesFenceLikeLine(newText, start, start + replacement.length())) {
            return Optional.empty();
        }
        // A document that opens with "---" may have YAML front matter, which the Markdown reader skips; its closing
        // line may be anywhere below, inside a fence too, so an edit there can open or close it (found by fuzzing).
        if (FrontMatter.end(old.text()) != FrontMatter.end(newText)) {
            return Optional.empty();
        }
        List<Block> blocks = old.blocks();
        if (blocks.size() != old.markdownIndex().fences().size()) {
            return Optional.empty();
        }
        // Only the last fence starting before the edit can hold it (fences are in document order and do not overlap):
        // found by binary search, not by asking every block of a long list.
        int index = dev.bibmark.text.Sorted.firstAtOrAfter(old.markdownIndex().fences(), start, Fence::range) - 1;
        if (index < 0 || !editable(old, blocks.get(index).fence(), start, end)) {
            return Optional.empty();
        }
        int delta = replacement.length() - (end - start);
        LineIndex lines = LineIndex.edited(old.lines(), old.text(), start, end, replacement, newText);
        Fence oldFence = blocks.get(index).fence();
        Shift s = new Shift(end, delta);
        TextRange fenceRange = new TextRange(oldFence.range().start(), oldFence.range().end() + delta);
        int openLine = lines.line(fenceRange.start());
        int closeLine = lines.line(fenceRange.end());
        EmbeddedText content = content(newText, lines, openLine, closeLine);
        Fence fence = new Fence(fenceRange, oldFence.language(), content, true);

        MarkdownIndex md = old.markdownIndex();
        // One block per fence, in the same order: block i and fence i share one Fence object.
        List<Fence> fences = new ArrayList<>(md.fences().size());
        for (int i = 0; i < blocks.size(); i++) {
            fences.add(i < index ? blocks.get(i).fence() : i == index ? fence : s.fence(blocks.get(i).fence()));
        }
        MarkdownIndex index2 = new MarkdownIndex(s.list(md.headings(), s::heading), fences, s.list(md.links(), s::link),
                s.list(md.comments(), s::comment), s.list(md.citations(), s::citation),
                s.list(md.unmarkedBibtex(), s::codeBlock));
        List<Block> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (i < index) {
                Paper p = b.paper() == null ? null : s.paper(b.paper());
                out.add(p == b.paper() ? b : new Block(b.fence(), b.bib(), p));
            } else if (i == index) {
                out.add(new Block(fence, BibParser.parse(content), b.paper() == null ? null : s.paper(b.paper())));
            } else {
                // Below the edit a block only moves: its syntax tree is translated when (and if) it is used.
                out.add(b.moved(fences.get(i), b.paper() == null ? null : s.paper(b.paper()), delta));
            }
        }
        Document doc = new Document(old.path(), newText, lines, true, index2, List.copyOf(out));
        EditInfo info = new EditInfo(index, start, end, delta);
        doc.derived(EditInfo.class, d -> info);
        return Optional.of(doc);
    }

    /**
     * Whether a line touched by the edit now starts (after blanks) with a fence run: an edit without fence characters
     * can still make one, by joining backticks around it or removing the indentation that kept a run from closing.
     */
    private static boolean touchesFenceLikeLine(String text, int from, int to) {
        int a = from;
        while (a > 0 && text.charAt(a - 1) != '\n' && text.charAt(a - 1) != '\r') {
            a--;
        }
        int n = text.length();
        for (int i = a; i <= to && i < n; ) {
            int j = i;
            while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (text.startsWith("```", j) || text.startsWith("~~~", j)) {
                return true;
            }
            while (j < n && text.charAt(j) != '\n' && text.charAt(j) != '\r') {
                j++;
            }
            i = j + 1;
        }
        return false;
    }

    private static boolean hasFenceChar(CharSequence s) {
        return hasFenceChar(s, 0, s.length());
    }

    private static boolean hasFenceChar(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '`' || c == '~') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the edit lies inside the content lines of a closed fence that starts a line without indentation and
     * whose content lines map one to one onto document lines (no container prefix).
     */
    private static boolean editable(Document old, Fence f, int start, int end) {
        if (f == null || !f.closed()) {
            return false;
        }
        LineIndex li = old.lines();
        int open = li.line(f.range().start());
        int close = li.line(f.range().end());
        if (li.lineStart(open) != f.range().start() || close <= open + 1) {
            return false;
        }
        // An indented fence strips up to its indentation from every content line, which the fast path does not do.
        char first0 = old.text().charAt(f.range().start());
        if (first0 != '`' && first0 != '~') {
            return false;
        }
        int first = li.lineStart(open + 1);
        int closeStart = li.lineStart(close);
        // The edit must stay strictly inside the content: not touching the line break before the closing fence.
        if (start < first || end > closeStart - 1 || end < start) {
            return false;
        }
        if (old.text().charAt(closeStart - 1) != '\n' || old.text().charAt(closeStart - 2) == '\r') {
            return false; // keep CRLF and CR documents on the full path
        }
        String text = old.text();
        for (int i = first; i < closeStart - 1; i++) {
            if (text.charAt(i) == '\r') {
                return false;
            }
        }
        EmbeddedText c = f.content();
        int lines = close - open - 1;
        int local = 0;
        for (int k = 0; k < lines; k++) {
            if (c.toDocument(local) != li.lineStart(open + 1 + k)) {
                return false;
            }
            local = c.text().indexOf('\n', local) + 1;
        }
        return c.text().length() == closeStart - 1 - first && text.startsWith(c.text(), first);
    }

    /** The content of a simple fence: the lines strictly between the fence lines, joined by '\n'. */
    private static EmbeddedText content(String text, LineIndex lines, int openLine, int closeLine) {
        int first = lines.lineStart(openLine + 1);
        int endExclusive = lines.lineStart(closeLine) - 1;
        String literal = text.substring(first, endExclusive);
        int n = closeLine - openLine - 1;
        int[] starts = new int[n];
        for (int k = 0; k < n; k++) {
            starts[k] = lines.lineStart(openLine + 1 + k);
        }
        int lastStart = starts[n - 1];
        return new EmbeddedText(literal, starts, Math.max(endExclusive, lastStart));
    }

    /** Every range of {@code b} moved by {@code delta}. */
    static BibFile translate(BibFile b, int delta) {
        return new Shift(Integer.MIN_VALUE, delta).bib(b);
    }

    /** Moves ranges that start at or after the old edit end by delta. */
    private record Shift(int from, int delta) {
        TextRange r(TextRange r) {
            if (r == null || r.start() < from && r.end() < from) {
                return r;
            }
            if (r.start() >= from) {
                return new TextRange(r.start() + delta, r.end() + delta);
            }
            return new TextRange(r.start(), r.end() + delta);
        }

        boolean moves(TextRange r) {
            return r != null && r.end() >= from;
        }

        <T> List<T> list(List<T> in, java.util.function.UnaryOperator<T> f) {
            List<T> out = new ArrayList<>(in.size());
            for (T t : in) {
                out.add(f.apply(t));
            }
            return List.copyOf(out);
        }

        Heading heading(Heading h) {
            return !moves(h.range()) ? h
                    : new Heading(h.level(), h.title(), r(h.range()), r(h.titleRange()), h.status(), r(h.statusRange()));
        }

        Link link(Link l) {
            return !moves(l.range()) ? l : new Link(l.label(), l.url(), r(l.range()), r(l.urlRange()), l.role());
        }

        HtmlComment comment(HtmlComment c) {
            return !moves(c.range()) ? c : new HtmlComment(c.text(), r(c.range()));
        }

        CodeBlock codeBlock(CodeBlock c) {
            return !moves(c.range()) ? c : new CodeBlock(r(c.range()), r(c.info()), c.language());
        }

        Citation citation(Citation c) {
            return !moves(c.keyRange()) ? c : new Citation(c.key(), r(c.keyRange()), c.kind());
        }

        Paper paper(Paper p) {
            boolean moves = moves(p.heading().range());
            for (int i = 0; !moves && i < p.links().size(); i++) {
                moves = moves(p.links().get(i).range());
            }
            // A section above the edit stays as it is (a keystroke used to rebuild every paper of the list).
            return moves ? new Paper(heading(p.heading()), list(p.links(), this::link)) : p;
        }

        Fence fence(Fence f) {
            if (!moves(f.range())) {
                return f;
            }
            return new Fence(r(f.range()), f.language(), f.content().shifted(delta), f.closed());
        }

        BibFile bib(BibFile b) {
            List<BibObject> objects = new ArrayList<>(b.objects().size());
            for (BibObject o : b.objects()) {
                objects.add(object(o));
            }
            List<SyntaxError> errors = new ArrayList<>(b.errors().size());
            for (SyntaxError e : b.errors()) {
                errors.add(new SyntaxError(e.kind(), r(e.range()), e.message()));
            }
            return new BibFile(List.copyOf(objects), List.copyOf(errors));
        }

        BibObject object(BibObject o) {
            if (o instanceof BibEntry e) {
                List<BibField> fields = new ArrayList<>(e.fields().size());
                for (BibField f : e.fields()) {
                    fields.add(new BibField(f.name(), r(f.nameRange()), value(f.value()), r(f.range())));
                }
                return new BibEntry(e.type(), r(e.typeRange()), e.key(), r(e.keyRange()), List.copyOf(fields),
                        r(e.range()), e.closed(), r(e.openRange()));
            } else if (o instanceof StringDef d) {
                return new StringDef(d.name(), r(d.nameRange()), value(d.value()), r(d.range()));
            } else if (o instanceof Preamble p) {
                return new Preamble(r(p.range()));
            } else if (o instanceof BibComment c) {
                return new BibComment(r(c.range()));
            } else if (o instanceof Include i) {
                return new Include(i.path(), r(i.range()));
            }
            throw new IllegalStateException("unknown object " + o);
        }

        BibValue value(BibValue v) {
            if (v == null) {
                return null;
            }
            List<BibValue.Part> parts = new ArrayList<>(v.parts().size());
            for (BibValue.Part p : v.parts()) {
                TextRange pr = r(p.range());
                if (p instanceof BibValue.Braced b) {
                    parts.add(new BibValue.Braced(b.text(), pr));
                } else if (p instanceof BibValue.Quoted q) {
                    parts.add(new BibValue.Quoted(q.text(), pr));
                } else if (p instanceof BibValue.Number n) {
                    parts.add(new BibValue.Number(n.text(), pr));
                } else {
                    parts.add(new BibValue.Macro(p.text(), pr));
                }
            }
            return new BibValue(List.copyOf(parts), r(v.range()));
        }
    }
}
