package dlms.xmlclient.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where the project is: the launcher, the samples and the jar. Running from
 * {@code target/bench.jar}, it is the jar's folder's parent; otherwise (in tests, from
 * {@code target/classes}) the working folder, if it holds {@code bin/xmlclient}.
 *
 * @param dir         the project folder, or null when it cannot be found
 * @param jar         the jar we run from, or null when we run from classes
 * @param whyNotFound what was looked at, when dir is null
 */
record ProjectRoot(Path dir, Path jar, String whyNotFound) {

    static final String LAUNCHER = "bin/xmlclient";

    static ProjectRoot find() {
        Path code = codeLocation();
        if (code != null && code.getFileName() != null && code.getFileName().toString().endsWith(".jar")
                && code.getParent() != null && code.getParent().getParent() != null) {
            return new ProjectRoot(code.getParent().getParent(), code, null);
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(cwd.resolve(LAUNCHER))) {
            return new ProjectRoot(cwd, null, null);
        }
        return new ProjectRoot(null, null, "not run from target/bench.jar, and the working folder " + cwd
                + " has no " + LAUNCHER);
    }

    private static Path codeLocation() {
        CodeSource source = ProjectRoot.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    Path launcher() {
        return dir.resolve(LAUNCHER);
    }

    Path messages() {
        return dir.resolve("messages");
    }

    Path expected() {
        return dir.resolve("expected");
    }

    /** The client's built jar (the bench itself runs from target/bench.jar beside it). */
    Path builtJar() {
        return dir.resolve("target/xmlclient.jar");
    }
}
