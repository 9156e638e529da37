package dlms.xmlclient.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pure tier: the shape docs/architecture.md draws, read from the main sources of every module
 * (the tests run from the checkout's root). The compiler already keeps a module off the modules
 * it does not depend on; this keeps packages free of cycles and files short.
 */
class LayersTest {

    private static final List<String> MODULES = List.of("wire", "simulator", "client", "bench");
    private static final Pattern PACKAGE = Pattern.compile("^package (dlms\\.xmlclient[\\w.]*);", Pattern.MULTILINE);
    /** A use of one of our classes by its full name: an import, a static import or a qualified name. */
    private static final Pattern USE = Pattern.compile("\\b(dlms\\.xmlclient(?:\\.[a-z]\\w*)+)\\.[A-Z]");
    private static final int MAX_LINES = 400;

    private static final Map<Path, String> SOURCES = new TreeMap<>();
    /** Our classes in a library's package, there only to reach its package-private functions. */
    private static final Map<Path, String> BRIDGES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(Path.of(module, "src", "main", "java"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    if (text.startsWith("package gurux.") || text.contains("\npackage gurux.")) {
                        BRIDGES.put(file, text);
                    } else {
                        SOURCES.put(file, text);
                    }
                }
            }
        }
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> uses = packageGraph();
        List<List<String>> cycles = new ArrayList<>();
        for (List<String> component : new StronglyConnected(uses).components()) {
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
        assertEquals(List.of(), cycles, "packages that import each other, directly or in a ring");
    }

    @Test
    void noMainFileIsOverFourHundredLines() {
        List<String> tooLong = new ArrayList<>();
        SOURCES.forEach((file, text) -> {
            long lines = text.lines().count();
            if (lines > MAX_LINES) {
                tooLong.add(file + " (" + lines + " lines)");
            }
        });
        assertEquals(List.of(), tooLong);
    }

    @Test
    void theBridgesIntoALibrarysPackageAreTheKnownOnesAndUseNothingOfOurs() {
        Path gurux = Path.of("client", "src", "main", "java", "gurux", "dlms");
        assertEquals(List.of(gurux.resolve("ScriptPduFrames.java"), gurux.resolve("StandardObisTable.java"),
                gurux.resolve("TranslatorTagNames.java")),
                List.copyOf(BRIDGES.keySet()));
        BRIDGES.values().forEach(text -> assertEquals(Set.of(), uses(text)));
    }

    @Test
    void theWireModuleUsesNothingOfOurs() {
        assertEquals(List.of(), usesOutside("wire", "dlms.xmlclient.wire"));
    }

    @Test
    void theSimulatorUsesOnlyTheWireModuleOfOurs() {
        List<String> outside = usesOutside("simulator", "dlms.xmlclient.simulator");
        outside.removeIf(use -> use.endsWith(" uses dlms.xmlclient.wire") || use.contains(" uses dlms.xmlclient.wire."));
        assertEquals(List.of(), outside);
    }

    private static List<String> usesOutside(String module, String root) {
        List<String> found = new ArrayList<>();
        SOURCES.forEach((file, text) -> {
            if (file.startsWith(module)) {
                for (String used : uses(text)) {
                    if (!used.equals(root) && !used.startsWith(root + ".")) {
                        found.add(file.getFileName() + " uses " + used);
                    }
                }
            }
        });
        return found;
    }

    private static Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        SOURCES.forEach((file, text) -> {
            Matcher declared = PACKAGE.matcher(text);
            if (!declared.find()) {
                throw new AssertionError(file + ": no package line");
            }
            String from = declared.group(1);
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (String used : uses(text)) {
                if (!used.equals(from)) {
                    to.add(used);
                }
            }
        });
        return graph;
    }

    /** The packages of ours a file names, outside comments; a nested class's name counts as its package's. */
    private static Set<String> uses(String text) {
        Set<String> packages = new TreeSet<>();
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                continue;
            }
            Matcher use = USE.matcher(line);
            while (use.find()) {
                packages.add(use.group(1));
            }
        }
        return packages;
    }

    /** Tarjan's strongly connected components, iterative enough for a few dozen packages. */
    private static final class StronglyConnected {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<List<String>> components = new ArrayList<>();

        StronglyConnected(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<List<String>> components() {
            for (String node : graph.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : graph.getOrDefault(node, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                List<String> component = new ArrayList<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }
    }
}
