package dev.bibmark.format;

import dev.bibmark.bibtex.BibEntry;
import dev.bibmark.bibtex.BibField;
import dev.bibmark.bibtex.BibFile;
import dev.bibmark.bibtex.BibParser;
import dev.bibmark.bibtex.BibValue;
import dev.bibmark.format.FormatOptions.Delimiters;
import dev.bibmark.format.FormatOptions.FieldOrder;
import dev.bibmark.format.FormatOptions.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Measures the layout of existing entries: per option, how many entries use each choice; and which complete set of
 * options the most entries already follow (an entry follows a set when formatting it would change nothing but
 * trailing whitespace).
 */
final class StyleSurvey {
    /** One well-formed entry, the text it was parsed from, and the entry as written without trailing blanks. */
    private record Sample(String text, BibEntry entry, String written, String base) {}

    private final List<Sample> samples = new ArrayList<>();
    /** "option: choice" → number of entries. */
    final Map<String, Integer> counts = new TreeMap<>();

    /** Adds the well-formed entries of one piece of BibTeX (a fence's content or a .bib file). */
    void add(String text) {
        BibFile bib = BibParser.parse(text);
        for (BibEntry e : bib.entries()) {
            boolean broken = !e.closed() || bib.errors().stream().anyMatch(
                    err -> err.range().start() <= e.range().end() && err.range().end() >= e.range().start());
            if (!broken && !e.fields().isEmpty()) {
                samples.add(new Sample(text, e, stripLineEnds(text.substring(e.range().start(), e.range().end())),
                        base(text, e)));
                tally(text, e);
            }
        }
    }

    int entries() {
        return samples.size();
    }

