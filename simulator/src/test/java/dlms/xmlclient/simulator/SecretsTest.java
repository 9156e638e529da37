package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.cli.SimulatorMain;
import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ObjectType;

/** No password, secret or key in anything the simulator writes. */
@Tag("integration")
class SecretsTest {

    private static final String WRONG_PASSWORD = "s3cr3t!";

    @Test
    void verboseTraceAndLogShowNoPasswordSecretOrKey() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(SimulatorMain.run(
                new String[] {"-p", "0", "-t", "Verbose"}, out, out)), "simulator main");
        runner.start();
        try {
            int port = awaitPort(bytes);
            try (TestClient low = TestClient.connect(port, false, 17, Authentication.LOW,
                    "00000000").associate()) {
                assertEquals(0, low.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
                low.release();
            }
            try (TestClient wrong = TestClient.connect(port, false, 17, Authentication.LOW,
                    WRONG_PASSWORD)) {
                assertThrows(Exception.class, wrong::associate);
            }
            try (TestClient high = TestClient.connect(port, false, 18, Authentication.HIGH,
                    "Gurux").associate()) {
                assertEquals(0, high.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
                high.release();
            }
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
        assertEquals(0, exit.get());
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(" RX ") && text.contains(" 60 ") && text.contains("INFO"),
                "AARQ frames and log lines were written: " + text);
        assertTrue(text.contains(" 80 08 ** ** ** ** ** ** ** ** "), "Low password masked");
        for (String secret : new String[] {"00000000", WRONG_PASSWORD, "Gurux",
            "000102030405060708090A0B0C0D0E0F", "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"}) {
            assertAbsent(text, secret);
        }
    }

    @Test
    void cipheredTrafficShowsNoKey() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .trace(out).log(out, gurux.common.enums.TraceLevel.VERBOSE));
                TestClient client = TestClient.ciphered(meter, 2, Authentication.HIGH_MD5,
                        "Gurux", 1).associate()) {
            client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2);
            client.ciphering().setAuthenticationKey(new byte[16]);
            assertThrows(Exception.class, () -> client.read(DefaultDevice.CLOCK,
                    ObjectType.CLOCK, 2));
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("WARNING refused from client 2"), text);
        for (String secret : new String[] {"Gurux", "000102030405060708090A0B0C0D0E0F",
            "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"}) {
            assertAbsent(text, secret);
        }
    }

    /** Neither the text itself nor its bytes in hex, spaced or not. */
    private static void assertAbsent(String output, String secret) {
        String hex = secret.matches("[0-9A-F]{32}") ? secret : toHex(secret);
        String spaced = hex.replaceAll("(..)(?!$)", "$1 ");
        String upper = output.toUpperCase(Locale.ROOT);
        assertFalse(output.contains(secret), "'" + secret + "' written");
        assertFalse(upper.contains(hex), hex + " written");
        assertFalse(upper.contains(spaced), spaced + " written");
    }

    private static String toHex(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            sb.append(String.format("%02X", b));
        }
        return sb.toString();
    }

    private static int awaitPort(ByteArrayOutputStream bytes) throws InterruptedException {
        Pattern pattern = Pattern.compile("listening on port (\\d+)");
        for (int i = 0; i != 100; ++i) {
            Matcher m = pattern.matcher(bytes.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no start line: " + bytes);
    }
}
