package dev.bibmark.bibtex;

import dev.bibmark.text.TextRange;
import java.util.List;
import java.util.Map;

/** A field value: one or more parts joined by {@code #}. */
public record BibValue(List<Part> parts, TextRange range) {

    /** One piece of a value. {@code text} is the content without the outer delimiters. */
    public sealed interface Part permits Braced, Quoted, Number, Macro {
        String text();

        TextRange range();
    }

    /** {@code {text}}; range covers the braces. */
    public record Braced(String text, TextRange range) implements Part {}

    /** {@code "text"}; range covers the quotes. */
    public record Quoted(String text, TextRange range) implements Part {}

    /** A bare number such as {@code 2020}. */
    public record Number(String text, TextRange range) implements Part {}

    /** A bare word naming an {@code @string} or a month macro. */
    public record Macro(String text, TextRange range) implements Part {}

    /** Whether a part is a macro (a bare word: a month or an {@code @string} name). */
    public boolean hasMacro() {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof Macro) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value as BibTeX sees it: parts concatenated, macros replaced from {@code macros}
     * (keys lower-case), an undefined macro contributing "".
     */
    public String resolve(Map<String, String> macros) {
        if (parts.size() == 1 && !(parts.get(0) instanceof Macro)) {
            return parts.get(0).text();
        }
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Macro m) {
                String v = macros.get(m.text().toLowerCase(java.util.Locale.ROOT));
                sb.append(v != null ? v : Months.expand(m.text()));
            } else {
                sb.append(p.text());
            }
        }
        return sb.toString();
    }

    /** The value without resolving macros (a macro contributes its name). */
    public String raw() {
        if (parts.size() == 1) {
            return parts.get(0).text();
        }
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            sb.append(p.text());
        }
        return sb.toString();
    }
}
