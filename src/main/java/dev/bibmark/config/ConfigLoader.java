package dev.bibmark.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.bibmark.checks.Code;
import dev.bibmark.checks.Severity;
import dev.bibmark.format.FormatOptions;
import dev.bibmark.util.KeyPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@link Config} from a {@code .bibmark.json} file or from the LSP {@code bibmark} settings section.
 * Validation is strict so that typos surface as errors instead of silently ignored settings.
 */
public final class ConfigLoader {
    private static final Set<String> SECTIONS = Set.of("checks", "requiredFields", "diagnostics", "format", "status",
            "keyPattern");
    private static final String SEVERITIES = "off, on, error, warning, information, hint";
    private static final String ALLOWED = "checks, requiredFields, diagnostics, format, status, keyPattern";

    private ConfigLoader() {
    }

    /** Longest accepted debounce: beyond it diagnostics would look switched off. */
    public static final int MAX_DEBOUNCE_MS = 10_000;
    /** Largest accepted {@code .bibmark.json}. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    /** Loads and validates a config file. */
    public static Config load(Path file) throws ConfigException {
        String text;
        try {
            // A settings file is small; a huge one (hostile or a mistake) is refused before it is read.
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException(file + ": larger than " + MAX_FILE_BYTES / 1024 + " KB; not read");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : String.valueOf(e.getMessage());
            throw new ConfigException("cannot read config file " + file + ": " + why, e);
        }
        JsonElement json;
        try {
            json = strictJson(text);
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new ConfigException(file + ": malformed JSON" + where(e), e);
        }
        if (!json.isJsonObject()) {
            throw new ConfigException(file + ": $: expected a JSON object, found " + describe(json));
        }
        return convert(json, file.toString());
    }

    /**
     * The JSON of a settings file, read strictly: one value and nothing after it, and a name given twice in an
     * object is an error (JSON parsers keep the last silently, which hides the first setting).
     */
    static JsonElement strictJson(String text) throws IOException {
        com.google.gson.stream.JsonReader r = new com.google.gson.stream.JsonReader(new java.io.StringReader(
                text.startsWith("\uFEFF") ? text.substring(1) : text));
        r.setStrictness(com.google.gson.Strictness.STRICT);
        JsonElement value = readValue(r);
        if (r.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
            throw new JsonParseException("text after the end of the JSON value at " + r.getPath());
        }
        return value;
    }

