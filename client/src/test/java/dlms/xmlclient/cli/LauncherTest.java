package dlms.xmlclient.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/xmlclient finds a JDK 25 or newer by each candidate's release file, with shell built-ins, and
 * finds its jars through a symbolic link. Run on a copy of bin/ in a folder of its own, with fake
 * JDKs whose bin/java prints what it was given, and empty jars newer than any source (so nothing is
 * built and no cache is trained).
 */
class LauncherTest {

    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void copyLauncher() throws IOException {
        root = dir.resolve("project");
        Files.createDirectories(root.resolve("bin"));
        for (String name : List.of("xmlclient", "jar.sh")) {
            Path copy = Files.copy(Path.of("bin", name), root.resolve("bin").resolve(name));
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path target = Files.createDirectories(root.resolve("target"));
        FileTime built = FileTime.from(Instant.now().minusSeconds(60));
        for (String name : List.of("xmlclient.jar", "simulator.jar", "bench.jar")) {
            Files.setLastModifiedTime(Files.createFile(target.resolve(name)), built);
        }
        Files.createFile(target.resolve("xmlclient.aot.tried"));
    }

    /** XMLCLIENT_JAVA_HOME's JDK, JAVA_HOME's, and the one the launcher must take. */
    static Stream<Arguments> releaseFiles() {
        return Stream.of(
                Arguments.of("skips a JDK older than 25 for the next one", "jdk17", "JAVA_VERSION=\"17.0.15\"\n",
                        "jdk25", "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n", "jdk25"),
                Arguments.of("prefers XMLCLIENT_JAVA_HOME; a release file without its last newline", "jdk26",
                        "JAVA_VERSION=\"26\"", "jdk25", "JAVA_VERSION=\"25.0.1\"\n", "jdk26"),
                Arguments.of("reads Java 8's 1.8.0_412 as feature release 1", "jdk8", "JAVA_VERSION=\"1.8.0_412\"\n",
                        "jdk25", "JAVA_VERSION=\"25.0.1\"\n", "jdk25"),
                Arguments.of("reads a release file with CR LF line ends", "jdk27", "JAVA_VERSION=\"27.0.1\"\r\n",
                        "jdk25", "JAVA_VERSION=\"25.0.1\"\n", "jdk27"),
                Arguments.of("skips a release file without JAVA_VERSION", "jdkx", "IMPLEMENTOR=\"x\"\n",
                        "jdk25", "JAVA_VERSION=\"25.0.1\"\n", "jdk25"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releaseFiles")
    void findsAJdk25OrNewerByItsReleaseFile(String what, String first, String firstRelease, String second,
            String secondRelease, String expected) throws Exception {
        Path xmlclientJavaHome = fakeJdk(first, firstRelease);
        Path javaHome = fakeJdk(second, secondRelease);
        String out = launch(root.resolve("bin/xmlclient"), Map.of("XMLCLIENT_JAVA_HOME", xmlclientJavaHome.toString(),
                "JAVA_HOME", javaHome.toString()));
        assertTrue(out.startsWith(expected + " "), out);
    }

    @Test
    void findsItsJarThroughASymbolicLinkAndPassesTheArgumentsOn() throws Exception {
        Path jdk = fakeJdk("jdk25", "JAVA_VERSION=\"25.0.1\"\n");
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("usr/bin")).resolve("xmlclient"),
                root.resolve("bin/xmlclient"));
        String out = launch(link, Map.of("XMLCLIENT_JAVA_HOME", jdk.toString()), "-x", "a b.xml");
        assertTrue(out.contains("-cp " + root.toRealPath().resolve("target/xmlclient.jar")
                + " dlms.xmlclient.cli.Main -x a b.xml"), out);
        assertTrue(out.contains("-XX:AOTCache=" + root.toRealPath().resolve("target/xmlclient.aot")), out);
    }

    @Test
    void startsJavaInTheCallersFolderWhenCalledByARelativePath() throws Exception {
        Path jdk = fakeJdk("jdk25", "JAVA_VERSION=\"25.0.1\"\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        ProcessBuilder builder = new ProcessBuilder("../project/bin/xmlclient", "-x", "messages").directory(work.toFile());
        builder.environment().put("XMLCLIENT_JAVA_HOME", jdk.toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, process.waitFor(), lines.toString());
        assertTrue(lines.get(0).contains("-cp " + root.toRealPath().resolve("target/xmlclient.jar")), lines.toString());
        assertEquals(work.toRealPath(), Path.of(lines.get(1)).toRealPath(), "java's working folder");
    }

    /** The -x value, the JDK's release, and whether the training's profiles are to be replayed. */
    static Stream<Arguments> scriptRuns() {
        return Stream.of(
                Arguments.of("one script on Java 25: not replayed", List.of("-x", "one.xml"), "25.0.1", false),
                Arguments.of("one script as --messages=", List.of("--messages=one.xml"), "25.0.1", false),
                Arguments.of("one script as -xFILE", List.of("-h", "m", "-xone.xml", "-e", "expected"), "25.0.1", false),
                Arguments.of("one script as --messages FILE on a release file saying just 25",
                        List.of("--messages", "one.xml"), "25", false),
                Arguments.of("-x last, with no value: replayed (the run says what is wrong)", List.of("-o", "out", "-x"),
                        "25.0.1", true),
                Arguments.of("a folder: replayed", List.of("-x", "messages"), "25.0.1", true),
                Arguments.of("a file that is not there: replayed (the run says what is wrong)",
                        List.of("-x", "missing.xml"), "25.0.1", true),
                Arguments.of("one script in a fleet: replayed", List.of("--targets", "t.csv", "-x", "one.xml"),
                        "25.0.1", true),
                Arguments.of("one script on Java 26: the flag is not passed", List.of("-x", "one.xml"), "26", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scriptRuns")
    void aOneScriptRunOnJava25SkipsTheTrainingsReplay(String what, List<String> args, String version,
            boolean replayed) throws Exception {
        Path jdk = fakeJdk("jdk", "JAVA_VERSION=\"" + version + "\"\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("one.xml"), "<GetRequest/>");
        Files.createDirectories(work.resolve("messages"));
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/xmlclient").toString()).directory(work.toFile());
        builder.command().addAll(args);
        builder.environment().remove("XMLCLIENT_JAVA_OPTS");
        builder.environment().put("XMLCLIENT_JAVA_HOME", jdk.toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        assertEquals(!replayed, out.contains(" -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining "), out);
        assertTrue(out.contains(" dlms.xmlclient.cli.Main " + String.join(" ", args)), out);
    }

    /** A JDK's folder: its release file, and a bin/java that prints the folder's name, its arguments and its folder. */
    private Path fakeJdk(String name, String release) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jvm").resolve(name).resolve("bin")).getParent();
        Files.writeString(home.resolve("release"), release, StandardCharsets.UTF_8);
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\necho \"" + name + " $*\"\npwd\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static String launch(Path launcher, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString());
        builder.command().addAll(List.of(args));
        builder.environment().remove("XMLCLIENT_JAVA_OPTS");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out.strip();
    }
}
