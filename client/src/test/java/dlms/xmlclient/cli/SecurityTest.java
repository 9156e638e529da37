package dlms.xmlclient.cli;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every authentication level and ciphered traffic against the built-in simulator over TCP, with
 * the simulator's documented associations, secrets and keys (bin/simulator --help).
 */
@Tag("integration")
class SecurityTest {

    static final String TITLE = "4142434445464748";
    static final String METER_TITLE = "4752583132333435";
    static final String AK = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";
    static final String BK = "000102030405060708090A0B0C0D0E0F";
    static final String KEYS = "-T " + TITLE + " -A " + AK + " -B " + BK;
    static final String CIPHERED = "-c 1 -a HighGMAC -C AuthenticationEncryption " + KEYS;

    @TempDir
    Path out;
    @TempDir
    Path home;

    static List<String> args(MeterSimulator meter, String association, String... more) {
        List<String> args = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", String.valueOf(meter.port())));
        args.addAll(List.of(association.split(" ")));
        args.addAll(List.of(more));
        return args;
    }

    CliRun run(MeterSimulator meter, String association, String... more) {
        return CliRun.run(out, args(meter, association, more).toArray(String[]::new));
    }

    static String line(CliRun run, String script) {
        return run.out.lines().filter(l -> l.contains(script)).findFirst().orElse("(no line for " + script + ")");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "None, public client        | -c 16 -a None",
            "Low                        | -c 17 -a Low -P 00000000",
            "High                       | -c 18 -a High -P Gurux",
            "HighGMAC, ciphered         | -c 1 -a HighGMAC -C AuthenticationEncryption " + KEYS,
            "HighMD5, ciphered          | -c 2 -a HighMD5 -P Gurux -C AuthenticationEncryption " + KEYS,
            "HighSHA1, ciphered         | -c 3 -a HighSHA1 -P Gurux -C AuthenticationEncryption " + KEYS,
            "HighSHA256, ciphered       | -c 4 -a HighSHA256 -P Gurux -C AuthenticationEncryption " + KEYS})
    void everyAuthenticationLevelAssociatesAndReadsTheClock(String level, String association) throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = run(meter, association.trim(), "-x", "messages/clock/1-read.xml", "-e", "expected/clock");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(line(run, "1-read.xml").contains("PASS"), run.out);
        }
    }

    @Test
    void theSameScriptsAndExpectedFilesPassPlainAndCiphered() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            // Each run starts its counter afresh, so the ciphered runs read the meter's (-v).
            for (String association : List.of("-c 17 -a Low -P 00000000", CIPHERED + " -v 0.0.43.1.1.255")) {
                for (String folder : List.of("energy", "load-profile")) {
                    CliRun run = run(meter, association, "-x", "messages/" + folder, "-e", "expected/" + folder);
                    assertEquals(0, run.exitCode, association + "\n" + run);
                }
            }
        }
    }

    @Test
    void cipheredGetSetActionAndBlockTransferShowCipheredFramesAndPlainPdus() throws Exception {
        CliRun run = CliRun.run(out, "-x", "messages/secure", "-e", "expected/secure");
        assertEquals(0, run.exitCode, run.toString());
        String trace = run.trace();
        assertTrue(trace.contains("(HighGMAC, AuthenticationEncryption, suite 0, meter system title 47 52 58 31 32 33"
                + " 34 35)"), trace);
        // The plain Get of the serial number, its ciphered frame, and the plain reply.
        assertTrue(trace.contains("TX= C0 01 C1 00 01 00 00 60 01 00 FF 02 00"), trace);
        assertTrue(trace.contains("RX= C4 01 C1 00 0A 08 31 32 33 34 35 36 37 38"), trace);
        assertFalse(trace.contains("TX 7E A0 1A 03 03 ") && trace.contains("C0 01 C1 00 01 00 00 60 01 00 FF 02 00 "
                + "7E"), "no plain Get on the wire");
        Path reply = run.replyFile("ciphered-exchange.xml");
        String replies = Files.readString(reply);
        assertTrue(replies.contains("<GetResponse>") && !replies.contains("Ciphering"), replies);
    }

    @Test
    void aDedicatedKeyWorksAndRequestsBelowTheMetersPolicyAreRefused() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun dedicated = run(meter, CIPHERED + " -D 00112233445566778899AABBCCDDEEFF",
                    "-t", "Verbose", "-x", "messages/energy", "-e", "expected/energy");
            assertEquals(0, dedicated.exitCode, dedicated.toString());
            // general-ded-ciphering (DC) from the client, with the client's system title
            assertTrue(dedicated.trace().contains(" DC 08 41 42 43 44 45 46 47 48 "), dedicated.trace());
        }
        for (String security : List.of("Authentication", "Encryption")) {
            try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
                CliRun run = run(meter, "-c 1 -a HighGMAC " + KEYS + " -C " + security,
                        "-x", "messages/energy/a-plus.xml", "-e", "expected/energy");
                // The policy asks for authenticated encryption: HLS pass 3, the first ciphered
                // request, is refused, so the association never stands.
                assertEquals(3, run.exitCode, security + "\n" + run);
                assertTrue(line(run, "a-plus.xml").contains("no connection: HLS challenge refused by the meter"),
                        run.out);
            }
        }
    }

    @Test
    void aStaleInvocationCounterFailsWithItsCauseAndMinusVReadsTheMetersCounter() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            assertEquals(0, run(meter, CIPHERED, "-x", "messages/energy/a-plus.xml").exitCode);

            CliRun again = run(meter, CIPHERED, "-x", "messages/energy/a-plus.xml");
            assertEquals(3, again.exitCode, again.toString());
            String line = line(again, "a-plus.xml");
            assertTrue(line.contains("no connection: invocation counter 0 refused by the meter as too low"), line);
            assertTrue(line.contains("read the meter's counter with -v 0.0.43.1.x.255"), line);

            CliRun fromMeter = run(meter, CIPHERED, "-v", "0.0.43.1.1.255", "-x", "messages/energy",
                    "-e", "expected/energy");
            assertEquals(0, fromMeter.exitCode, fromMeter.toString());
            assertTrue(fromMeter.trace().matches("(?s).*invocation counter 0\\.0\\.43\\.1\\.1\\.255 reads \\d+:"
                    + " continuing from \\d+.*"), fromMeter.trace());
            assertTrue(fromMeter.out.contains("4 scripts: 4 passed"), "later scripts continue the run's counter: "
                    + fromMeter.out);
        }
    }

    @Test
    void wrongSecretsFailWithExitCode3AndTheirCause() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun high = run(meter, "-c 18 -a High -P NotTheSecret", "-x", "messages/clock/1-read.xml");
            assertEquals(3, high.exitCode, high.toString());
            assertTrue(line(high, "1-read.xml").contains("wrong secret (check -P)"), high.out);

            String wrongKey = "-c 1 -a HighGMAC -C AuthenticationEncryption -T " + TITLE + " -A " + AK
                    + " -B 0F0E0D0C0B0A09080706050403020100";
            CliRun key = run(meter, wrongKey, "-x", "messages/clock/1-read.xml", "--wait-time", "1000",
                    "--retries", "0");
            assertEquals(3, key.exitCode, key.toString());
            assertTrue(line(key, "1-read.xml").contains("block cipher key (-B)"), key.out);

            CliRun title = run(meter, CIPHERED, "-M", "4D4D4D0000000001", "-x", "messages/clock/1-read.xml");
            assertEquals(3, title.exitCode, title.toString());
            assertTrue(line(title, "1-read.xml").contains("the meter's system title is " + METER_TITLE
                    + ", -M says 4D4D4D0000000001"), title.out);
        }
    }

    @Test
    void aWrongPasswordIsNamedByTheOptionsFileLineOrTheVariableThatGaveIt() throws Exception {
        Path site = Files.createDirectories(home.resolve("site"));
        Files.copy(Path.of("messages/clock/1-read.xml"), site.resolve("1-read.xml"));
        Path options = Files.writeString(site.resolve(FolderOptions.FILE_NAME),
                "# the management client\n-c 17 -a Low\n-P Not-The-Pw-42\n");
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun fromFile = run(meter, "-x " + site);
            assertEquals(3, fromFile.exitCode, fromFile.toString());
            assertTrue(line(fromFile, "1-read.xml").contains("association rejected by the meter: authentication-failure"
                    + " (13): wrong password (check -P in " + options + ":3)"), fromFile.out);

            Files.writeString(options, "-c 17 -a Low -P 00000000\n");
            CliRun fromEnv = CliRun.run(out, Map.of(SecurityOptions.PASSWORD_VARIABLE, "Not-The-Pw-42"),
                    args(meter, "-x " + site).toArray(String[]::new));
            assertEquals(3, fromEnv.exitCode, fromEnv.toString());
            assertTrue(line(fromEnv, "1-read.xml").contains("wrong password (check XMLCLIENT_PASSWORD)"), fromEnv.out);
        }
    }

    @Test
    void secretsAppearInNoOutputFile() throws Exception {
        String password = "Gurux";
        String dedicated = "00112233445566778899AABBCCDDEEFF";
        Path passwordFile = Files.writeString(home.resolve("md5.pw"), password + "\n");
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun md5 = run(meter, "-c 2 -a HighMD5 -C AuthenticationEncryption " + KEYS + " -D " + dedicated,
                    "--password-file", passwordFile.toString(), "-t", "Verbose", "-x", "messages", "-e", "expected");
            assertTrue(md5.out.contains("associated") || md5.trace().contains("associated as client 2"), md5.toString());
            assertNoSecret(md5, List.of(password, AK, BK, dedicated));

            CliRun low = CliRun.run(out, Map.of(SecurityOptions.PASSWORD_VARIABLE, "00000000"), "-h", "127.0.0.1",
                    "-p", String.valueOf(meter.port()), "-c", "17", "-a", "Low", "-t", "Verbose",
                    "-x", "messages/energy", "-e", "expected/energy");
            assertEquals(0, low.exitCode, "the password came from XMLCLIENT_PASSWORD: " + low);
        }
    }

    /** No console text and no file the run wrote holds a secret, in ASCII or in hex (spaced or not). */
    static void assertNoSecret(CliRun run, List<String> secrets) throws IOException {
        List<String> outputs = new ArrayList<>(List.of(run.out, run.err));
        try (Stream<Path> files = Files.walk(run.outDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                outputs.add(f + "\n" + Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertTrue(outputs.size() > 20, "replies, trace and reports were written: " + outputs.size());
        for (String secret : secrets) {
            boolean hex = secret.matches("([0-9A-F]{2})+");
            String spaced = (hex ? secret : toHex(secret)).replaceAll("(..)(?!$)", "$1 ");
            for (String output : outputs) {
                String where = output.lines().findFirst().orElse("");
                assertFalse(output.contains(secret), "secret in " + where);
                assertFalse(output.contains(spaced), "secret in hex in " + where);
                assertFalse(output.contains(spaced.replace(" ", "")), "secret in hex in " + where);
            }
        }
    }

    private static String toHex(String ascii) {
        StringBuilder sb = new StringBuilder();
        for (byte b : ascii.getBytes(StandardCharsets.US_ASCII)) {
            sb.append(String.format("%02X", b));
        }
        return sb.toString();
    }
}
