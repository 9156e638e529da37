package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistake in a targets or keys file is named by file, line and field, never by the secret on that line. */
@Tag("integration")
class SecretsInErrorsTest {

    private static final String PASSWORD = "Zx7LowPw4Qk2";
    private static final String KEY = "000102030405060708090A0B0C0D0E0F";

    @TempDir
    Path dir;

    @Test
    void aTargetsLineWithTooFewFieldsIsNamedWithoutEchoingIt() throws Exception {
        CliRun run = withTargets("m1;127.0.0.1;4061,-P " + PASSWORD + "\n");
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("meters.csv:1: expected name,host,port[,flags], got 2 comma-separated fields"),
                run.err);
        assertFalse(run.err.contains(PASSWORD), run.err);
    }

    @Test
    void aMeterNameThatIsNotOneIsNamedByColumnWithoutEchoingIt() throws Exception {
        CliRun run = withTargets("-P " + PASSWORD + ",127.0.0.1,4061\n");
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("meters.csv:1: meter name (column 1, 15 characters)"), run.err);
        assertTrue(run.err.contains("character 1 is not allowed"), run.err);
        assertFalse(run.err.contains(PASSWORD), run.err);
    }

    @Test
    void aPortThatIsNotANumberIsNotEchoedWhenItCouldBeASecret() throws Exception {
        CliRun run = withTargets("m1,127.0.0.1," + PASSWORD + "\n");
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("meters.csv:1: meter m1: port (column 3, 12 characters, not shown) is not 1-65535"),
                run.err);
        assertFalse(run.err.contains(PASSWORD), run.err);
    }

    @Test
    void aKeysLineWithItsSidesSwappedIsNamedWithoutEchoingTheKey() throws Exception {
        Path keys = Files.writeString(dir.resolve("site.keys"), KEY + " = block-cipher-key\n");
        Path script = Files.writeString(dir.resolve("a.xml"), "<Messages />\n");
        CliRun run = CliRun.run(dir.resolve("out"), "-x", script.toString(), "-c", "1", "-a", "HighGMAC",
                "--keys", keys.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("site.keys:1: unknown name (32 hex digits, not shown: the name goes left of '=',"
                + " the key right)"), run.err);
        assertFalse(run.err.contains(KEY) || run.out.contains(KEY), run.toString());
    }

    private CliRun withTargets(String content) throws Exception {
        Path targets = Files.writeString(dir.resolve("meters.csv"), content);
        Path script = Files.writeString(dir.resolve("a.xml"), "<Messages />\n");
        return CliRun.run(dir.resolve("out"), "-x", script.toString(), "--targets", targets.toString());
    }
}
