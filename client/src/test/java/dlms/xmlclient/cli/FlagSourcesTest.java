package dlms.xmlclient.cli;

import dlms.xmlclient.run.SettingSources;
import dlms.xmlclient.session.Hint;
import dlms.xmlclient.session.SessionException;
import dlms.xmlclient.session.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A failure's hint names each setting where it was set: the flag, a file's line, or the environment. */
class FlagSourcesTest {

    static final String KEYS = "-T 4142434445464748 -A D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"
            + " -B 000102030405060708090A0B0C0D0E0F";

    @TempDir
    Path dir;

    static SettingSources sources(FlagValues flags, Map<String, String> env) throws Exception {
        return FlagSources.of(flags, env, ConnectionOptions.from(flags, env));
    }

    static SettingSources typed(String line) throws Exception {
        return sources(SecurityOptionsTest.flags(line.split(" ")), Map.of());
    }

    static String hint(SettingSources sources, Hint hint) {
        return sources.explain(new SessionException(SessionException.Kind.ASSOCIATE, "failed", hint));
    }

    @Test
    void typedOrDefaultSettingsAreNamedByTheirFlagsAsBefore() throws Exception {
        SettingSources typed = typed("-c 17 -a Low -P secret");
        assertEquals("failed (check -P)", hint(typed, Hint.check(Setting.PASSWORD)));
        assertEquals("failed (check -c and -s, -l or -n)",
                hint(typed, Hint.check(Setting.CLIENT_ADDRESS, Setting.SERVER_ADDRESS)));
        assertEquals("failed (check -c and -s)",
                hint(typed("-w -c 17"), Hint.check(Setting.CLIENT_ADDRESS, Setting.SERVER_ADDRESS)));
        assertEquals("failed (check -r, and -C: why)", hint(typed, Hint.of(" (check ").then(Setting.REFERENCING)
                .then(", and ").then(Setting.SECURITY).then(": why)")));
        assertEquals("failed (check -A, -B and -T)", hint(typed("-c 1 -a HighGMAC " + KEYS),
                Hint.check(Setting.AUTHENTICATION_KEY, Setting.BLOCK_CIPHER_KEY, Setting.SYSTEM_TITLE)));
        assertEquals("failed: check -s, -l or -n", hint(typed("-s 5"), Hint.of(": check ").then(Setting.SERVER_ADDRESS)));
    }

    @Test
    void anOptionsFileLineIsNamedWithItsFlag() throws Exception {
        Path file = Files.writeString(dir.resolve(FolderOptions.FILE_NAME), "# the site's meters\n-c 17\n-a Low -P secret\n");
        FlagValues flags = FolderOptions.read(file);
        assertEquals("failed (check -P in " + file + ":3)", hint(sources(flags, Map.of()), Hint.check(Setting.PASSWORD)));
        assertEquals("failed (check -c in " + file + ":2 and -s, -l or -n)", hint(sources(flags, Map.of()),
                Hint.check(Setting.CLIENT_ADDRESS, Setting.SERVER_ADDRESS)));
        FlagValues typedPassword = flags.overriddenBy(SecurityOptionsTest.flags("-P", "other"));
        assertEquals("failed (check -P)", hint(sources(typedPassword, Map.of()), Hint.check(Setting.PASSWORD)),
                "the command line overrides the file");
        Path logical = Files.writeString(dir.resolve("logical.options"), "-l 1\n");
        assertEquals(List.of("-s", "-l in " + logical + ":1"), sources(FolderOptions.read(logical).overriddenBy(
                SecurityOptionsTest.flags("-s", "5")), Map.of()).of(Setting.SERVER_ADDRESS),
                "a typed part of the server address by its flag, a written one by its line");
    }

    @Test
    void aTargetsLineIsNamedOnceForAllTheFlagsOnIt() throws Exception {
        Path file = Files.writeString(dir.resolve("targets.csv"), "name,host,port,flags\n"
                + "meter-1,127.0.0.1,4061,-c 1 -a HighGMAC -C AuthenticationEncryption " + KEYS + "\n");
        FlagValues flags = SecurityOptionsTest.flags("-c", "17").overriddenBy(TargetsFile.read(file).get(0).flags());
        assertEquals("failed (check -A, -B and -T in " + file + ":2)", hint(sources(flags, Map.of()),
                Hint.check(Setting.AUTHENTICATION_KEY, Setting.BLOCK_CIPHER_KEY, Setting.SYSTEM_TITLE)));
        assertEquals("failed (check -B in " + file + ":2 and -V)",
                hint(sources(flags, Map.of()), Hint.check(Setting.BLOCK_CIPHER_KEY, Setting.SECURITY_SUITE)));
    }

    @Test
    void passwordsFromTheEnvironmentOrAPasswordFileAndKeysFromAKeysFileAreNamedSo() throws Exception {
        Path options = Files.writeString(dir.resolve(FolderOptions.FILE_NAME), "-c 17 -a Low -P secret\n");
        Map<String, String> env = Map.of(SecurityOptions.PASSWORD_VARIABLE, "from-env");
        assertEquals("failed (check XMLCLIENT_PASSWORD)",
                hint(sources(FolderOptions.read(options), env), Hint.check(Setting.PASSWORD)));
        Path pw = Files.writeString(dir.resolve("meter.pw"), "secret\n");
        assertEquals("failed (check --password-file)", hint(typed("-c 17 -a Low --password-file " + pw),
                Hint.check(Setting.PASSWORD)));
        Path keys = Files.writeString(dir.resolve("meter.keys"), "system-title = 4142434445464748\n"
                + "authentication-key = D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF\n"
                + "block-cipher-key = 000102030405060708090A0B0C0D0E0F\n");
        assertEquals("failed (check " + keys + ":3 and -T)", hint(typed("-c 1 -a HighGMAC -C AuthenticationEncryption"
                + " --keys " + keys + " -T 4142434445464748"), Hint.check(Setting.BLOCK_CIPHER_KEY, Setting.SYSTEM_TITLE)));
    }

    @Test
    void withoutACommandLineASettingIsNamedByWhatItIs() {
        assertEquals("failed (check block cipher key and client system title)", hint(SettingSources.UNKNOWN,
                Hint.check(Setting.BLOCK_CIPHER_KEY, Setting.SYSTEM_TITLE)));
    }
}
