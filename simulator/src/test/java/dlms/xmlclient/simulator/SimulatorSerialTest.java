package dlms.xmlclient.simulator;

import dlms.xmlclient.simulator.faults.MeterFault;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.wire.hdlc.Fcs16;
import dlms.xmlclient.wire.line.LinkTrace;
import dlms.xmlclient.wire.line.PtyPair;
import dlms.xmlclient.wire.line.SerialLine;
import dlms.xmlclient.wire.line.SerialLines;
import dlms.xmlclient.wire.line.SerialSettings;
import gurux.common.enums.TraceLevel;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ObjectType;

/**
 * HDLC on a serial port, with and without the IEC 62056-21 mode E handshake, over a socat
 * pseudo-terminal pair: the meter on one end, the test on the other.
 */
@Tag("integration")
class SimulatorSerialTest {

    private static final String SIGN_ON = "/?!\r\n";
    private static final String IDENTIFICATION = "/GRX5\\2XMLSIM\r\n";
    private static final byte[] OPTION_SELECT_9600 = {0x06, '2', '5', '2', '\r', '\n'};
    private static final int SILENCE_MILLIS = 300;

    /** Bytes read after the last line. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    @BeforeAll
    static void socat() {
        assumeTrue(PtyPair.available(), "socat is not installed");
    }

    private static MeterSimulator start(PtyPair pair, SimulatorOptions options)
            throws Exception {
        return MeterSimulator.start(options.serial(SerialSettings.parse(pair.a()
                + ":9600:8None1")));
    }

    private static SerialLine open(Path end) throws IOException {
        return SerialLines.open(SerialSettings.parse(end + ":9600:8None1"), LinkTrace.NONE);
    }

    private static TestClient publicClient(MeterSimulator meter, SerialLine line) {
        return TestClient.serial(line, TestClient.dlms(meter, Associations.PUBLIC_CLIENT,
                Authentication.NONE, null));
    }

    @Test
    void hdlcOnASerialPortReadsTheClock() throws Exception {
        try (PtyPair pair = PtyPair.start();
                MeterSimulator meter = start(pair, new SimulatorOptions());
                TestClient client = publicClient(meter, open(pair.b())).associate()) {
            assertEquals(0, meter.port());
            assertNull(meter.address());
            assertEquals(12, ((byte[]) client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2)
                    .getValue()).length);
            client.release();
        }
    }

    @Test
    void modeEHandshakeOpensHdlcAndAfterDiscTheMeterWaitsForANewSignOn() throws Exception {
        try (PtyPair pair = PtyPair.start();
                MeterSimulator meter = start(pair, new SimulatorOptions().modeE(true));
                SerialLine line = open(pair.b());
                TestClient client = publicClient(meter, line)) {
            for (int round = 0; round != 2; ++round) {
                send(line, SIGN_ON);
                assertEquals(IDENTIFICATION, readLine(line));
                line.write(OPTION_SELECT_9600);
                client.associate();
                assertEquals("12345678", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                        .getValue());
                client.release();
            }
        }
    }

    @Test
    void echoingMeterSendsTheHandshakeBackBeforeAnswering() throws Exception {
        try (PtyPair pair = PtyPair.start();
                MeterSimulator meter = start(pair, new SimulatorOptions().modeE(true)
                        .echo(true));
                SerialLine line = open(pair.b());
                TestClient client = publicClient(meter, line)) {
            send(line, SIGN_ON);
            assertEquals(SIGN_ON, readLine(line), "echo");
            assertEquals(IDENTIFICATION, readLine(line));
            line.write(OPTION_SELECT_9600);
            assertArrayEquals(OPTION_SELECT_9600,
                    readLine(line).getBytes(StandardCharsets.US_ASCII), "echo");
            client.associate();
            assertEquals(0, client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2).getError());
        }
    }

    @Test
    void signOnNamingTheSerialNumberIsAnsweredAndAnotherAddressIsNot() throws Exception {
        try (PtyPair pair = PtyPair.start();
                MeterSimulator meter = start(pair, new SimulatorOptions().modeE(true));
                SerialLine line = open(pair.b())) {
            send(line, "/?87654321!\r\n");
            assertNull(line.read(SILENCE_MILLIS));
            send(line, "/?12345678!\r\n");
            assertEquals(IDENTIFICATION, readLine(line));
        }
    }

    /** Faults reach the serial port too: silent answers neither the sign-on nor HDLC. */
    @Test
    void silentMeterAnswersNeitherTheSignOnNorHdlc() throws Exception {
        try (PtyPair pair = PtyPair.start();
                MeterSimulator meter = start(pair, new SimulatorOptions().modeE(true)
                        .fault(MeterFault.SILENT));
                SerialLine line = open(pair.b());
                TestClient client = publicClient(meter, line)) {
            send(line, SIGN_ON);
            assertNull(line.read(SILENCE_MILLIS));
            line.write(OPTION_SELECT_9600);
            assertNull(client.sendExpectingSilence(client.dlms().snrmRequest(), SILENCE_MILLIS));
        }
    }

