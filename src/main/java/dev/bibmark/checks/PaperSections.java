package dev.bibmark.checks;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.markdown.Heading;
import dev.bibmark.markdown.Link;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import dev.bibmark.util.Latex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown sections of a paper list and the text helpers the list-aware checks share: heading text
 * without markup, trailing notes such as {@code (GPT-3)}, title comparison, and escaping for a heading or a
 * BibTeX value.
 */
final class PaperSections {
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\[\\]]*)\\]\\([^()\\s]*(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<(?:https?|ftp)://[^\\s<>]+>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*{1,3}|_{1,3}|~~)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern CODE = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
    /** A trailing note: "(GPT-3)", "[ICLR 2024]", "(PReLU / MSRA)", optionally after a dash or colon. */
    private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*[-:–—]?\\s*(?:\\([^()]*\\)|\\[[^\\[\\]]*\\])\\s*$");
    private static final Pattern PARENTHESISED = Pattern.compile("\\s*\\([^()]*\\)");
    private static final Pattern LEADING_LABEL = Pattern.compile("^\\s*[^\\s:]+(?:\\s+[^\\s:]+){0,2}?\\s*(?::|\\s-|-\\s|\\s–|\\s—)\\s+");
    private static final Pattern ITEM_LINK_ROLE = Pattern.compile("\\blinks?$");
    private static final Pattern BIBTEX_AT = Pattern.compile("(?m)^[ \\t>]*@[A-Za-z]+\\s*[{(]");

    private PaperSections() {}

    /**
     * One heading's section.
     *
     * @param direct from the heading's end to the next heading of any level
     * @param extended from the heading's end to the next heading of the same or a higher level
     * @param blocks the BibTeX blocks whose nearest heading is this one
     * @param links the links of {@code direct}
     */
    record Section(Heading heading, TextRange direct, TextRange extended, List<Block> blocks, List<Link> links) {
        List<BibEntry> entries() {
            if (blocks.size() == 1) {
                return blocks.get(0).bib().entries(); // the usual paper: one block, its list as it is
            }
            List<BibEntry> out = new ArrayList<>();
            for (Block b : blocks) {
                out.addAll(b.bib().entries());
            }
            return out;
        }

        /** A paper's heading: it has a status tag or a {@code paper link:}. */
        boolean isPaper() {
            return heading.status() != null || !paperLinks().isEmpty();
        }

        /**
         * A heading of the list's items: it has a status tag or a link written {@code <what> link: [...](...)}
         * ({@code paper link}, {@code blog link}, {@code homepage link}).
         */
        boolean isItem() {
            if (heading.status() != null) {
                return true;
            }
            for (int i = 0; i < links.size(); i++) {
                String role = links.get(i).role();
                if (role.contains("link") && ITEM_LINK_ROLE.matcher(role).find()) {
                    return true;
                }
            }
            return false;
        }

        /** Links written {@code paper link: [...](...)} (the role says "paper"). */
        List<Link> paperLinks() {
            if (links.size() == 1) {
                return links.get(0).isPaperLink() ? links : List.of(); // the usual paper: one link
            }
            List<Link> out = new ArrayList<>();
            for (int i = 0; i < links.size(); i++) {
                if (links.get(i).isPaperLink()) {
                    out.add(links.get(i));
                }
            }
            return out;
        }
    }

    /** Every heading's section, in document order; empty for .bib documents. Memoized per snapshot. */
    static List<Section> of(Document doc) {
        return doc.derived(Section.class, PaperSections::compute);
    }

    /** Linear in headings + blocks + links: blocks grouped by their heading, links found by binary search. */
    private static List<Section> compute(Document doc) {
        List<Section> out = new ArrayList<>();
        if (!doc.markdown()) {
            return List.of();
        }
        List<Heading> hs = doc.markdownIndex().headings();
        int n = doc.text().length();
        List<Block>[] blocksOf = blocksByHeading(doc.blocks(), hs);
        List<Link> allLinks = doc.markdownIndex().links();
        int[] extendedEnd = extendedEnds(hs, n);
        for (int i = 0; i < hs.size(); i++) {
            out.add(section(hs, i, i + 1 < hs.size() ? hs.get(i + 1).range().start() : n, extendedEnd[i],
                    blocksOf[i], allLinks));
        }
        return List.copyOf(out);
    }

    /** The blocks of each heading (index in {@code hs}), found by binary search; null for a heading without any. */
    @SuppressWarnings("unchecked")
    private static List<Block>[] blocksByHeading(List<Block> blocks, List<Heading> hs) {
        List<Block>[] out = new List[hs.size()];
        for (int k = 0; k < blocks.size(); k++) {
            addBlock(out, blocks.get(k), hs);
        }
        return out;
    }

    private static void addBlock(List<Block>[] out, Block b, List<Heading> hs) {
        if (b.paper() == null) {
            return;
        }
        TextRange r = b.paper().heading().range();
        int i = dev.bibmark.text.Sorted.firstAtOrAfter(hs, r.start(), Heading::range);
        if (i < hs.size() && hs.get(i).range().equals(r)) {
            if (out[i] == null) {
                out[i] = new ArrayList<>(1);
            }
            out[i].add(b);
        }
    }

    /** The end of each heading's extended section: the next heading of the same or a higher level. */
    private static int[] extendedEnds(List<Heading> hs, int n) {
        int[] end = new int[hs.size()];
        int[] open = new int[hs.size()];
        int top = 0;
        for (int j = 0; j < hs.size(); j++) {
            int level = hs.get(j).level();
            while (top > 0 && hs.get(open[top - 1]).level() >= level) {
                end[open[--top]] = hs.get(j).range().start();
            }
            open[top++] = j;
        }
        while (top > 0) {
            end[open[--top]] = n;
        }
        return end;
    }

    /** The section of heading {@code i} (its own method, called per heading, so that it is compiled early). */
    private static Section section(List<Heading> hs, int i, int directEnd, int extendedEnd, List<Block> blocks,
                                   List<Link> allLinks) {
        Heading h = hs.get(i);
        int start = Math.min(h.range().end(), directEnd);
        List<Link> links = new ArrayList<>();
        for (int k = dev.bibmark.text.Sorted.firstAtOrAfter(allLinks, start, Link::range); k < allLinks.size()
                && allLinks.get(k).range().start() < directEnd; k++) {
            links.add(allLinks.get(k));
        }
        return new Section(h, new TextRange(start, directEnd), new TextRange(start, Math.max(start, extendedEnd)),
                blocks == null ? List.of() : List.copyOf(blocks), List.copyOf(links));
    }

    /** The section whose heading has this title range or whole range, if any. */
    static Optional<Section> withHeading(Document doc, TextRange range) {
        for (Section s : of(doc)) {
            Heading h = s.heading();
            if (h.titleRange().equals(range) || h.range().equals(range)
                    || (h.statusRange() != null && h.statusRange().equals(range))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether a section's text holds an {@code @type{} line outside a bibtex fence (an untagged code block). */
    static boolean hasBibtexText(Document doc, TextRange range) {
        return BIBTEX_AT.matcher(doc.text().substring(range.start(), range.end())).find();
    }

    /** Heading Markdown as plain text: links, emphasis, code, HTML tags and entities, backslash escapes. */
    static String plain(String markdown) {
        if (!hasAny(markdown, "[<`*_~\\&")) {
            // Nothing any of computePlain's patterns could match; a whitespace collapse is cheaper than the memo.
            return dev.bibmark.util.Strings.collapseWhitespace(markdown);
        }
        return PLAIN.get(markdown, PaperSections::computePlain);
    }

    /**
     * Results by input text: the list checks run over every section of the edited document after each keystroke,
     * and all but one section are unchanged.
     */
    private static final dev.bibmark.util.Memo<String, String> PLAIN = new dev.bibmark.util.Memo<>(200_000);
    /** The key of {@link #sameTitle}'s memo: the strings themselves, not a concatenated copy of both. */
    private record TitlePair(String heading, String title) {}

    private static final dev.bibmark.util.Memo<TitlePair, Boolean> SAME_TITLE = new dev.bibmark.util.Memo<>(200_000);

    /** {@link #plain} of text that has markup ({@link #plain} takes the other kind without the memo). */
    private static String computePlain(String markdown) {
        String s = MD_LINK.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = AUTOLINK.matcher(s).replaceAll("");
        s = HTML_TAG.matcher(s).replaceAll("");
        s = CODE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
        String prev;
        do {
            prev = s;
            s = EMPHASIS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
        } while (!s.equals(prev));
        s = ESCAPE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = ENTITY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1), m.group())));
        return dev.bibmark.util.Strings.collapseWhitespace(s);
    }

    private static boolean hasAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String entity(String name, String whole) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return whole;
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "ndash" -> "–";
            case "mdash" -> "—";
            default -> whole;
        };
    }

    /** The heading text and the shorter forms left after removing trailing notes one by one. */
    static List<String> withoutTrailingNotes(String plainHeading) {
        List<String> out = new ArrayList<>();
        String s = plainHeading;
        out.add(s);
        for (int i = 0; i < 3; i++) {
            Matcher m = TRAILING_NOTE.matcher(s);
            if (!m.find() || m.start() == 0) {
                break;
            }
            s = s.substring(0, m.start()).trim();
            if (Latex.normalizeTitle(s).isEmpty()) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    /** The heading without its trailing notes ("Deep Learning (Flower Book)" gives "Deep Learning"). */
    static String core(String plainHeading) {
        List<String> forms = withoutTrailingNotes(plainHeading);
        return forms.get(forms.size() - 1);
    }

    /** The comparison key of a title: LaTeX decoded, case, accents, punctuation and spaces dropped. */
    static String titleKey(String latexOrPlain) {
        return Latex.normalizeTitle(latexOrPlain).replace(" ", "");
    }

    /**
     * Whether a heading (plain text) names the entry's title (LaTeX). Besides the full texts, each side may
     * drop trailing notes ({@code (GPT-3)}, {@code [ICML 2023]}), every parenthesised part
     * ({@code Zero Bubble (Almost) Pipeline Parallelism}) and a leading label of at most three words before a
     * colon or dash ({@code ChatDev: ...}, {@code AdamW - ...}); HTML entities such as {@code &amp;} are
     * decoded on both sides.
     */
    static boolean sameTitle(String plainHeading, String latexTitle) {
        return SAME_TITLE.get(new TitlePair(plainHeading, latexTitle), k -> computeSameTitle(plainHeading, latexTitle));
    }

    private static boolean computeSameTitle(String plainHeading, String latexTitle) {
        String title = decodeEntities(latexTitle);
        if (plainHeading.equals(title)) {
            // The usual case; the full texts are among the forms compared below (callers rule out empty keys).
            return true;
        }
        // A label is dropped on one side only, so "DELTA: X" and "GAMMA: X" still differ.
        return intersect(comparisonKeys(plainHeading, true), comparisonKeys(title, false))
                || intersect(comparisonKeys(plainHeading, false), comparisonKeys(title, true));
    }

    private static boolean intersect(java.util.Set<String> a, java.util.Set<String> b) {
        for (String k : a) {
            if (b.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Set<String> comparisonKeys(String text, boolean dropLabel) {
        java.util.Set<String> forms = new java.util.LinkedHashSet<>(withoutTrailingNotes(text));
        String noParens = PARENTHESISED.matcher(text).replaceAll(" ").trim();
        if (!titleKey(noParens).isEmpty()) {
            forms.add(noParens);
        }
        for (String f : dropLabel ? List.copyOf(forms) : List.<String>of()) {
            Matcher m = LEADING_LABEL.matcher(f);
            if (m.find() && !titleKey(f.substring(m.end())).isEmpty()) {
                forms.add(f.substring(m.end()));
            }
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String f : forms) {
            keys.add(titleKey(f));
        }
        return keys;
    }

    /** HTML entities decoded ({@code &amp;} and {@code &nbsp;} occur in copied titles). */
    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return ENTITY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1), m.group())));
    }

    /** A display title from BibTeX: LaTeX decoded, whitespace collapsed. */
    static String display(String latexTitle) {
        return dev.bibmark.util.Strings.collapseWhitespace(Latex.toUnicode(latexTitle));
    }

    /** Plain text for a Markdown heading: characters Markdown would read as markup are escaped. */
    static String escapeMarkdown(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>#".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Plain text for a braced BibTeX value: TeX specials escaped, braces dropped. */
    static String escapeBibtex(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&', '%', '$', '#', '_' -> sb.append('\\').append(c);
                case '{', '}', '\\' -> { }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The line separator the document uses ("\r\n" when its first line ends so). */
    static String newline(String text) {
        int i = text.indexOf('\n');
        return i > 0 && text.charAt(i - 1) == '\r' ? "\r\n" : "\n";
    }
}
