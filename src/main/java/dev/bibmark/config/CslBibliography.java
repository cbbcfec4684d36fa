package dev.bibmark.config;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The citation keys of a bibliography in Citation Style Language form, as Pandoc and Quarto read it when a list's
 * front matter names it ({@code bibliography: refs.json}): CSL JSON (an array of items, Zotero's and Better
 * BibTeX's export) or CSL YAML (a {@code references:} list). Only the items' {@code id}s are read: they are the keys
 * a citation {@code [@id]} names. Nothing else of the items is interpreted. Read by {@code bibmark check} and by
 * the server (which follows a list's front matter within its workspace folders); here, with the settings, because
 * it is JSON read with Gson, which only the edge packages use.
 */
public final class CslBibliography {
    private CslBibliography() {}

    /** Whether Pandoc reads a bibliography file of this name as CSL (by extension). */
    public static boolean isCsl(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /**
     * The ids of the items of a CSL bibliography, in file order.
     *
     * @throws IllegalArgumentException with a message for the user when a CSL JSON text is not an array of objects
     */
    public static List<String> ids(String name, String text) {
        List<String> ids = name.toLowerCase(Locale.ROOT).endsWith(".json") ? jsonIds(text)
                : dev.bibmark.markdown.FrontMatter.yamlIds(text);
        if (ids.isEmpty() && !text.isBlank() && !text.strip().equals("[]") && !text.strip().equals("references: []")) {
            // Not CSL (another JSON or YAML, plain text): judging the list against no keys would report every
            // citation; it is named and not judged instead.
            throw new IllegalArgumentException("no CSL items with an \"id\" found");
        }
        return ids;
    }

    /** The {@code id} of each object of a CSL JSON array (a single object is read as one item). */
    static List<String> jsonIds(String text) {
        List<String> out = new ArrayList<>();
        try (JsonReader r = new JsonReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            JsonToken top = r.peek();
            if (top == JsonToken.BEGIN_OBJECT) {
                item(r, out);
            } else if (top == JsonToken.BEGIN_ARRAY) {
                r.beginArray();
                while (r.hasNext()) {
                    if (r.peek() != JsonToken.BEGIN_OBJECT) {
                        throw new IllegalArgumentException("not CSL JSON: item " + (out.size() + 1)
                                + " is not an object (" + r.getPath() + ")");
                    }
                    item(r, out);
                }
                r.endArray();
            } else {
                throw new IllegalArgumentException("not CSL JSON: expected an array of items, found " + describe(top));
            }
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("not CSL JSON: text after the items (" + r.getPath() + ")");
            }
        } catch (JsonParseException | IOException | IllegalStateException | NumberFormatException e) {
            // Gson names the place ("line 3 column 5 path $[1].id"); that is the useful part for the user.
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n'); // Gson appends a line with a link to its troubleshooting page
            m = nl < 0 ? m : m.substring(0, nl);
            // and sometimes opens with advice for programmers ("Use JsonReader.setStrictness(...) to accept malformed
            // JSON at line 1 column 15 ..."): the user gets "malformed JSON at line 1 column 15 ..." (found by QA).
            m = m.replaceFirst("^Use JsonReader\\.\\w+\\([^)]*\\) to accept ", "");
            throw new IllegalArgumentException("not valid JSON: " + m, e);
        }
        return out;
    }

    private static void item(JsonReader r, List<String> out) throws IOException {
        r.beginObject();
        while (r.hasNext()) {
            String field = r.nextName();
            JsonToken t = r.peek();
            if (field.equals("id") && (t == JsonToken.STRING || t == JsonToken.NUMBER)) {
                String id = r.nextString().strip();
                if (!id.isEmpty()) {
                    out.add(id);
                }
            } else {
                r.skipValue();
            }
        }
        r.endObject();
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case END_DOCUMENT -> "nothing";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> t.toString().toLowerCase(Locale.ROOT);
        };
    }
}
