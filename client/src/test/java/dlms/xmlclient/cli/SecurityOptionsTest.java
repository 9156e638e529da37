package dlms.xmlclient.cli;

import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.SecuritySettings;
import gurux.dlms.enums.Security;
import gurux.dlms.objects.enums.SecuritySuite;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityOptionsTest {

    static final String TITLE = "4142434445464748";
    static final String AK = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";
    static final String BK = "000102030405060708090A0B0C0D0E0F";

    @TempDir
    Path dir;

    static FlagValues flags(String... args) throws Exception {
        return FlagValues.of(new DefaultParser().parse(ClientOptions.definitions(), args));
    }

    static ConnectionSettings settings(Map<String, String> env, String... args) throws Exception {
        return ConnectionOptions.from(flags(args), env);
    }

    static String error(Map<String, String> env, String... args) {
        return assertThrows(UsageException.class, () -> settings(env, args)).getMessage();
    }

    @Test
    void cipheringWithoutKeysNamesEveryMissingFlag() {
        assertEquals("-C AuthenticationEncryption needs -T (client system title), -A (authentication key),"
                        + " -B (block cipher key), as flags or in --keys FILE",
                error(Map.of(), "-C", "AuthenticationEncryption"));
        assertEquals("-a HighGMAC needs -A (authentication key), as flags or in --keys FILE",
                error(Map.of(), "-a", "HighGMAC", "-T", TITLE, "-B", BK));
    }

    @Test
    void keysComeFromTheKeysFileAndFlagsOverrideThem() throws Exception {
        Path keys = Files.writeString(dir.resolve("meter.keys"), "# bench meter 7\n"
                + "system-title = 41 42 43 44 45 46 47 48\n"
                + "authentication-key = " + AK.toLowerCase() + "  # lower case is fine\n"
                + "block-cipher-key = FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\n");
        SecuritySettings s = settings(Map.of(), "-C", "AuthenticationEncryption", "--keys", keys.toString(),
                "-B", BK, "-F", "41").security();
        assertEquals(Security.AUTHENTICATION_ENCRYPTION, s.security());
        assertEquals(SecuritySuite.SUITE_0, s.suite());
        assertEquals(TITLE, s.clientSystemTitle());
        assertEquals(AK, s.authenticationKey());
        assertEquals(BK, s.blockCipherKey(), "-B overrides the file");
        assertEquals(41, s.initialInvocationCounter());
        assertNull(s.meterSystemTitle());
    }

    @Test
    void aBadKeyNamesItsPlaceAndNeverEchoesTheValue() throws Exception {
        String shortKey = "000102030405060708090A0B0C0D0E";
        assertEquals("-B: 15 bytes, expected 16",
                error(Map.of(), "-C", "Encryption", "-T", TITLE, "-A", AK, "-B", shortKey));
        assertEquals("-A: not hex bytes (e.g. 000102...)",
                error(Map.of(), "-C", "Authentication", "-T", TITLE, "-A", "Secret-Word", "-B", BK));
        assertEquals("-A: 16 bytes, expected 32", error(Map.of(), "-C", "AuthenticationEncryption", "-V", "2",
                "-T", TITLE, "-A", AK, "-B", BK + BK));

        Path keys = Files.writeString(dir.resolve("bad.keys"), "system-title = " + TITLE + "\nD0D1D2D3\n");
        String message = error(Map.of(), "-C", "Encryption", "--keys", keys.toString());
        assertEquals(keys + ":2: expected name = hex", message);
        Path typo = Files.writeString(dir.resolve("typo.keys"), "block-key = " + BK + "\n");
        message = error(Map.of(), "-C", "Encryption", "--keys", typo.toString());
        assertTrue(message.startsWith(typo + ":1: unknown name 'block-key' (expected one of authentication-key,"),
                message);
        assertFalse(message.contains(BK), message);
    }

    @Test
    void thePasswordComesFromTheFlagTheFileOrTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "from-file\nsecond line ignored\n");
        Map<String, String> env = Map.of(SecurityOptions.PASSWORD_VARIABLE, "from-env");
        assertEquals("from-flag", settings(env, "-a", "Low", "-P", "from-flag").password());
        assertEquals("from-file", settings(env, "-a", "Low", "--password-file", file.toString()).password());
        assertEquals("from-env", settings(env, "-a", "High").password());
        FlagValues folder = FlagValues.of(new DefaultParser().parse(ClientOptions.definitions(),
                new String[] {"-a", "Low", "-P", "from-options-file"}), "xmlclient.options:1: ");
        assertEquals("from-env", ConnectionOptions.from(folder, env).password(),
                "the variable is set for this run: it beats an options file");
        assertEquals("from-options-file", ConnectionOptions.from(folder, Map.of()).password());
        assertEquals("-P and --password-file: give one of them, not both",
                error(env, "-a", "Low", "-P", "x", "--password-file", file.toString()));
    }

    @Test
    void aPasswordLevelWithoutPasswordSaysWhereToGiveIt() throws Exception {
        assertEquals("-a HighSHA256 needs the secret: -P, --password-file FILE or the XMLCLIENT_PASSWORD"
                + " environment variable", error(Map.of(), "-a", "HighSHA256"));
        assertEquals("-a Low needs the password: -P, --password-file FILE or the XMLCLIENT_PASSWORD"
                + " environment variable", error(Map.of(), "-a", "Low"));
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertEquals("--password-file " + empty + ": the first line is empty",
                error(Map.of(), "-a", "Low", "--password-file", empty.toString()));
        assertTrue(error(Map.of(), "-a", "Low", "--password-file", dir.resolve("none").toString())
                .startsWith("--password-file " + dir.resolve("none") + ": cannot be read"));
    }

    @Test
    void optionsFilesGiveFileFlagsRelativeToTheirFolderAndTheCommandLineWins() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("secure"));
        Files.writeString(folder.resolve("meter.pw"), "file-secret\n");
        Files.writeString(folder.resolve(FolderOptions.FILE_NAME), "-c 2 -a HighMD5 --password-file meter.pw\n"
                + "-C AuthenticationEncryption -T " + TITLE + " -A " + AK + " -B " + BK + "\n");
        FlagValues fromFile = new FolderOptions().forFolder(folder);
        assertEquals("file-secret", ConnectionOptions.from(fromFile, Map.of()).password());
        ConnectionSettings overridden = ConnectionOptions.from(fromFile.overriddenBy(flags("-P", "typed")), Map.of());
        assertEquals("typed", overridden.password(), "-P on the command line replaces the file's --password-file");
    }

    @Test
    void badSecurityValuesNameTheFlag() {
        assertEquals("-C Ciphered: expected None, Authentication, Encryption or AuthenticationEncryption",
                error(Map.of(), "-C", "Ciphered"));
        assertEquals("-V 3: expected 0, 1 or 2", error(Map.of(), "-V", "3"));
        assertEquals("-F -1: expected a whole number 0..4294967295",
                error(Map.of(), "-C", "Encryption", "-T", TITLE, "-A", AK, "-B", BK, "-F", "-1"));
        assertEquals("-v 0.0.43.1.256.255: expected a logical name such as 0.0.43.1.1.255",
                error(Map.of(), "-C", "Encryption", "-T", TITLE, "-A", AK, "-B", BK, "-v", "0.0.43.1.256.255"));
        assertEquals("-D is used only with ciphering: add -C AuthenticationEncryption (or another level)",
                error(Map.of(), "-D", BK));
    }

    @Test
    void settingsNeverPrintKeysOrPasswords() throws Exception {
        ConnectionSettings s = settings(Map.of(), "-a", "HighGMAC", "-C", "AuthenticationEncryption", "-T", TITLE,
                "-A", AK, "-B", BK, "-D", "00112233445566778899AABBCCDDEEFF", "-h", "meter", "-p", "4059");
        String shown = s + " " + s.security() + " " + s.describeTarget();
        for (String secret : new String[] {AK, BK, "00112233445566778899AABBCCDDEEFF"}) {
            assertFalse(shown.contains(secret), shown);
        }
        assertEquals("tcp meter:4059 (HDLC, client 16, server 1, HighGMAC, AuthenticationEncryption, suite 0)",
                s.describeTarget());
    }
}