    @Test
    void badCrcFaultBreaksTheRepliesOnASerialLine() throws Exception {
        try (PtyPair pair = PtyPair.start();
                MeterSimulator meter = start(pair, new SimulatorOptions()
                        .fault(MeterFault.BAD_CRC));
                TestClient client = publicClient(meter, open(pair.b())).associate()) {
            byte[] frame = client.rawExchange(client.dlms().read(DefaultDevice.SERIAL,
                    ObjectType.DATA, 2)[0]);
            int end = frame.length - 3;
            assertEquals(Fcs16.of(frame, 1, end) ^ 0xFFFF, Fcs16.found(frame, end));
        }
    }

    /** An option select above the proposed rate is ignored: no HDLC, sign-on again. */
    @Test
    void refusedOptionSelectLeavesTheMeterWaitingForASignOn() throws Exception {
        try (PtyPair pair = PtyPair.start();
                MeterSimulator meter = start(pair, new SimulatorOptions().modeE(true)
                        .iecBaud('3'));
                SerialLine line = open(pair.b());
                TestClient client = publicClient(meter, line)) {
            send(line, SIGN_ON);
            assertEquals("/GRX3\\2XMLSIM\r\n", readLine(line));
            line.write(OPTION_SELECT_9600);
            assertNull(client.sendExpectingSilence(client.dlms().snrmRequest(), SILENCE_MILLIS));
            send(line, SIGN_ON);
            assertEquals("/GRX3\\2XMLSIM\r\n", readLine(line));
            line.write(new byte[] {0x06, '2', '3', '2', '\r', '\n'});
            client.associate();
        }
    }

    @Test
    void proposedBaudCharacterIsSentAsGivenEvenAnUnknownOne() throws Exception {
        try (PtyPair pair = PtyPair.start();
                MeterSimulator meter = start(pair, new SimulatorOptions().modeE(true)
                        .iecBaud('Z'));
                SerialLine line = open(pair.b())) {
            send(line, SIGN_ON);
            assertEquals("/GRXZ\\2XMLSIM\r\n", readLine(line));
        }
    }

    /** The meter keeps trying to open its port again, and close still ends its thread. */
    @Test
    void hangUpIsLoggedAndCloseEndsTheReopeningThread() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PtyPair pair = PtyPair.start();
        String port = pair.a().toString();
        try (MeterSimulator meter = start(pair, new SimulatorOptions().log(
                new PrintStream(log, true, StandardCharsets.UTF_8), TraceLevel.INFO))) {
            pair.close();
            long deadline = System.currentTimeMillis() + TestClient.REPLY_MILLIS;
            // The opening itself logs "cannot open" (gurux.serial refuses a pty): the reopening comes after "hung up".
            while (!reopenedAfterHangUp(log.toString(StandardCharsets.UTF_8), port)) {
                assertTrue(System.currentTimeMillis() < deadline, log::toString);
                Thread.sleep(20);
            }
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertTrue(!t.isAlive() || !t.getName().equals("simulator serial " + port),
                    t.getName());
        }
    }

    private static boolean reopenedAfterHangUp(String log, String port) {
        int hangUp = log.indexOf("hung up");
        return hangUp >= 0 && log.indexOf("cannot open " + port, hangUp) >= 0;
    }

    private static void send(SerialLine line, String text) throws IOException {
        line.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads one line up to CR LF; what came after it in the same read is kept for the next
     * line (an echo and the identification may come together).
     */
    private String readLine(SerialLine line) throws IOException {
        long deadline = System.currentTimeMillis() + TestClient.REPLY_MILLIS;
        int end;
        while ((end = pending.toString(StandardCharsets.US_ASCII).indexOf("\r\n")) < 0) {
            assertTrue(System.currentTimeMillis() < deadline, "no line end in " + pending);
            byte[] chunk = line.read(100);
            if (chunk != null) {
                pending.writeBytes(chunk);
            }
        }
        byte[] all = pending.toByteArray();
        pending.reset();
        pending.write(all, end + 2, all.length - end - 2);
        return new String(all, 0, end + 2, StandardCharsets.US_ASCII);
    }
}
