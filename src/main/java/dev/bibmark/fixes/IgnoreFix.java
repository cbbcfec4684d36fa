package dev.bibmark.fixes;

import dev.bibmark.bibtex.BibObject;
import dev.bibmark.checks.Finding;
import dev.bibmark.markdown.HtmlComment;
import dev.bibmark.model.Block;
import dev.bibmark.text.Edit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Ignore here": the suppression comment of {@link dev.bibmark.checks.Suppressions} for the finding's code, on the
 * line above its block (Markdown: {@code <!-- bibmark-disable-next-line CODE -->}) or its entry (.bib:
 * {@code % bibmark-disable-next-line CODE}). A disable-next-line directive already there gets the code added,
 * since a second directive line would make the first one point at it.
 */
final class IgnoreFix {
    private static final Pattern NEXT_LINE = Pattern.compile("bibmark-disable-next-line(\\s+[\\w\\s,-]*)?");
    private static final Pattern BIB_DIRECTIVE = Pattern.compile("^\\s*%+\\s*bibmark-disable-next-line\\s+\\S.*$");

    private IgnoreFix() {}

    static Fix forFinding(Context c, Finding f) {
        String code = f.code().id();
        String title = "Ignore " + code + " here";
        String t = c.text();
        int at = f.range().start();
        if (c.doc.markdown()) {
            Block b = Context.blockAt(c.doc, at);
            int target = b != null && b.fence() != null ? b.fence().range().start() : EntryEdits.lineStart(t, at);
            int ls = EntryEdits.lineStart(t, target);
            HtmlComment above = commentOnPreviousLine(c, ls);
            Matcher m = above == null ? null : NEXT_LINE.matcher(above.text());
            if (m != null && m.matches()) {
                if (m.group(1) == null || m.group(1).isBlank()) {
                    return null; // a bare directive already silences every code
                }
                int close = t.lastIndexOf("-->", above.range().end());
                int ins = close;
                while (ins > above.range().start() && Character.isWhitespace(t.charAt(ins - 1))) {
                    ins--;
                }
                return Fix.of(title, f, c.doc.path(), List.of(Edit.insert(ins, " " + code)), false, false);
            }
            String prefix = t.substring(ls, target);
            String text = "<!-- bibmark-disable-next-line " + code + " -->" + EntryEdits.newline(t)
                    + EntryEdits.continuation(prefix);
            return Fix.of(title, f, c.doc.path(), List.of(Edit.insert(target, text)), false, false);
        }
        Block b = Context.blockAt(c.doc, at);
        BibObject o = b == null ? null : Context.objectAt(b, at);
        // The directive silences the next object after it, up to that object's end: put it above the object, or,
        // for an error outside any object, above the error's line (the next object then covers it).
        int target = o != null ? o.range().start() : EntryEdits.lineStart(t, at);
        int ls = EntryEdits.lineStart(t, target);
        boolean ownLine = EntryEdits.isIndent(t.substring(ls, target));
        int directiveEnd = ownLine ? ls : target;
        BibObject next = b == null ? null : b.bib().objects().stream()
                .filter(x -> x.range().start() >= directiveEnd).findFirst().orElse(null);
        if (next == null || next.range().end() < at) {
            return null;
        }
        if (ls > 0 && ownLine) {
            int prev = EntryEdits.lineStart(t, ls - 1);
            String line = t.substring(prev, EntryEdits.lineEnd(t, prev));
            if (BIB_DIRECTIVE.matcher(line).matches()) {
                return Fix.of(title, f, c.doc.path(), List.of(Edit.insert(prev + line.stripTrailing().length(),
                        " " + code)), false, false);
            }
        }
        String directive = "% bibmark-disable-next-line " + code;
        String nl = EntryEdits.newline(t);
        Edit edit = ownLine ? Edit.insert(ls, directive + nl) : Edit.insert(target, nl + directive + nl);
        return Fix.of(title, f, c.doc.path(), List.of(edit), false, false);
    }

    /** The HTML comment that ends the non-blank line right above the line starting at {@code ls}, or null. */
    private static HtmlComment commentOnPreviousLine(Context c, int ls) {
        String t = c.text();
        int i = ls;
        while (i > 0) {
            int prev = EntryEdits.lineStart(t, i - 1);
            if (!EntryEdits.isBlankLine(t, prev)) {
                int end = EntryEdits.lineEnd(t, prev);
                for (HtmlComment hc : c.doc.markdownIndex().comments()) {
                    if (hc.range().end() <= end && hc.range().end() > prev
                            && t.substring(hc.range().end(), end).isBlank()) {
                        return hc;
                    }
                }
                return null;
            }
            i = prev;
        }
        return null;
    }
}
