package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DeviceKeys;
import dlms.xmlclient.simulator.log.TraceMask;
import gurux.common.enums.TraceLevel;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.enums.Authentication;

/**
 * The verbose trace masks the Low password however the AARQ is cut: HDLC information fields
 * from the smallest (32 bytes, the password split over segments) to the largest the meter
 * takes; and no HLS secret shows at any size.
 */
@Tag("integration")
class PasswordMaskAtEveryFrameSizeTest {

    private static final int SMALLEST = 32;
    private static final int LARGEST = 2030;
    private static final String PASSWORD_HEX = "30 30 30 30 30 30 30 30";
    private static final String SECRET_HEX = "47 75 72 75 78"; // "Gurux"

    private static List<Integer> sizes() {
        List<Integer> sizes = IntStream.rangeClosed(SMALLEST, 128).boxed()
                .collect(Collectors.toList());
        sizes.add(LARGEST);
        return sizes;
    }

    private static <T extends GXDLMSClient> T framed(T client, int size) {
        client.getHdlcSettings().setMaxInfoTX(size);
        client.getHdlcSettings().setMaxInfoRX(size);
        return client;
    }

    @Test
    void lowPasswordIsMaskedWhereverTheSegmentsCutIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<Integer> sizes = sizes();
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .trace(out).log(out, TraceLevel.VERBOSE))) {
            for (int size : sizes) {
                try (TestClient low = TestClient.over(meter, framed(TestClient.dlms(meter,
                        Associations.MANAGEMENT_CLIENT, Authentication.LOW,
                        Associations.LOW_SECRET), size)).associate()) {
                    low.release();
                }
            }
        }
        String trace = bytes.toString(StandardCharsets.UTF_8);
        List<String> rx = trace.lines().filter(l -> l.contains(" RX ")).collect(
                Collectors.toList());
        long masked = rx.stream().mapToLong(l -> count(l, TraceMask.MASK)).sum();
        // Every password byte of every AARQ, and nothing else.
        assertEquals(8L * sizes.size(), masked, trace);
        assertTrue(rx.stream().anyMatch(l -> count(l, TraceMask.MASK) > 0
                && count(l, TraceMask.MASK) < 8), "some AARQ had its password split: " + trace);
        assertFalse(trace.contains(PASSWORD_HEX), trace);
        assertFalse(trace.contains("30 30 30"), trace);
    }

    @Test
    void hlsSecretIsNeverShownAtAnyFrameSize() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long counter = 1;
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .trace(out).log(out, TraceLevel.VERBOSE))) {
            for (int size : sizes()) {
                try (TestClient high = TestClient.over(meter, framed(TestClient.dlms(meter,
                        Associations.HIGH_CLIENT, Authentication.HIGH, DeviceKeys.HLS_SECRET),
                        size)).associate()) {
                    high.release();
                }
                try (TestClient md5 = TestClient.ciphered(meter, 2, Authentication.HIGH_MD5,
                        DeviceKeys.HLS_SECRET, counter)) {
                    framed(md5.dlms(), size);
                    md5.associate().release();
                }
                counter += 10;
            }
        }
        String trace = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(trace.contains(" RX ") && trace.contains("association released by client 2"), trace);
        assertFalse(trace.contains(SECRET_HEX), trace);
        for (int i = 0; i + 8 <= SECRET_HEX.length(); i += 3) {
            assertFalse(trace.contains(SECRET_HEX.substring(i, i + 8)), SECRET_HEX.substring(i,
                    i + 8));
        }
        assertFalse(trace.contains("Gurux"), trace);
    }

    private static long count(String line, String token) {
        return (line.length() - line.replace(token, "").length()) / token.length();
    }
}
