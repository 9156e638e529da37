package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.LoadProfile;
import dlms.xmlclient.simulator.transport.Frames;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.internal.GXCommon;
import gurux.dlms.internal.GXDataInfo;

/**
 * Short name services checked by the bytes the meter sends (WRAPPER, so that one frame is one
 * APDU): a method invoked by a parameterised ReadRequest, the object list by access selector,
 * and a block-transferred ReadResponse, whose raw-data joined is the whole list of results.
 */
@Tag("integration")
class ShortNameWireTest {

    /** Disconnect control 0.0.96.3.10.255: output_state, remote_disconnect, remote_reconnect. */
    private static final String OUTPUT_STATE = "0380";
    private static final String REMOTE_DISCONNECT = "0398";
    private static final String REMOTE_RECONNECT = "03A0";

    private static MeterSimulator start() throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).shortNames(true)
                .wrapper(true));
    }

    /** Sends one APDU (in a frame gurux.dlms made, so the addresses are right). */
    private static String exchange(TestClient client, String apdu) throws Exception {
        byte[] template = client.dlms().read(SimulatorShortNameTest.CLOCK, ObjectType.CLOCK, 2)[0];
        byte[] reply = client.rawExchange(Frames.withApdu(template, true,
                GXCommon.hexToBytes(apdu)));
        return GXCommon.toHex(Arrays.copyOfRange(reply, Frames.apduOffset(reply, true),
                reply.length));
    }

    @Test
    void methodInvokedByParameterisedReadSwitchesTheDisconnectControl() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.managementClient(meter).associate()) {
            // ReadRequest, parameterized-access {variable-name, selector 0, parameter integer 0}:
            // ReadResponse data null-data (the methods return nothing).
            assertEquals("0C 01 00 00", exchange(client, "05 01 04 " + REMOTE_DISCONNECT
                    + " 00 0F 00"));
            assertEquals("0C 01 00 03 00", exchange(client, "05 01 02 " + OUTPUT_STATE),
                    "disconnected");
            assertEquals("0C 01 00 00", exchange(client, "05 01 04 " + REMOTE_RECONNECT
                    + " 00 0F 00"));
            assertEquals("0C 01 00 03 01", exchange(client, "05 01 02 " + OUTPUT_STATE),
                    "connected again");
        }
    }

    @Test
    void publicClientInvokingByReadIsDeniedAndNothingMoves() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.publicClient(meter).associate()) {
            assertEquals("0C 01 01 03", exchange(client, "05 01 04 " + REMOTE_DISCONNECT
                    + " 00 0F 00"), "read-write-denied");
            assertEquals("0C 01 00 03 01", exchange(client, "05 01 02 " + OUTPUT_STATE));
        }
    }

    @Test
    void objectListBySelectorAnswersTheSelectedElements() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.publicClient(meter).associate()) {
            String association = "02 04 10 FA 00 12 00 0C 11 02 09 06 00 00 28 00 00 FF";
            String energy = "02 04 10 01 50 12 00 03 11 00 09 06 01 00 01 08 00 FF";
            // 2: object_id {class_id 12, 0.0.40.0.0.255}: its element
            assertEquals("0C 01 00 " + association, exchange(client,
                    "05 01 04 FA08 02 02 02 12 00 0C 09 06 00 00 28 00 00 FF"));
            // 3: base_name 0x0150: its element
            assertEquals("0C 01 00 " + energy, exchange(client, "05 01 04 FA08 03 10 01 50"));
            // 1: class_id 12: an array of the one Association SN
            assertEquals("0C 01 00 01 01 " + association, exchange(client,
                    "05 01 04 FA08 01 12 00 0C"));
            String registers = exchange(client, "05 01 04 FA08 01 12 00 03");
            assertTrue(registers.startsWith("0C 01 00 01 09 " + energy), registers);
            // No Association LN (class 15) is served by SN: object-undefined.
            assertEquals("0C 01 01 04", exchange(client,
                    "05 01 04 FA08 02 02 02 12 00 0F 09 06 00 00 28 00 00 FF"));
            assertEquals("0C 01 01 04", exchange(client, "05 01 04 FA08 03 10 01 51"));
            // A selector the object list does not have, a parameter of another type.
            assertEquals("0C 01 01 03", exchange(client, "05 01 04 FA08 04 00"));
            assertEquals("0C 01 01 0C", exchange(client, "05 01 04 FA08 01 09 00"));
        }
    }

    @Test
    void accessRightsListTheSelectorsServed() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.publicClient(meter).associate()) {
            // Twenty objects' rights: more than one PDU, in data blocks.
            String rights = GXCommon.toHex(blocks(client, "05 01 02 FA10"));
            // object_list (attribute 2 of FA00), read-only, access_selectors {1, 2, 3}
            assertTrue(rights.contains("02 03 0F 02 16 01 01 03 0F 01 0F 02 0F 03"), rights);
            // profile buffer (attribute 2 of 0300), read-only, access_selectors {1, 2}
            assertTrue(rights.contains("02 03 0F 02 16 01 01 02 0F 01 0F 02"), rights);
        }
    }

    @Test
    void aShortReplyComesInOneReadResponse() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.publicClient(meter).associate()) {
            String list = exchange(client, "05 01 02 FA08");
            assertTrue(list.startsWith("0C 01 00 01 15 02 04 10 00 A0"), list); // 21 objects
        }
    }

    @Test
    void blocksOfTheLoadProfileJoinToTheWholeListOfResults() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.publicClient(meter).associate()) {
            byte[] raw = blocks(client, "05 01 02 0308");
            // One result, data: the buffer, an array of 672 rows.
            assertEquals("01 00 01 82 02 A0", GXCommon.toHex(Arrays.copyOf(raw, 6)));
            GXByteBuffer bb = new GXByteBuffer(raw);
            bb.position(2);
            List<?> rows = (List<?>) GXCommon.getData(null, bb, new GXDataInfo());
            assertEquals(LoadProfile.ROWS, rows.size());
            assertEquals(raw.length, bb.position(), "nothing after the one result");
        }
    }

    @Test
    void blocksOfTwoResultsCarryTheNumberAndEveryTag() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.publicClient(meter).associate()) {
            // The buffer, then the serial number (Data 0.0.96.1.0.255, value at 0148).
            byte[] raw = blocks(client, "05 02 02 0308 02 0148");
            assertEquals("02 00 01 82 02 A0", GXCommon.toHex(Arrays.copyOf(raw, 6)));
            String tail = GXCommon.toHex(Arrays.copyOfRange(raw, raw.length - 11, raw.length));
            assertEquals("00 0A 08 31 32 33 34 35 36 37 38", tail, "data, visible-string");
        }
    }

    /**
     * Reads by block transfer: checks every block's header (numbers from 1, last-block on the
     * last only, the APDU within the negotiated 1024 bytes) and joins their raw-data.
     */
    private static byte[] blocks(TestClient client, String request)
            throws Exception {
        GXByteBuffer joined = new GXByteBuffer();
        String reply = exchange(client, request);
        for (int number = 1;; ++number) {
            byte[] apdu = GXCommon.hexToBytes(reply);
            assertTrue(apdu.length <= Associations.MAX_PDU_SIZE, "block " + number);
            assertEquals(String.format("0C 01 02 %02X %02X %02X", apdu[3],
                    number >> 8, number & 0xFF), GXCommon.toHex(Arrays.copyOf(apdu, 6)),
                    "data-block-result of block " + number);
            GXByteBuffer bb = new GXByteBuffer(apdu);
            bb.position(6);
            int length = GXCommon.getObjectCount(bb);
            assertEquals(apdu.length - bb.position(), length, "raw-data of block " + number);
            joined.set(apdu, bb.position(), length);
            if (apdu[3] != 0) {
                assertTrue(number > 1, "several blocks");
                return joined.array();
            }
            reply = exchange(client, String.format("05 01 05 %04X", number));
        }
    }
}
