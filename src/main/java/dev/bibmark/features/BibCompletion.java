package dev.bibmark.features;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibObject;
import dev.bibmark.bibtex.BibSchema;
import dev.bibmark.bibtex.Months;
import dev.bibmark.features.Completion.Item;
import dev.bibmark.features.Completion.Kind;
import dev.bibmark.model.Block;
import dev.bibmark.model.Document;
import dev.bibmark.text.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion inside BibTeX: entry types after {@code @} (a snippet with the required fields), field names valid
 * for the entry's type (required first, present ones left out), month macros, and for {@code journal},
 * {@code booktitle} and {@code publisher} the values already used in the workspace.
 */
final class BibCompletion {
    private BibCompletion() {}

    /** Fields whose values are worth proposing from the workspace. */
    static final Set<String> VALUE_FIELDS = Set.of("journal", "booktitle", "publisher", "school", "institution",
            "organization", "series", "howpublished", "archiveprefix", "primaryclass");
    private static final int MAX_VALUES = 200;

    private static final Pattern TYPE = Pattern.compile("(^|[^\\w@])@([A-Za-z]*)$");
    private static final Pattern VALUE = Pattern.compile("(?i)(?:^|[\\s,{(>])([a-z][\\w-]*)\\s*=\\s*([{\"]?)([^{}\",]*)$");

