package dev.bibmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The architecture invariants of docs/architecture.md that imports can show. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/bibmark");

    /** package → packages (of ours) it must not import. */
    private static final Map<String, Set<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("text", Set.of("bibtex", "markdown", "model", "checks", "features", "fixes", "lsp", "cli",
                    "config", "workspace", "format", "export")),
            Map.entry("bibtex", Set.of("model", "checks", "features", "fixes", "lsp", "cli", "config", "workspace",
                    "format", "export")),
            Map.entry("markdown", Set.of("bibtex", "model", "checks", "features", "fixes", "lsp", "cli", "workspace",
                    "format", "export")),
            Map.entry("model", Set.of("checks", "features", "fixes", "lsp", "cli", "format", "export")),
            Map.entry("checks", Set.of("features", "fixes", "lsp", "cli", "export")),
            Map.entry("config", Set.of("fixes", "export")),
            Map.entry("util", Set.of("fixes", "format", "export")),
            Map.entry("features", Set.of("lsp", "cli", "checks", "fixes")),
            // Quick-fixes use text, bibtex, markdown, model, checks, config and util; the edge uses them.
            Map.entry("fixes", Set.of("lsp", "cli", "features", "workspace")),
            Map.entry("workspace", Set.of("lsp", "cli", "checks", "features", "fixes")),
            Map.entry("format", Set.of("checks", "features", "fixes", "lsp", "cli", "config", "workspace", "export")),
            Map.entry("export", Set.of("checks", "features", "fixes", "lsp", "cli", "config", "workspace", "format")),
            Map.entry("lsp", Set.of("cli")));

    @Test
    void onlyTheEdgeKnowsLsp4jAndGson() throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f).getName(0).toString();
                boolean edge = pkg.equals("lsp") || pkg.equals("cli") || pkg.equals("config");
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("import ")) {
                        continue;
                    }
                    if (!edge && (line.contains("org.eclipse.lsp4j") || line.contains("com.google.gson"))) {
                        bad.add(f + ": " + line);
                    }
                    for (String other : FORBIDDEN.getOrDefault(pkg, Set.of())) {
                        if (line.startsWith("import dev.bibmark." + other + ".")) {
                            bad.add(f + ": " + line);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }
}