    private static JsonElement readValue(com.google.gson.stream.JsonReader r) throws IOException {
        switch (r.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject o = new JsonObject();
                r.beginObject();
                while (r.hasNext()) {
                    String name = r.nextName();
                    if (o.has(name)) {
                        throw new JsonParseException("'" + name + "' is given twice in the same object (at "
                                + r.getPath() + ")");
                    }
                    o.add(name, readValue(r));
                }
                r.endObject();
                return o;
            }
            case BEGIN_ARRAY -> {
                com.google.gson.JsonArray a = new com.google.gson.JsonArray();
                r.beginArray();
                while (r.hasNext()) {
                    a.add(readValue(r));
                }
                r.endArray();
                return a;
            }
            case STRING -> {
                return new com.google.gson.JsonPrimitive(r.nextString());
            }
            case NUMBER -> {
                return new com.google.gson.JsonPrimitive(new com.google.gson.internal.LazilyParsedNumber(r.nextString()));
            }
            case BOOLEAN -> {
                return new com.google.gson.JsonPrimitive(r.nextBoolean());
            }
            case NULL -> {
                r.nextNull();
                return com.google.gson.JsonNull.INSTANCE;
            }
            default -> throw new JsonParseException("expected a JSON value at " + r.getPath());
        }
    }

    /** ": <what> at line L column C", from Gson's message without its advice to Java programmers and its link. */
    private static String where(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        m = m.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON ", "");
        return m.isBlank() ? "" : ": " + m.strip();
    }

    /** Converts already-parsed JSON (e.g. the client's settings); null or JSON null gives the defaults. */
    public static Config fromJson(JsonElement json) throws ConfigException {
        return convert(json, null);
    }

    private static Config convert(JsonElement json, String source) throws ConfigException {
        if (json == null || json.isJsonNull()) {
            return Config.DEFAULT;
        }
        Context ctx = new Context(source);
        JsonObject root = ctx.object(json, "$");
        Map<String, JsonElement> sections = expandDottedKeys(root, ctx);
        Map<Code, Optional<Severity>> severities = new EnumMap<>(Code.class);
        Map<String, List<List<String>>> required = new LinkedHashMap<>();
        int debounceMs = Config.DEFAULT.debounceMs();
        FormatOptions format = FormatOptions.DEFAULT;
        List<String> statusTags = Config.DEFAULT_STATUS_TAGS;
        String keyPattern = Config.DEFAULT_KEY_PATTERN;
        for (Map.Entry<String, JsonElement> e : sections.entrySet()) {
            String key = e.getKey();
            String path = "$." + key;
            switch (key) {
                case "checks" -> readChecks(ctx.object(e.getValue(), path), path, ctx, severities);
                case "requiredFields" -> readRequired(ctx.object(e.getValue(), path), path, ctx, required);
                case "diagnostics" -> debounceMs = readDiagnostics(ctx.object(e.getValue(), path), path, ctx);
                case "format" -> format = readFormat(ctx.object(e.getValue(), path), path, ctx);
                case "status" -> statusTags = readStatus(ctx.object(e.getValue(), path), path, ctx);
                case "keyPattern" -> keyPattern = readKeyPattern(e.getValue(), path, ctx);
                default -> throw ctx.error(path, "unknown setting '" + key + "'; allowed: " + ALLOWED);
            }
        }
        return new Config(Map.copyOf(severities), Map.copyOf(required), debounceMs, statusTags, keyPattern, format);
    }

    /** Turns {@code "diagnostics.debounceMs": 1} into {@code "diagnostics": {"debounceMs": 1}}. */
    private static Map<String, JsonElement> expandDottedKeys(JsonObject root, Context ctx) throws ConfigException {
        Map<String, JsonElement> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            if (dot < 0) {
                JsonElement existing = out.get(key);
                if (existing != null && existing.isJsonObject() && e.getValue().isJsonObject()) {
                    mergeInto(existing.getAsJsonObject(), e.getValue().getAsJsonObject());
                } else {
                    out.put(key, e.getValue().deepCopy());
                }
                continue;
            }
            String section = key.substring(0, dot);
            String rest = key.substring(dot + 1);
            if (!SECTIONS.contains(section)) {
                throw ctx.error("$." + key, "unknown setting '" + key + "'; allowed sections: " + ALLOWED);
            }
            JsonElement existing = out.get(section);
            if (existing == null) {
                existing = new JsonObject();
                out.put(section, existing);
            } else if (!existing.isJsonObject()) {
                throw ctx.error("$." + section, "expected an object, found " + describe(existing));
            }
            existing.getAsJsonObject().add(rest, e.getValue().deepCopy());
        }
        return out;
    }

    private static void mergeInto(JsonObject target, JsonObject source) {
        for (Map.Entry<String, JsonElement> e : source.entrySet()) {
            target.add(e.getKey(), e.getValue().deepCopy());
        }
    }

    private static void readChecks(JsonObject checks, String path, Context ctx,
                                   Map<Code, Optional<Severity>> out) throws ConfigException {
        for (Map.Entry<String, JsonElement> e : checks.entrySet()) {
            String p = path + "." + e.getKey();
            Optional<Code> code = Code.byId(e.getKey());
            if (code.isEmpty()) {
                String valid = Arrays.stream(Code.values()).map(Code::id).collect(Collectors.joining(", "));
                throw ctx.error(p, "unknown check code '" + e.getKey() + "'; valid codes: " + valid);
            }
            String value = ctx.string(e.getValue(), p, "one of " + SEVERITIES);
            if (value.trim().equalsIgnoreCase("off")) {
                out.put(code.get(), Optional.empty());
            } else if (value.trim().equalsIgnoreCase("on")) {
                out.put(code.get(), Optional.of(code.get().defaultSeverity()));
            } else {
                Severity severity = Severity.parse(value);
                if (severity == null) {
                    throw ctx.error(p, "invalid severity '" + value + "'; allowed: " + SEVERITIES);
                }
                out.put(code.get(), Optional.of(severity));
            }
        }
    }

    private static void readRequired(JsonObject types, String path, Context ctx,
                                     Map<String, List<List<String>>> out) throws ConfigException {
        for (Map.Entry<String, JsonElement> e : types.entrySet()) {
            String p = path + "." + e.getKey();
            JsonElement value = e.getValue();
            if (!value.isJsonArray()) {
                throw ctx.error(p, "expected an array of field names (alternatives separated by '|'), found "
                        + describe(value));
            }
            JsonArray array = value.getAsJsonArray();
            List<List<String>> groups = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String ip = p + "[" + i + "]";
                String spec = ctx.string(array.get(i), ip, "a field name such as \"doi\" or \"author|editor\"");
                List<String> group = new ArrayList<>();
                for (String name : spec.split("\\|", -1)) {
                    String field = name.trim().toLowerCase(Locale.ROOT);
                    if (field.isEmpty()) {
                        throw ctx.error(ip, "empty field name in '" + spec + "'");
                    }
                    group.add(field);
                }
                groups.add(List.copyOf(group));
            }
            out.put(e.getKey().toLowerCase(Locale.ROOT), List.copyOf(groups));
        }
    }

    private static int readDiagnostics(JsonObject diagnostics, String path, Context ctx) throws ConfigException {
        int debounceMs = Config.DEFAULT.debounceMs();
        for (Map.Entry<String, JsonElement> e : diagnostics.entrySet()) {
            String p = path + "." + e.getKey();
            if (!e.getKey().equals("debounceMs")) {
                throw ctx.error(p, "unknown setting '" + e.getKey() + "'; allowed: debounceMs");
            }
            JsonElement v = e.getValue();
            if (!(v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber())) {
                throw ctx.error(p, "expected a non-negative integer (milliseconds), found " + describe(v));
            }
            double d = v.getAsDouble();
            if (d < 0 || d != Math.rint(d) || d > MAX_DEBOUNCE_MS) {
                throw ctx.error(p, "expected a non-negative integer up to " + MAX_DEBOUNCE_MS + " (milliseconds), found " + v);
            }
            debounceMs = (int) d;
        }
        return debounceMs;
    }

    /** The {@code format} section: any subset of the {@link FormatOptions} components, by name. */
    private static FormatOptions readFormat(JsonObject format, String path, Context ctx) throws ConfigException {
        FormatOptions o = FormatOptions.DEFAULT;
        for (Map.Entry<String, JsonElement> e : format.entrySet()) {
            String p = path + "." + e.getKey();
            JsonElement v = e.getValue();
            o = switch (e.getKey()) {
                case "indent" -> o.withIndent(readIndent(v, p, ctx));
                case "alignEquals" -> o.withAlignEquals(ctx.bool(v, p));
                case "spaceAroundEquals" -> o.withSpaceAroundEquals(ctx.bool(v, p));
                case "fieldOrder" -> o.withFieldOrder(ctx.choice(v, p, FormatOptions.FieldOrder.class));
                case "delimiters" -> o.withDelimiters(ctx.choice(v, p, FormatOptions.Delimiters.class));
                case "lowercaseTypes" -> o.withLowercaseTypes(ctx.bool(v, p));
                case "lowercaseFieldNames" -> o.withLowercaseFieldNames(ctx.bool(v, p));
                case "trailingComma" -> o.withTrailingComma(ctx.bool(v, p));
                case "numbers" -> o.withNumbers(ctx.choice(v, p, FormatOptions.Numbers.class));
                default -> throw ctx.error(p, "unknown setting '" + e.getKey() + "'; allowed: indent, alignEquals, "
                        + "spaceAroundEquals, fieldOrder, delimiters, lowercaseTypes, lowercaseFieldNames, "
                        + "trailingComma, numbers");
            };
        }
        return o;
    }

    /** A string of spaces and tabs, or a number of spaces (0 to 16). */
    private static String readIndent(JsonElement v, String path, Context ctx) throws ConfigException {
        String expected = "a number of spaces (0 to 16) or a string of spaces and tabs";
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
            double d = v.getAsDouble();
            if (d < 0 || d > 16 || d != Math.rint(d)) {
                throw ctx.error(path, "expected " + expected + ", found " + v);
            }
            return " ".repeat((int) d);
        }
        String s = ctx.string(v, path, expected);
        if (!s.chars().allMatch(c -> c == ' ' || c == '\t')) {
            throw ctx.error(path, "expected " + expected + ", found string " + v);
        }
        return s;
    }

    /** {@code "status": {"tags": ["READ", "UNREAD"]}}: non-empty, distinct, writable inside {@code [`...`]}. */
    private static List<String> readStatus(JsonObject status, String path, Context ctx) throws ConfigException {
        List<String> tags = Config.DEFAULT_STATUS_TAGS;
        for (Map.Entry<String, JsonElement> e : status.entrySet()) {
            String p = path + "." + e.getKey();
            if (!e.getKey().equals("tags")) {
                throw ctx.error(p, "unknown setting '" + e.getKey() + "'; allowed: tags");
            }
            if (!e.getValue().isJsonArray() || e.getValue().getAsJsonArray().isEmpty()) {
                throw ctx.error(p, "expected a non-empty array of tags such as [\"READ\", \"UNREAD\"], found "
                        + describe(e.getValue()));
            }
            JsonArray array = e.getValue().getAsJsonArray();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String ip = p + "[" + i + "]";
                String tag = ctx.string(array.get(i), ip, "a tag such as \"READ\"");
                if (tag.isBlank() || !tag.equals(tag.trim()) || tag.matches(".*[`\\[\\]\\r\\n].*")) {
                    throw ctx.error(ip, "invalid tag '" + tag + "': it must be non-empty, without surrounding "
                            + "spaces, backticks, brackets or line breaks");
                }
                if (out.contains(tag)) {
                    throw ctx.error(ip, "tag '" + tag + "' is listed twice");
                }
                out.add(tag);
            }
            tags = List.copyOf(out);
        }
        return tags;
    }

    /** {@code "keyPattern": "[auth:lower][year][veryshorttitle:lower]"}, checked by {@link KeyPattern#parse}. */
    private static String readKeyPattern(JsonElement value, String path, Context ctx) throws ConfigException {
        String pattern = ctx.string(value, path, "a key pattern such as \"" + Config.DEFAULT_KEY_PATTERN + "\"");
        try {
            KeyPattern.parse(pattern);
        } catch (IllegalArgumentException ex) {
            throw ctx.error(path, "invalid key pattern '" + pattern + "': " + ex.getMessage());
        }
        return pattern;
    }

    private static String describe(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return "boolean " + p;
        }
        if (p.isNumber()) {
            return "number " + p;
        }
        return "string " + p;
    }

    /** Where the JSON came from, for error messages. */
    private record Context(String source) {
        ConfigException error(String path, String message) {
            return new ConfigException((source != null ? source + ": " : "") + path + ": " + message);
        }

        JsonObject object(JsonElement e, String path) throws ConfigException {
            if (e == null || !e.isJsonObject()) {
                throw error(path, "expected an object, found " + describe(e));
            }
            return e.getAsJsonObject();
        }

        boolean bool(JsonElement e, String path) throws ConfigException {
            if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                throw error(path, "expected true or false, found " + describe(e));
            }
            return e.getAsBoolean();
        }

        /** One of an enum's constants, written in any case ("standard", "QUOTES"). */
        <E extends Enum<E>> E choice(JsonElement e, String path, Class<E> type) throws ConfigException {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            String s = string(e, path, "one of " + allowed);
            try {
                return FormatOptions.parseEnum(type, s);
            } catch (IllegalArgumentException x) {
                throw error(path, "invalid value '" + s + "'; allowed: " + allowed);
            }
        }

        String string(JsonElement e, String path, String allowed) throws ConfigException {
            if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw error(path, "expected " + allowed + ", found " + describe(e));
            }
            return e.getAsString();
        }
    }
}
