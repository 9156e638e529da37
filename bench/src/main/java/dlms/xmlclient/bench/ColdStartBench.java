package dlms.xmlclient.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cold start to exit of a one-script run, as a user starts it: {@code bin/xmlclient -h 127.0.0.1
 * -p PORT -x messages/get-serial-number.xml -e expected -o TMP} against the bench's simulator,
 * in a child process; its peak resident memory; a bare JVM start (a main class of ours that
 * returns at once); and the floor of the same work, a child JVM running the bare Gurux loop over
 * one association and one read ({@link FloorJvm}).
 */
final class ColdStartBench {

    /** The modules in target/xmlclient.jar, the root's pom first (the root's "module" is ""). */
    private static final List<String> SHIPPED_MODULES = List.of("", "wire", "simulator", "client");

    static final String SCRIPT = "get-serial-number.xml";

    private final BenchConfig config;

    ColdStartBench(BenchConfig config) {
        this.config = config;
    }

    List<Measure> run(ProjectRoot root, int port, Path work, FloorJvm floorJvm) throws Exception {
        String name = "cold start to exit, one-script run";
        if (root.dir() == null || !Files.isRegularFile(root.messages().resolve(SCRIPT))) {
            String why = root.dir() == null ? root.whyNotFound() : "no messages/" + SCRIPT + " in " + root.dir();
            return skipped(name, why);
        }
        if (root.jar() != null && !Files.isRegularFile(root.launcher())) {
            return skipped(name, "no " + root.launcher() + " beside the jar we run from");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> launch = new ArrayList<>();
        String how;
        if (isStale(root)) {
            // bin/xmlclient would rebuild the jar first (with Maven): what is timed then is the build.
            launch.addAll(List.of(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "dlms.xmlclient.cli.Main"));
            how = "java -cp <class path>: " + root.builtJar().getFileName() + " is missing or older than the sources";
        } else {
            launch.add(root.launcher().toString());
            how = ProjectRoot.LAUNCHER;
        }
        double[] cold = new double[config.coldRuns()];
        double[] jvm = new double[config.coldRuns()];
        double[] floor = new double[config.coldRuns()];
        long peakKb = 0;
        for (int i = 0; i < config.coldRuns(); i++) {
            Path out = work.resolve("cold-" + i);
            List<String> command = new ArrayList<>(launch);
            command.addAll(List.of("-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-x", root.messages().resolve(SCRIPT).toString(), "-e", root.expected().toString(),
                    "-o", out.toString()));
            ChildRun run = ChildRun.run(command, out.resolve("console"));
            if (run.exitCode() != 0) {
                throw new IOException(how + " exited with " + run.exitCode() + ": " + run.output().strip());
            }
            cold[i] = run.nanos() / 1e9;
            peakKb = Math.max(peakKb, run.peakKb());
            ChildRun bare = ChildRun.run(List.of(java, "-XX:+UseSerialGC", "-cp", classPath(root),
                    NoOpMain.class.getName()), work.resolve("jvm-" + i));
            if (bare.exitCode() != 0) {
                throw new IOException("the bare JVM exited with " + bare.exitCode() + ": " + bare.output().strip());
            }
            jvm[i] = bare.nanos() / 1e9;
            // The same work with nothing of ours: a JVM that loads gurux.dlms, associates, reads once, releases.
            ChildRun loop = ChildRun.run(floorJvm.command(port, 1, 1), work.resolve("floor-" + i));
            if (loop.exitCode() != 0) {
                throw new IOException("the floor's JVM exited with " + loop.exitCode() + ": " + loop.output().strip());
            }
            floor[i] = loop.nanos() / 1e9;
        }
        String runs = config.coldRuns() + (config.coldRuns() == 1 ? " run" : " runs");
        List<Measure> rows = new ArrayList<>();
        rows.add(Measure.of("cold.median_s", name + " (" + how + "), median of " + runs, Figures.median(cold), "s")
                .withTarget(Target.atMost(0.3)).withReference("Gurux XmlClient 0.41 s"));
        rows.add(Measure.of("cold.min_s", name + ", fastest of " + runs, Figures.min(cold), "s")
                .withTarget(Target.atMost(0.3)));
        rows.add(peakKb > 0
                ? Measure.of("cold.peak_rss_mb", name + ": peak RSS (VmHWM), largest of " + runs, peakKb / 1024.0,
                        "MiB")
                : Measure.skipped("cold.peak_rss_mb", name + ": peak RSS", "MiB", "no /proc/PID/status here"));
        rows.add(Measure.of("jvm.median_s", "bare JVM start to exit (an empty main class), median of " + runs,
                Figures.median(jvm), "s").withReference("bare JVM start 0.13-0.16 s"));
        rows.add(Measure.of("cold.jvm_ratio", name + " / bare JVM start, medians", Figures.median(cold)
                / Figures.median(jvm), "×").withTarget(Target.atMost(2.5)));
        // What the 2.5× asks of anything built on gurux.dlms: the library's own cold association and read.
        rows.add(Measure.of("cold.floor_s", "one-script floor (bare Gurux loop, JVM as ours: associate, 1 read,"
                + " release), median of " + runs, Figures.median(floor), "s"));
        rows.add(Measure.of("cold.floor_jvm_ratio", "one-script floor / bare JVM start, medians",
                Figures.median(floor) / Figures.median(jvm), "×"));
        rows.add(Measure.of("cold.floor_ratio", name + " / one-script floor, medians",
                Figures.median(cold) / Figures.median(floor), "×"));
        return rows;
    }

    private static List<Measure> skipped(String name, String why) {
        return List.of(Measure.skipped("cold.median_s", name + ", median", "s", why),
                Measure.skipped("cold.min_s", name + ", fastest", "s", why),
                Measure.skipped("cold.peak_rss_mb", name + ": peak RSS", "MiB", why),
                Measure.skipped("jvm.median_s", "bare JVM start to exit", "s", why),
                Measure.skipped("cold.jvm_ratio", name + " / bare JVM start", "×", why),
                Measure.skipped("cold.floor_s", "one-script floor", "s", why),
                Measure.skipped("cold.floor_jvm_ratio", "one-script floor / bare JVM start", "×", why),
                Measure.skipped("cold.floor_ratio", name + " / one-script floor", "×", why));
    }

    /** The class path the empty main class is loaded from: the bench's jar when there is a fresh one. */
    private static String classPath(ProjectRoot root) throws IOException {
        return Launch.classPath(root);
    }

    /** As bin/jar.sh decides: the jar is missing, or a source file or pom.xml is newer. */
    static boolean isStale(ProjectRoot root) throws IOException {
        Path jar = root.builtJar();
        if (!Files.isRegularFile(jar)) {
            return true;
        }
        FileTime built = Files.getLastModifiedTime(jar);
        for (String module : SHIPPED_MODULES) {
            Path pom = root.dir().resolve(module).resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.getLastModifiedTime(pom).compareTo(built) > 0) {
                return true;
            }
            Path sources = root.dir().resolve(module).resolve("src/main");
            if (Files.isDirectory(sources)) {
                try (Stream<Path> files = Files.walk(sources)) {
                    if (files.anyMatch(p -> newer(p, built))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean newer(Path p, FileTime than) {
        try {
            return Files.getLastModifiedTime(p).compareTo(than) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
