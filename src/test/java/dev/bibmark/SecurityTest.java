package dev.bibmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.bibmark.config.ConfigException;
import dev.bibmark.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The promises of SECURITY.md that the source itself can show. */
class SecurityTest {
    private static final Path MAIN = Path.of("src/main/java");

    /** Every occurrence of a pattern in the main sources, as "file: text". */
    private static List<String> find(Pattern p) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) {
                    hits.add(MAIN.relativize(f) + ": " + m.group());
                }
            }
        }
        return hits;
    }

    @Test
    void noNetworkAccess() throws IOException {
        // java.net.URI names files (the protocol's file:// URIs) and URLDecoder/URLEncoder are string functions;
        // nothing else of java.net is used.
        assertEquals(List.of(), find(Pattern.compile("java\\.net\\.(?!URI\\b|URLDecoder\\b|URLEncoder\\b)\\w+|javax\\.net|java\\.net\\.http"
                + "|\\b(Socket|ServerSocket|SocketChannel|DatagramSocket|HttpClient|URLConnection|InetAddress)\\b")));
    }

    @Test
    void nothingIsExecutedOrLoaded() throws IOException {
        assertEquals(List.of(), find(Pattern.compile("\\bProcessBuilder\\b|Runtime\\.getRuntime\\(\\)(?!\\.maxMemory\\(\\))|\\.exec\\(|ScriptEngine"
                + "|Class\\.forName|ClassLoader|ObjectInputStream|System\\.load")));
    }

    @Test
    void jbibtexNeverParsesBibtexSoIncludeIsNeverFollowed() throws IOException {
        // jbibtex's BibTeXParser reads @include'd files; only its LaTeX parser (single values) is used.
        assertEquals(List.of(), find(Pattern.compile("BibTeXParser|BibTeXDatabase")));
    }

    @Test
    void filesAreReadOnlyThroughTheBoundedReaders() throws IOException {
        // Every read of a user file goes through workspace.TextFiles (regular files, size limit) or the size-checked
        // config loader; the only other reader is FileCollector's .gitignore and the size probe.
        List<String> reads = find(Pattern.compile("Files\\.(readString|readAllBytes|readAllLines|newInputStream|newBufferedReader|lines)\\("));
        for (String r : reads) {
            assertTrue(r.startsWith("dev/bibmark/workspace/") || r.startsWith("dev/bibmark/config/ConfigLoader.java"), r);
        }
    }

    @Test
    void settingsAreBounded(@TempDir Path dir) throws IOException, ConfigException {
        ConfigException slow = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromJson(JsonParser.parseString("{\"diagnostics\": {\"debounceMs\": 2000000000}}")));
        assertTrue(slow.getMessage().contains("up to 10000"), slow.getMessage());
        assertEquals(10_000, ConfigLoader.fromJson(JsonParser.parseString("{\"diagnostics\": {\"debounceMs\": 10000}}")).debounceMs());
        Path huge = dir.resolve(".bibmark.json");
        Files.writeString(huge, "{\"checks\": {}, \"pad\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        ConfigException big = assertThrows(ConfigException.class, () -> ConfigLoader.load(huge));
        assertTrue(big.getMessage().contains("larger than 1024 KB"), big.getMessage());
    }

    @Test
    void theVsCodeExtensionRunsOnlyTheJavaItFoundAndTheJarItShips() throws IOException {
        Path client = Path.of("client-vscode");
        JsonObject pkg = JsonParser.parseString(Files.readString(client.resolve("package.json"))).getAsJsonObject();
        JsonObject props = pkg.getAsJsonObject("contributes").getAsJsonObject("configuration").getAsJsonObject("properties");
        // A repository's .vscode/settings.json must not choose the program or the JVM options that are run.
        for (String key : List.of("bibmark.java.home", "bibmark.server.vmargs")) {
            assertEquals("machine", props.getAsJsonObject(key).get("scope").getAsString(), key);
            assertTrue(pkg.getAsJsonObject("capabilities").getAsJsonObject("untrustedWorkspaces")
                    .getAsJsonArray("restrictedConfigurations").toString().contains(key), key);
        }
        String ext = Files.readString(client.resolve("src/extension.ts"));
        assertTrue(ext.contains("context.asAbsolutePath(path.join('server', 'bibmark.jar'))"), "the jar is the one shipped");
        assertTrue(ext.contains("command: java.executable"), "the command is the Java found by java.ts");
        // The one other process: `<candidate java> -version`, without a shell, to probe the Java it found.
        assertTrue(!ext.contains("shell: true") && !ext.contains("cp.exec(") && !ext.contains("cp.spawn"), "no shell");
        assertEquals(ext.split("cp\\.", -1).length - 1, ext.split("cp\\.execFile\\(executable, \\['-version'\\]", -1).length - 1,
                "child_process only runs `java -version`");
    }
}
