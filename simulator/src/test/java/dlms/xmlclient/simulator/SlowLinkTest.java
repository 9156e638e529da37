package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.wire.line.LinkTrace;
import dlms.xmlclient.wire.line.PtyPair;
import dlms.xmlclient.wire.line.SerialLine;
import dlms.xmlclient.wire.line.SerialLines;
import dlms.xmlclient.wire.line.SerialSettings;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.ObjectType;

/** --latency on the meter's other ways out: a serial line with mode E, and a call out. */
@Tag("integration")
class SlowLinkTest {

    private static final byte[] OPTION_SELECT_9600 = {0x06, '2', '5', '2', '\r', '\n'};

    @Test
    void aCallingMeterAnswersTheHeadEndAfterTheLatency() throws Exception {
        try (ServerSocket headEnd = new ServerSocket(0);
                MeterSimulator meter = MeterSimulator.call(new SimulatorOptions().latency(300, 0),
                        new InetSocketAddress("127.0.0.1", headEnd.getLocalPort()), 20)) {
            headEnd.setSoTimeout(10_000);
            try (Socket called = headEnd.accept()) {
                assertTrue(meter.listening().startsWith("calling"), meter.listening());
                called.setSoTimeout(5000);
                byte[] snrm = new GXDLMSClient(true, Associations.PUBLIC_CLIENT, 1,
                        Authentication.NONE, null, InterfaceType.HDLC).snrmRequest();
                long start = System.nanoTime();
                called.getOutputStream().write(snrm);
                InputStream in = called.getInputStream();
                int first = in.read();
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(0x7E, first, "an HDLC frame");
                assertTrue(millis >= 300, "UA after " + millis + " ms");
            }
        }
    }

    /**
     * HDLC replies after the handshake are held back, round after round (after DISC the meter
     * waits for its delayed UA to leave before it goes back to 300 baud; a pseudo-terminal
     * cannot show a rate changed too early, so that part is not asserted here).
     */
    @Test
    void aModeEMeterHoldsItsHdlcRepliesBackRoundAfterRound() throws Exception {
        assumeTrue(PtyPair.available(), "socat is not installed");
        try (PtyPair pair = PtyPair.start();
                MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().modeE(true)
                        .latency(400, 0).serial(SerialSettings.parse(pair.a() + ":9600:8None1")));
                SerialLine line = SerialLines.open(SerialSettings.parse(pair.b()
                        + ":9600:8None1"), LinkTrace.NONE);
                TestClient client = TestClient.serial(line, TestClient.dlms(meter,
                        Associations.PUBLIC_CLIENT, Authentication.NONE, null))) {
            for (int round = 0; round != 2; ++round) {
                line.write("/?!\r\n".getBytes(StandardCharsets.US_ASCII));
                assertTrue(readLine(line).startsWith("/GRX5"), "identification");
                line.write(OPTION_SELECT_9600);
                long start = System.nanoTime();
                client.associate();
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis >= 2 * 400, "SNRM and AARQ answered in " + millis + " ms");
                start = System.nanoTime();
                assertEquals("12345678", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                        .getValue());
                millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis >= 400, "Get answered in " + millis + " ms");
                client.release();
            }
        }
    }

    private static String readLine(SerialLine line) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.currentTimeMillis() + TestClient.REPLY_MILLIS;
        while (!got.toString(StandardCharsets.US_ASCII).endsWith("\r\n")) {
            assertTrue(System.currentTimeMillis() < deadline, "no line end in " + got);
            byte[] chunk = line.read(100);
            if (chunk != null) {
                got.writeBytes(chunk);
            }
        }
        return got.toString(StandardCharsets.US_ASCII);
    }
}
