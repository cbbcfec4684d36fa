package dev.bibmark.model;

import java.util.Random;

/**
 * Random paper lists and BibTeX for the seeded property tests: well-formed pieces (headings with status tags,
 * links, citations, fences in lists and quotes, entries, strings, comments) put together and then damaged by
 * random edits (braces, quotes, line breaks, fences, surrogates, NUL, BOM). The same seed gives the same text.
 */
public final class RandomLists {
    private static final String[] TYPES = {"article", "inproceedings", "book", "misc", "phdthesis", "online", "artcle", "ARTICLE"};
    private static final String[] FIELDS = {"title", "author", "year", "journal", "booktitle", "doi", "eprint", "url",
        "publisher", "month", "note", "editor", "pages", "crossref", "Title"};
    private static final String[] WORDS = {"Attention", "Is", "All", "You", "Need", "{BERT}", "Vaswani, Ashish",
        "Smith and Jones", "10.1000/x.y", "1706.03762", "\\\"{o}", "深度", "😀", "é", "-", "2020", "  "};
    private static final String[] PREFIXES = {"", "", "", "> ", "- ", "1. ", "  ", "> > ", "- > ", "\t"};
    private static final String[] NOISE = {"{", "}", "\"", ",", "=", "#", "@", "\n", "\r\n", "\r", "\t", " ", "```",
        "~~~", "`", "> ", "- ", "\u0000", "\uFEFF", "\uD83D", "\uDE00", "😀", "%", "\\", "[@", "]", "<!--", "-->",
        "@misc{", "\n@article{k,\n", "title = {", "\n```bibtex\n", "\n```\n", "(", ")", "<", ">", "*", "_"};

    private RandomLists() {}

    /** A random document: a Markdown paper list (most of the time) or bare BibTeX, then damaged. */
    public static String text(long seed) {
        Random r = new Random(seed);
        String base = r.nextInt(5) == 0 ? bib(r, 1 + r.nextInt(4)) : markdown(r);
        return damage(r, base, r.nextInt(4) == 0 ? 0 : r.nextInt(12));
    }

    /** A random Markdown paper list without damage. */
    public static String markdown(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(10) == 0) {
            sb.append('\uFEFF');
        }
        int papers = 1 + r.nextInt(5);
        for (int p = 0; p < papers; p++) {
            sb.append("#".repeat(1 + r.nextInt(4))).append(' ').append(word(r)).append(' ').append(word(r));
            if (r.nextBoolean()) {
                sb.append(" [`").append(r.nextBoolean() ? "READ" : "UNREAD").append("`]");
            }
            sb.append("\n\n");
            if (r.nextBoolean()) {
                sb.append("paper link: [here](https://arxiv.org/abs/").append(r.nextInt(9999)).append(")\n\n");
            }
            if (r.nextInt(3) == 0) {
                sb.append("See [@").append(key(r)).append("] and \\cite{").append(key(r)).append(", ").append(key(r))
                        .append("} <!-- bibmark-disable-next-line empty-field -->\n\n");
            }
            String prefix = PREFIXES[r.nextInt(PREFIXES.length)];
            String fence = r.nextInt(4) == 0 ? "~~~" : "```";
            String info = new String[] {"bibtex", "bib", "BibTeX", "biblatex", "bibtex {.x}", "text"}[r.nextInt(6)];
            String body = bib(r, 1 + r.nextInt(3));
            sb.append(prefix).append(fence).append(info).append('\n');
            String cont = prefix.isEmpty() ? "" : prefix.startsWith(">") ? prefix : " ".repeat(prefix.length());
            for (String line : body.split("\n", -1)) {
                sb.append(cont).append(line).append('\n');
            }
            if (r.nextInt(8) != 0) {
                sb.append(cont).append(fence).append('\n');
            }
            sb.append('\n');
        }
        String s = sb.toString();
        return switch (r.nextInt(6)) {
            case 0 -> s.replace("\n", "\r\n");
            case 1 -> s.replace("\n", "\r");
            default -> s;
        };
    }

    /** Random BibTeX objects without damage. */
    public static String bib(Random r, int objects) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < objects; i++) {
            switch (r.nextInt(8)) {
                case 0 -> sb.append("@string{").append(key(r)).append(" = \"").append(word(r)).append("\"}\n");
                case 1 -> sb.append("@comment{").append(word(r)).append("}\n");
                case 2 -> sb.append("@preamble{\"").append(word(r)).append("\"}\n");
                default -> entry(r, sb);
            }
        }
        return sb.toString();
    }

    private static void entry(Random r, StringBuilder sb) {
        boolean paren = r.nextInt(10) == 0;
        sb.append('@').append(TYPES[r.nextInt(TYPES.length)]).append(paren ? '(' : '{').append(key(r)).append(",\n");
        int fields = r.nextInt(6);
        for (int f = 0; f < fields; f++) {
            sb.append("  ").append(FIELDS[r.nextInt(FIELDS.length)]).append(" = ").append(value(r));
            sb.append(f + 1 < fields || r.nextBoolean() ? ",\n" : "\n");
        }
        sb.append(paren ? ')' : '}').append('\n');
    }

    private static String value(Random r) {
        StringBuilder v = new StringBuilder();
        int parts = r.nextInt(5) == 0 ? 2 : 1;
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                v.append(" # ");
            }
            switch (r.nextInt(5)) {
                case 0 -> v.append('"').append(word(r)).append(' ').append(word(r)).append('"');
                case 1 -> v.append(1900 + r.nextInt(200));
                case 2 -> v.append(new String[] {"jan", "feb", "acl", "undefinedmacro"}[r.nextInt(4)]);
                default -> v.append('{').append(word(r)).append(' ').append(word(r)).append('}');
            }
        }
        return v.toString();
    }

    private static String key(Random r) {
        return new String[] {"vaswani2017", "devlin2019", "k", "Key:1", "a.b-c", "dup", "DUP", "x y", "é"}[r.nextInt(9)];
    }

    private static String word(Random r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    /** Applies {@code edits} random insertions, deletions and duplications. */
    public static String damage(Random r, String text, int edits) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = 0; i < edits; i++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
            switch (r.nextInt(4)) {
                case 0 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(8)));
                case 1 -> {
                    int from = sb.length() == 0 ? 0 : r.nextInt(sb.length());
                    String slice = sb.substring(from, Math.min(sb.length(), from + r.nextInt(40)));
                    sb.insert(at, slice);
                }
                default -> sb.insert(at, NOISE[r.nextInt(NOISE.length)]);
            }
        }
        return sb.toString();
    }
}
