package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.common.GXCommon;
import gurux.common.enums.TraceLevel;
import gurux.dlms.GXStructure;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;

/**
 * Requests whose data nest thousands of levels deep (gurux.dlms parses them recursively) are
 * refused with an answer the standard allows, or at worst cost their own connection; the meter
 * goes on serving. Before, one such SetRequest ended the meter's worker for good.
 */
@Tag("integration")
class DeepRequestTest {

    private static final int DEPTH = 2500;
    /** Serial number, attribute 2, no selective access. */
    private static final String SERIAL_DESCRIPTOR = "0001 0000600100FF 02 00";

    private static byte[] hex(String text) {
        return GXCommon.hexToBytes(text);
    }

    /** Structures of one element, {@code depth} deep, around an unsigned 0. */
    private static String nested(int depth) {
        return "02 01 ".repeat(depth) + "11 00";
    }

    private static MeterSimulator start(ByteArrayOutputStream log, boolean wrapper)
            throws Exception {
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        return MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper)
                .log(out, TraceLevel.WARNING));
    }

    /** The attack as measured: one 5 KB SetRequest from the public client. */
    @Test
    void deepSetIsAnsweredTypeUnmatchedAndTheAssociationGoesOn() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (MeterSimulator meter = start(log, true)) {
            try (TestClient client = TestClient.publicClient(meter).associate()) {
                byte[] reply = client.apduExchange(hex("C1 01 C1 " + SERIAL_DESCRIPTOR + " "
                        + nested(DEPTH)));
                assertArrayEquals(hex("C5 01 C1 0C"), reply, GXCommon.bytesToHex(reply));
                assertEquals("12345678",
                        client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getValue());
            }
            SecretsUnreadableTest.assertRealClientWorks(meter);
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains(
                "refused from client 16: request nesting deeper than 64 levels"), log::toString);
    }

    @Test
    void deepDataOfOtherServicesGetTheirRefusal() throws Exception {
        try (MeterSimulator meter = start(new ByteArrayOutputStream(), true)) {
            try (TestClient client = TestClient.managementClient(meter).associate()) {
                assertArrayEquals(hex("C7 01 C1 0C 00"), client.apduExchange(
                        hex("C3 01 C1 0046 0000600300FF 01 01 " + nested(DEPTH))));
                assertArrayEquals(hex("C4 01 C1 01 0C"), client.apduExchange(
                        hex("C0 01 C1 0007 0100630100FF 02 01 01 " + nested(DEPTH))));
                assertArrayEquals(hex("D8 01 01"), client.apduExchange(hex("C0 03 C1 02 "
                        + SERIAL_DESCRIPTOR + " 0007 0100630100FF 02 01 02 " + nested(DEPTH))));
                assertArrayEquals(hex("D8 01 01"), client.apduExchange(hex("C1 04 C1 01 "
                        + SERIAL_DESCRIPTOR + " 01 " + nested(DEPTH))));
                // A compact array whose type description nests.
                assertArrayEquals(hex("C5 01 C1 0C"), client.apduExchange(hex("C1 01 C1 "
                        + SERIAL_DESCRIPTOR + " 13 " + "02 01 ".repeat(DEPTH) + "11 00")));
                assertEquals(0, client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2)
                        .getError());
            }
            SecretsUnreadableTest.assertRealClientWorks(meter);
        }
    }

    @Test
    void deepShortNameWriteIsAnsweredWithAServiceError() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .wrapper(true).shortNames(true))) {
            try (TestClient client = TestClient.managementClient(meter).associate()) {
                assertArrayEquals(hex("0E 06 03 00"), client.apduExchange(
                        hex("06 01 02 0158 01 " + nested(DEPTH))));
                assertArrayEquals(hex("0E 05 03 00"), client.apduExchange(
                        hex("05 01 04 0308 01 " + nested(DEPTH))));
            }
            try (TestClient client = TestClient.managementClient(meter).associate()) {
                assertEquals(0, client.read(0x00A8 + 8, ObjectType.NONE, 2).getError());
                client.release();
            }
        }
    }

    /**
     * HDLC: gurux.dlms's own client sends the value in data blocks and HDLC segments; the
     * refusal comes as soon as the depth shows, and the connection is closed (the meter's
     * library holds the segments it took).
     */
    @Test
    void deepValueInHdlcSegmentsIsRefusedAndTheNextClientIsServed() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (MeterSimulator meter = start(log, false)) {
            Object value = 0;
            for (int i = 0; i != DEPTH; ++i) {
                GXStructure s = new GXStructure();
                s.add(value);
                value = s;
            }
            Object deep = value;
            try (TestClient client = TestClient.managementClient(meter).associate()) {
                // gurux.dlms encodes recursively too: on a thread with room for it.
                byte[][][] frames = new byte[1][][];
                Thread encoder = new Thread(null, () -> {
                    try {
                        frames[0] = client.dlms().write(DefaultDevice.SERIAL, deep,
                                DataType.STRUCTURE, ObjectType.DATA, 2);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "deep encoder", 256L << 20);
                encoder.start();
                encoder.join();
                assertTrue(frames[0].length > 1, "HDLC segments");
                assertThrows(Exception.class, () -> client.exchange(frames[0]));
            }
            SecretsUnreadableTest.assertRealClientWorks(meter);
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains(
                "request nesting deeper than 64 levels"), log::toString);
    }

    /**
     * What the guard does not walk (the Access service, which gurux.dlms serves although the
     * meter does not offer it) reaches gurux.dlms, whose parser overflows the stack: that costs
     * the connection and one log line, nothing more.
     */
    @Test
    void stackOverflowInOneRequestClosesOnlyItsConnection() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (MeterSimulator meter = start(log, true)) {
            try (TestClient client = TestClient.managementClient(meter).associate()) {
                // access-request: long-invoke-id, no date-time, one get of the serial number,
                // one Data (the 'data' a get carries) nested 30,000 deep.
                byte[] access = hex("D9 00000001 00 01 01 " + SERIAL_DESCRIPTOR.substring(0,
                        SERIAL_DESCRIPTOR.length() - 3) + " 01 " + nested(30_000));
                assertThrows(EOFException.class, () -> client.apduExchange(access));
            }
            SecretsUnreadableTest.assertRealClientWorks(meter);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("failed, connection closed: java.lang.StackOverflowError"), text);
        assertEquals(1, text.lines().count(), text);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