    private void count(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private void tally(String s, BibEntry e) {
        List<BibField> fs = e.fields();
        BibField first = fs.get(0);
        String lead = s.substring(s.lastIndexOf('\n', first.nameRange().start() - 1) + 1, first.nameRange().start());
        if (s.substring(e.range().start(), first.nameRange().start()).contains("\n") && lead.isBlank()) {
            String indent = lead.substring(Math.min(lead.length(), base(s, e).length()));
            count("indent: \"" + indent.replace("\t", "\\t") + "\"");
        }
        String gap = s.substring(first.nameRange().end(), first.value().range().start());
        count("spaceAroundEquals: " + (gap.equals("=") ? "false" : gap.equals(" = ") ? "true" : "other \"" + gap + "\""));
        if (fs.size() >= 2 && fs.stream().mapToInt(f -> f.name().length()).distinct().count() > 1) {
            count("alignEquals: " + (fs.stream().mapToInt(f -> column(s, f.value().range().start())).distinct().count() == 1
                    && fs.stream().mapToInt(f -> column(s, f.nameRange().start())).distinct().count() == 1));
        }
        if (fs.size() >= 2) {
            count("fieldOrder: " + (EntryWriter.order(fs, FieldOrder.STANDARD).equals(fs) ? "already STANDARD" : "other"));
        }
        List<BibValue.Part> parts = fs.stream().flatMap(f -> f.value().parts().stream()).toList();
        boolean quoted = parts.stream().anyMatch(p -> p instanceof BibValue.Quoted && !digits(p.text()));
        boolean braced = parts.stream().anyMatch(p -> p instanceof BibValue.Braced && !digits(p.text()));
        if (quoted || braced) {
            count("delimiters: " + (quoted && braced ? "mixed" : quoted ? "quotes" : "braces"));
        }
        count("lowercaseTypes: " + (e.type().equals(EntryWriter.asciiLower(e.type())) ? "lower-case" : "other"));
        count("lowercaseFieldNames: " + (fs.stream().allMatch(f -> f.name().equals(EntryWriter.asciiLower(f.name())))
                ? "all lower-case" : "some upper-case"));
        BibField last = fs.get(fs.size() - 1);
        count("trailingComma: " + s.substring(last.value().range().end(), e.range().end()).contains(","));
        for (BibValue.Part p : parts) {
            if (digits(p.text())) {
                count("numbers: " + (p instanceof BibValue.Number ? "bare" : "delimited"));
            }
        }
    }

    /** How many entries already follow {@code opts} (ignoring trailing whitespace on their lines). */
    int following(FormatOptions opts) {
        int n = 0;
        for (Sample x : samples) {
            if (follows(x, opts)) {
                n++;
            }
        }
        return n;
    }

    private static boolean follows(Sample x, FormatOptions opts) {
        String formatted = new EntryWriter(x.text(), x.text(), null, "\n", "\n", opts).write(x.entry(), x.base()).localText();
        return x.written().equals(formatted);
    }

    private static String stripLineEnds(String s) {
        return s.replaceAll("[ \\t]+(?=\\n)", "");
    }

    /**
     * The option set the most entries follow, searched over every indent seen and every non-KEEP choice (KEEP
     * delimiters or numbers would leave anything as it is, so it describes no style); field order may be KEEP.
     */
    FormatOptions mostFollowed() {
        List<String> indents = new ArrayList<>();
        for (String k : counts.keySet()) {
            if (k.startsWith("indent: ")) {
                indents.add(k.substring(9, k.length() - 1).replace("\\t", "\t"));
            }
        }
        FormatOptions best = null;
        int bestCount = -1;
        boolean[] tf = {false, true};
        for (String indent : indents) {
            for (boolean align : tf) {
                for (boolean space : tf) {
                    for (FieldOrder order : FieldOrder.values()) {
                        for (Delimiters d : List.of(Delimiters.BRACES, Delimiters.QUOTES)) {
                            for (boolean lt : tf) {
                                for (boolean ln : tf) {
                                    for (boolean tc : tf) {
                                        for (Numbers num : List.of(Numbers.UNBRACED, Numbers.BRACED)) {
                                            FormatOptions o = new FormatOptions(indent, align, space, order, d, lt, ln, tc, num);
                                            int c = following(o);
                                            if (c > bestCount) {
                                                best = o;
                                                bestCount = c;
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Entries following {@code opts} with one option changed to each other value (for the report). */
    Map<String, Integer> neighbours(FormatOptions opts) {
        Map<String, Integer> out = new TreeMap<>();
        for (String k : counts.keySet()) {
            if (k.startsWith("indent: ")) {
                String indent = k.substring(9, k.length() - 1).replace("\\t", "\t");
                out.put("indent \"" + indent.replace("\t", "\\t") + "\"", following(opts.withIndent(indent)));
            }
        }
        out.put("alignEquals " + !opts.alignEquals(), following(opts.withAlignEquals(!opts.alignEquals())));
        out.put("spaceAroundEquals " + !opts.spaceAroundEquals(), following(opts.withSpaceAroundEquals(!opts.spaceAroundEquals())));
        for (FieldOrder o : FieldOrder.values()) {
            out.put("fieldOrder " + o, following(opts.withFieldOrder(o)));
        }
        for (Delimiters d : Delimiters.values()) {
            out.put("delimiters " + d, following(opts.withDelimiters(d)));
        }
        out.put("lowercaseTypes " + !opts.lowercaseTypes(), following(opts.withLowercaseTypes(!opts.lowercaseTypes())));
        out.put("lowercaseFieldNames " + !opts.lowercaseFieldNames(),
                following(opts.withLowercaseFieldNames(!opts.lowercaseFieldNames())));
        out.put("trailingComma " + !opts.trailingComma(), following(opts.withTrailingComma(!opts.trailingComma())));
        for (Numbers n : Numbers.values()) {
            out.put("numbers " + n, following(opts.withNumbers(n)));
        }
        return out;
    }

    /** The choice most entries use for one option ("indent", "trailingComma"...), ignoring the given choices. */
    String majority(String option, Predicate<String> ignore) {
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            if (c.getKey().startsWith(option + ": ")) {
                String choice = c.getKey().substring(option.length() + 2);
                if (!ignore.test(choice) && c.getValue() > bestCount) {
                    best = choice;
                    bestCount = c.getValue();
                }
            }
        }
        return best;
    }

    private static boolean digits(String t) {
        return !t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int column(String s, int at) {
        return at - (s.lastIndexOf('\n', at - 1) + 1);
    }

    private static String base(String s, BibEntry e) {
        int ls = s.lastIndexOf('\n', e.range().start() - 1) + 1;
        String before = s.substring(ls, e.range().start());
        return before.isBlank() ? before : "";
    }
}
