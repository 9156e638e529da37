package dlms.xmlclient.bench;

import java.io.IOException;
import java.util.List;

/**
 * How the bench starts child processes: the launchers a user runs ({@code bin/xmlclient},
 * {@code bin/simulator}) when the jars are fresh; otherwise (they would rebuild the jars first,
 * and the build would be timed) {@code java -cp} the class path we run from. The floor's JVM is
 * {@link FloorJvm}'s.
 *
 * @param client    the client command, options to follow
 * @param simulator the simulator command, options to follow
 * @param how       what the client command is, for the table
 */
record Launch(List<String> client, List<String> simulator, String how) {

    static Launch of(ProjectRoot root) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        if (ColdStartBench.isStale(root)) {
            String cp = System.getProperty("java.class.path");
            return new Launch(List.of(java, "-XX:+UseSerialGC", "-cp", cp, "dlms.xmlclient.cli.Main"),
                    List.of(java, "-XX:+UseSerialGC", "-cp", cp, "dlms.xmlclient.simulator.cli.SimulatorMain"),
                    "java -cp <class path>");
        }
        return new Launch(List.of(root.launcher().toString()),
                List.of(root.dir().resolve("bin/simulator").toString()), ProjectRoot.LAUNCHER);
    }

    /** The bench's classes and gurux.dlms: bench.jar and xmlclient.jar, or the class path we run from. */
    static String classPath(ProjectRoot root) throws IOException {
        if (root.jar() == null || ColdStartBench.isStale(root)) {
            return System.getProperty("java.class.path");
        }
        return root.jar() + java.io.File.pathSeparator + root.builtJar();
    }
}
