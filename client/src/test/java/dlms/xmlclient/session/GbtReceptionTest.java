package dlms.xmlclient.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlms.xmlclient.media.Medium;
import dlms.xmlclient.wire.gbt.GbtBlock;
import dlms.xmlclient.wire.wrapper.WrapperHeader;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * The client's side of general block transfer, block by block (constructed WRAPPER frames from
 * server wPort 1 to client 16): acknowledgements per window, a lost block asked for again, the
 * joined reply, and a meter breaking the rules named with what was expected and what arrived.
 */
class GbtReceptionTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    /** A Get-Response-Normal of an octet string of 6 bytes, 12 bytes in all, sent in blocks of 5. */
    private static final byte[] REPLY = HEX.parseHex("C4 01 C1 00 09 06 01 02 03 04 05 06");

    private static GbtReception reception(int window, boolean granted) {
        ConnectionSettings settings = new ConnectionSettings(Medium.tcp("meter", 4059), InterfaceType.WRAPPER, true,
                16, 1, Authentication.NONE, null, SecuritySettings.NONE, HdlcParameters.DEFAULT, ReplyLimits.DEFAULT,
                FindingPolicy.FAIL, window);
        ScriptClient client = new ScriptClient(settings);
        client.gbtGranted(granted);
        return new GbtReception(client, new Trace(null, null), new HdlcSequence());
    }

    /** Block {@code number} of {@link #REPLY} (blocks of 5 bytes: 1, 2, 3 the last). */
    private static byte[] block(int number, boolean streaming) {
        byte[] data = Arrays.copyOfRange(REPLY, (number - 1) * 5, Math.min(REPLY.length, number * 5));
        byte[] apdu = new GbtBlock(number == 3, streaming, 8, number, 0, data).encode();
        byte[] frame = new byte[WrapperHeader.SIZE + apdu.length];
        WrapperHeader.of(1, 16, apdu.length).put(frame, 0);
        System.arraycopy(apdu, 0, frame, WrapperHeader.SIZE, apdu.length);
        return frame;
    }

    private static byte[] take(GbtReception reception, GXByteBuffer pending, byte[] frame) throws SessionException {
        pending.set(frame);
        return reception.take(pending, pending.position(), false);
    }

    @Test
    void windowOfOneAcknowledgesEachBlockAndJoinsTheReply() throws Exception {
        GbtReception reception = reception(1, true);
        GXByteBuffer pending = new GXByteBuffer();
        assertEquals("00 01 00 10 00 01 00 07 E0 81 00 01 00 01 00", HEX.formatHex(take(reception, pending,
                block(1, false))));
        assertEquals("00 01 00 10 00 01 00 07 E0 81 00 02 00 02 00", HEX.formatHex(take(reception, pending,
                block(2, false))));
        assertArrayEquals(new byte[0], take(reception, pending, block(3, false)));
        byte[] joined = pending.subArray(pending.position(), pending.available());
        assertEquals("00 01 00 01 00 10 00 0C " + HEX.formatHex(REPLY), HEX.formatHex(joined));
    }

    @Test
    void streamedWindowIsAcknowledgedOnceAtItsEnd() throws Exception {
        GbtReception reception = reception(4, true);
        GXByteBuffer pending = new GXByteBuffer();
        assertArrayEquals(new byte[0], take(reception, pending, block(1, true)));
        assertArrayEquals(new byte[0], take(reception, pending, block(2, true)));
        assertArrayEquals(new byte[0], take(reception, pending, block(3, false)));
        assertEquals(WrapperHeader.SIZE + REPLY.length, pending.available());
    }

    @Test
    void lostBlockIsAskedForAgainByAcknowledgingTheBlockBeforeIt() throws Exception {
        GbtReception reception = reception(4, true);
        GXByteBuffer pending = new GXByteBuffer();
        take(reception, pending, block(1, true));
        byte[] ack = take(reception, pending, block(3, false)); // block 2 lost
        assertEquals("E0 84 00 01 00 01 00", HEX.formatHex(ack, WrapperHeader.SIZE, ack.length));
        assertArrayEquals(new byte[0], take(reception, pending, block(2, true)));
        assertArrayEquals(new byte[0], take(reception, pending, block(3, false)));
        assertEquals("00 01 00 01 00 10 00 0C " + HEX.formatHex(REPLY),
                HEX.formatHex(pending.subArray(pending.position(), pending.available())));
    }

    @Test
    void blockBeyondTheWindowIsADeviation() {
        GbtReception reception = reception(1, true);
        SessionException e = assertThrows(SessionException.class,
                () -> take(reception, new GXByteBuffer(), block(2, false)));
        assertEquals("the meter breaks general block transfer: window exceeded: our window 1 after"
                + " block-number-ack 0 allows blocks 1..1, arrived block 2", e.getMessage());
    }

    @Test
    void blockNumberGoingBackIsADeviation() throws Exception {
        GbtReception reception = reception(4, true);
        GXByteBuffer pending = new GXByteBuffer();
        take(reception, pending, block(2, true));
        SessionException e = assertThrows(SessionException.class, () -> take(reception, pending, block(1, true)));
        assertEquals("the meter breaks general block transfer: block numbers went back: expected a block after"
                + " block 2, arrived block 1", e.getMessage());
        GbtReception acknowledged = reception(1, true);
        GXByteBuffer more = new GXByteBuffer();
        take(acknowledged, more, block(1, false));
        SessionException again = assertThrows(SessionException.class, () -> take(acknowledged, more,
                block(1, false)));
        assertEquals("the meter breaks general block transfer: block numbers went back: we acknowledged up to"
                + " block 1, so expected block 2 or later, arrived block 1", again.getMessage());
    }

    @Test
    void blockAfterTheLastIsADeviation() throws Exception {
        GbtReception reception = reception(8, true);
        GXByteBuffer pending = new GXByteBuffer();
        take(reception, pending, block(1, true));
        take(reception, pending, block(3, false)); // the last, block 2 missing: acknowledged up to 1
        byte[] beyond = block(3, false);
        beyond[WrapperHeader.SIZE + 3] = 4; // block-number 4
        SessionException e = assertThrows(SessionException.class, () -> take(reception, pending, beyond));
        assertEquals("the meter breaks general block transfer: a block after the last: block 3 had the last-block"
                + " bit, arrived block 4", e.getMessage());
    }

    @Test
    void blockWithoutGeneralBlockTransferGrantedIsADeviation() {
        SessionException e = assertThrows(SessionException.class,
                () -> take(reception(4, false), new GXByteBuffer(), block(1, false)));
        assertEquals("the meter breaks general block transfer: a general-block-transfer APDU arrived, but the AARE"
                + " did not grant general block transfer (expected an ordinary reply)", e.getMessage());
    }

    @Test
    void otherRepliesAndPartFramesAreLeftToTheLibrary() throws Exception {
        GbtReception reception = reception(4, true);
        GXByteBuffer pending = new GXByteBuffer();
        pending.set(HEX.parseHex("00 01 00 01 00 10 00 0C"));
        pending.set(REPLY);
        assertNull(reception.take(pending, 0, false));
        byte[] part = Arrays.copyOf(block(1, true), 12);
        GXByteBuffer partial = new GXByteBuffer();
        partial.set(part);
        assertNull(reception.take(partial, 0, false));
    }
}
