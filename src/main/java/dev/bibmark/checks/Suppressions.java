package dev.bibmark.checks;

import dev.bibmark.bibtex.BibObject;
import dev.bibmark.markdown.Fence;
import dev.bibmark.markdown.HtmlComment;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-source suppressions. Markdown: {@code <!-- bibmark-disable-next-line CODE... -->} silences the
 * next fenced block when it starts on the next non-blank line, else that line;
 * {@code <!-- bibmark-disable CODE... -->} … {@code <!-- bibmark-enable CODE... -->} silences what is
 * between. In .bib files the same directives follow {@code %}; disable-next-line silences the next
 * {@code @} object. No codes means every code.
 */
public final class Suppressions {
    private static final Pattern DIRECTIVE =
            Pattern.compile("^bibmark-(disable-next-line|disable|enable)\\b(.*)$", Pattern.DOTALL);
    private static final Pattern BIB_LINE = Pattern.compile("^\\s*%+\\s*(bibmark-.*?)\\s*$");

    /** A silenced span {@code [from, to]} (offsets of finding starts) for some codes (empty = all). */
    private record Span(int from, int to, Set<String> codes) {
        boolean covers(Finding f) {
            int s = f.range().start();
            return s >= from && s <= to && (codes.isEmpty() || codes.contains(f.code().id()));
        }
    }

    private record Directive(String kind, Set<String> codes, int start, int end) {}

    private final List<Span> spans;

    private Suppressions(List<Span> spans) {
        this.spans = spans;
    }

    /** The suppressions written in a document. */
    public static Suppressions of(Document doc) {
        return doc.derived(Suppressions.class, Suppressions::compute);
    }

    private static Suppressions compute(Document doc) {
        List<Directive> directives = doc.markdown() ? markdownDirectives(doc) : bibDirectives(doc);
        List<Span> spans = new ArrayList<>();
        List<Directive> open = new ArrayList<>();
        for (Directive d : directives) {
            switch (d.kind()) {
                case "disable-next-line" -> spans.add(nextSpan(doc, d));
                case "disable" -> open.add(d);
                default -> {
                    // An enable closes the disables it names (a bare enable closes all).
                    for (var it = open.iterator(); it.hasNext(); ) {
                        Directive o = it.next();
                        if (d.codes().isEmpty()) {
                            spans.add(new Span(o.end(), d.start(), o.codes()));
                            it.remove();
                        } else if (o.codes().isEmpty() || !java.util.Collections.disjoint(o.codes(), d.codes())) {
                            Set<String> closed = o.codes().isEmpty() ? d.codes() : intersect(o.codes(), d.codes());
                            spans.add(new Span(o.end(), d.start(), o.codes().isEmpty() ? Set.of() : closed));
                            it.remove();
                            if (!o.codes().isEmpty() && closed.size() < o.codes().size()) {
                                Set<String> rest = new java.util.HashSet<>(o.codes());
                                rest.removeAll(closed);
                                open.add(new Directive("disable", Set.copyOf(rest), o.start(), o.end()));
                                break;
                            }
                        }
                    }
                }
            }
        }
        for (Directive o : open) {
            spans.add(new Span(o.end(), Integer.MAX_VALUE, o.codes()));
        }
        return new Suppressions(spans);
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> s = new java.util.HashSet<>(a);
        s.retainAll(b);
        return Set.copyOf(s);
    }

    public boolean isSuppressed(Finding f) {
        for (Span s : spans) {
            if (s.covers(f)) {
                return true;
            }
        }
        return false;
    }

    /** The findings that are not silenced. */
    public List<Finding> filter(List<Finding> findings) {
        if (spans.isEmpty()) {
            return findings;
        }
        return findings.stream().filter(f -> !isSuppressed(f)).toList();
    }

    private static Directive parse(String text, int start, int end) {
        Matcher m = DIRECTIVE.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(2).trim();
        // A code may be named twice ("empty-field empty-field"): Set.of would throw on that and lose every check.
        Set<String> codes = new java.util.HashSet<>();
        for (String c : rest.split("[\\s,]+")) {
            if (!c.isEmpty()) {
                codes.add(c);
            }
        }
        return new Directive(m.group(1), Set.copyOf(codes), start, end);
    }

    private static List<Directive> markdownDirectives(Document doc) {
        List<Directive> out = new ArrayList<>();
        for (HtmlComment c : doc.markdownIndex().comments()) {
            Directive d = parse(c.text(), c.range().start(), c.range().end());
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    private static List<Directive> bibDirectives(Document doc) {
        List<Directive> out = new ArrayList<>();
        String text = doc.text();
        // Only a line with "bibmark-" can hold a directive: those are found with indexOf (looking at every line of a
        // long file made a third of what a keystroke allocated).
        for (int at = text.indexOf("bibmark-"); at >= 0; ) {
            int line = doc.lines().line(at);
            int start = doc.lines().lineStart(line);
            int end = line + 1 < doc.lines().lineCount() ? doc.lines().lineStart(line + 1) : text.length();
            at = end < text.length() ? text.indexOf("bibmark-", end) : -1;
            Matcher m = BIB_LINE.matcher(text.substring(start, end).stripTrailing());
            if (m.matches()) {
                Directive d = parse(m.group(1), start, end);
                if (d != null) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private static Span nextSpan(Document doc, Directive d) {
        if (!doc.markdown()) {
            for (Block b : doc.blocks()) {
                // Blocks before the directive are passed over without translating a moved one.
                List<BibObject> origin = b.origin().objects();
                if (!origin.isEmpty() && origin.get(origin.size() - 1).range().start() + b.originDelta() < d.end()) {
                    continue;
                }
                for (BibObject o : b.bib().objects()) {
                    if (o.range().start() >= d.end()) {
                        return new Span(d.end(), o.range().end(), d.codes());
                    }
                }
            }
            return new Span(d.end(), d.end(), d.codes());
        }
        String text = doc.text();
        int line = doc.lines().line(d.end()) + 1;
        while (line < doc.lines().lineCount()) {
            int start = doc.lines().lineStart(line);
            int end = line + 1 < doc.lines().lineCount() ? doc.lines().lineStart(line + 1) : text.length();
            if (!text.substring(start, end).isBlank()) {
                for (Fence f : doc.markdownIndex().fences()) {
                    if (f.range().start() >= start && f.range().start() < end) {
                        return new Span(d.end(), f.range().end(), d.codes());
                    }
                }
                return new Span(d.end(), end, d.codes());
            }
            line++;
        }
        return new Span(d.end(), text.length(), d.codes());
    }
}