    static List<Item> at(Document doc, int offset, List<EntryInfo> entries, boolean snippets) {
        Optional<Block> block = blockAt(doc, offset);
        if (block.isEmpty()) {
            return List.of();
        }
        String text = doc.text();
        int lineStart = doc.lines().lineStart(doc.lines().line(offset));
        String before = text.substring(lineStart, offset);
        int wordEnd = offset;
        while (wordEnd < text.length() && isWord(text.charAt(wordEnd))) {
            wordEnd++;
        }
        BibEntry entry = entryAt(block.get(), offset);
        Matcher m = TYPE.matcher(before);
        if (m.find() && (entry == null || offset <= entry.typeRange().end())) {
            int start = offset - m.group(2).length();
            String prefix = before.substring(0, m.start(2) - 1);
            boolean delimiterFollows = wordEnd < text.length() && (text.charAt(wordEnd) == '{' || text.charAt(wordEnd) == '(');
            return entryTypes(new TextRange(start, wordEnd), snippets && !delimiterFollows, continuation(prefix),
                    lineEnding(text));
        }
        if (entry == null || !insideBody(text, entry, offset)) {
            return List.of();
        }
        m = VALUE.matcher(before);
        if (m.find() && depthAt(text, entry, lineStart + m.start(2)) == 1) {
            String field = m.group(1).toLowerCase(Locale.ROOT);
            String open = m.group(2);
            int start = offset - m.group(3).length();
            int end = offset;
            while (end < text.length() && "}\",\n\r".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (field.equals("month")) {
                return open.isEmpty() ? months(new TextRange(start, wordEnd)) : List.of();
            }
            if (VALUE_FIELDS.contains(field)) {
                return values(field, entries, new TextRange(start, open.isEmpty() ? wordEnd : end), open.isEmpty(),
                        doc.path(), entry);
            }
            return List.of();
        }
        if (depthAt(text, entry, offset) != 1) {
            return List.of();
        }
        int start = offset;
        while (start > 0 && isWord(text.charAt(start - 1))) {
            start--;
        }
        int p = start - 1;
        while (p > 0 && (Character.isWhitespace(text.charAt(p)) || text.charAt(p) == '>')) {
            p--;
        }
        if (p < 0 || text.charAt(p) != ',' || p < entry.keyRange().end()) {
            return List.of();
        }
        return fieldNames(entry, new TextRange(start, wordEnd), text);
    }

    /** A field written at the start of a line ({@code name =}), as a half-typed line above it may hide it. */
    private static final Pattern FIELD_LINE = Pattern.compile("(?m)^[\\s>]*([A-Za-z][\\w:.+-]*)\\s*=");

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    /** The block whose content holds the offset (a .bib file's {@link Document#fileBlock}). */
    static Optional<Block> blockAt(Document doc, int offset) {
        if (!doc.markdown()) {
            return Optional.of(doc.fileBlock());
        }
        for (Block b : doc.blocks()) {
            int start = b.fence().content().toDocument(0);
            if (offset >= start && offset <= b.fence().content().docEnd() && offset > b.fence().range().start()) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The entry whose body may hold the offset: the last one that starts before it. */
    static BibEntry entryAt(Block block, int offset) {
        BibEntry found = null;
        for (BibObject o : block.bib().objects()) {
            if (o instanceof BibEntry e && e.range().start() < offset) {
                found = e;
            }
        }
        if (found != null && found.closed() && offset >= found.range().end()) {
            return null;
        }
        return found;
    }

    private static boolean insideBody(String text, BibEntry e, int offset) {
        return offset >= e.openRange().end() && (!e.closed() || offset < e.range().end());
    }

    /** Brace depth at the offset, counting the entry's own delimiter as 1; a quoted value counts as 2. */
    static int depthAt(String text, BibEntry e, int offset) {
        int depth = 1;
        boolean quoted = false;
        for (int i = e.openRange().end(); i < offset && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(1, depth - 1);
            } else if (c == '"' && depth == 1) {
                quoted = !quoted;
            }
        }
        return quoted ? depth + 1 : depth;
    }

    private static String continuation(String prefix) {
        StringBuilder sb = new StringBuilder();
        for (char c : prefix.toCharArray()) {
            sb.append(c == '>' || c == '\t' ? c : ' ');
        }
        return sb.toString();
    }

    private static String lineEnding(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }

    private static List<Item> entryTypes(TextRange replace, boolean snippets, String prefix, String nl) {
        List<Item> out = new ArrayList<>();
        int i = 0;
        for (BibSchema.EntryType t : BibSchema.types()) {
            String insert = t.name();
            if (snippets) {
                StringBuilder sb = new StringBuilder(t.name()).append("{${1:key}");
                int n = 2;
                for (List<String> group : t.required()) {
                    sb.append(',').append(nl).append(prefix).append("  ").append(group.get(0)).append(" = {${")
                            .append(n++).append("}}");
                }
                sb.append(nl).append(prefix).append("}$0");
                insert = sb.toString();
            }
            out.add(new Item(t.name(), Kind.ENTRY_TYPE, requiredText(t), t.name(), Hover.typeMarkdown(t), replace,
                    insert, snippets, dev.bibmark.util.Strings.zeroPad(i++, 2)));
        }
        return out;
    }

    static String requiredText(BibSchema.EntryType t) {
        if (t.required().isEmpty()) {
            return "no required fields";
        }
        List<String> groups = new ArrayList<>();
        for (List<String> g : t.required()) {
            groups.add(String.join(" or ", g));
        }
        return "requires " + String.join(", ", groups);
    }

    private static List<Item> fieldNames(BibEntry entry, TextRange replace, String text) {
        Set<String> present = new HashSet<>();
        for (BibField f : entry.fields()) {
            if (!f.nameRange().touches(replace.start())) {
                present.add(f.nameLower());
            }
        }
        // The word being typed has no '=' yet, so the parser reads on into the next line and misses the field
        // there ("jo\n  year = {2018}"): the entry's "name =" lines count as present too (found by QA).
        Matcher lines = FIELD_LINE.matcher(text).region(entry.range().start(), Math.min(text.length(), entry.range().end()));
        while (lines.find()) {
            if (lines.start(1) != replace.start()) {
                present.add(lines.group(1).toLowerCase(Locale.ROOT));
            }
        }
        Optional<BibSchema.EntryType> type = BibSchema.type(entry.typeLower());
        Set<String> required = new HashSet<>();
        List<String> order = new ArrayList<>();
        if (type.isPresent()) {
            for (List<String> g : type.get().required()) {
                if (g.stream().noneMatch(present::contains)) {
                    required.addAll(g);
                }
            }
            order.addAll(type.get().allFields());
        }
        for (String f : BibSchema.fields().keySet()) {
            if (!order.contains(f)) {
                order.add(f);
            }
        }
        List<Item> out = new ArrayList<>();
        int i = 0;
        for (String f : order) {
            if (present.contains(f)) {
                i++;
                continue;
            }
            boolean req = required.contains(f);
            String detail = req ? "required for @" + entry.typeLower()
                    : type.isPresent() && type.get().allFields().contains(f) ? "optional for @" + entry.typeLower() : "field";
            out.add(new Item(f, Kind.FIELD, detail, f, BibSchema.fieldDescription(f).orElse(null), replace,
                    f + " = ", false, (req ? "0" : "1") + dev.bibmark.util.Strings.zeroPad(i++, 3)));
        }
        return out;
    }

    private static List<Item> months(TextRange replace) {
        List<Item> out = new ArrayList<>();
        int i = 0;
        for (String m : Months.macros()) {
            out.add(new Item(m, Kind.MONTH, Months.expand(m), m, null, replace, m, false, dev.bibmark.util.Strings.zeroPad(i++, 2)));
        }
        return out;
    }

    /**
     * The values of {@code field} in the workspace's entries, most used first; the entry being edited
     * ({@code path}, {@code editing}) is left out, so the half-typed value is not offered back as a venue.
     */
    private static List<Item> values(String field, List<EntryInfo> entries, TextRange replace, boolean wrap,
                                     String path, BibEntry editing) {
        Map<String, Integer> counts = new HashMap<>();
        for (EntryInfo e : entries) {
            if (e.entry().range().equals(editing.range()) && e.doc().path().equals(path)) {
                continue;
            }
            Optional<BibField> f = e.entry().field(field);
            if (f.isPresent() && f.get().value() != null) {
                String v = dev.bibmark.util.Strings.collapseWhitespace(f.get().value().resolve(e.macros()));
                if (!v.isEmpty() && v.length() <= 300) {
                    counts.merge(v, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()));
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < sorted.size() && i < MAX_VALUES; i++) {
            String v = sorted.get(i).getKey();
            int n = sorted.get(i).getValue();
            out.add(new Item(v, Kind.VALUE, "used " + n + (n == 1 ? " time" : " times"), v, null, replace,
                    wrap ? "{" + v + "}" : v, false, dev.bibmark.util.Strings.zeroPad(i, 4)));
        }
        return out;
    }
}
