package dlms.xmlclient.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor's JVM: the bare Gurux loop ({@link BareBatchMain}) in a child JVM started as
 * {@code bin/xmlclient} starts a single run (the serial collector, the C1 compiler alone, a young
 * generation of 16 MB) with an ahead-of-time cache of its own, trained once per bench on the
 * floor's own work. The library's best in a fresh JVM: a floor started with the JVM's defaults
 * is a fifth slower on a batch and half again on one script, and ours would look nearer to it
 * than it is.
 */
final class FloorJvm {

    /** As bin/xmlclient's single runs, less what only the client needs (native access for serial ports). */
    static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn16m");

    private final String java;
    private final String classPath;
    private final Path cache;
    private boolean trained;
    private boolean cached;

    /** @param work where the cache and the training's output go */
    FloorJvm(String java, String classPath, Path work) {
        this.java = java;
        this.classPath = classPath;
        this.cache = work.resolve("floor.aot");
    }

    /** The command for {@code files} associations with {@code reads} reads each; trains the cache first, once. */
    List<String> command(int port, int files, int reads) throws IOException, InterruptedException {
        if (!trained) {
            trained = true;
            cached = train(port, reads);
        }
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(OPTIONS);
        if (cached) {
            command.addAll(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off"));
        }
        command.addAll(List.of("-cp", classPath, BareBatchMain.class.getName(), String.valueOf(port),
                String.valueOf(files), String.valueOf(reads)));
        return command;
    }

    /**
     * A few associations recorded into the cache; false (no cache, as the launcher goes on) when
     * the JVM cannot make one, does not start or takes too long.
     */
    private boolean train(int port, int reads) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(OPTIONS);
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off", "-Xlog:cds=off", "-cp", classPath,
                BareBatchMain.class.getName(), String.valueOf(port), "5", String.valueOf(reads)));
        try {
            Files.deleteIfExists(cache); // a cache left by another bench in the same folder is not this one
            ChildRun run = ChildRun.run(command, cache.resolveSibling("floor-training"));
            return run.exitCode() == 0 && Files.isRegularFile(cache);
        } catch (IOException e) {
            return false;
        }
    }
}
