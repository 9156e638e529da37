package dlms.xmlclient.wire.hdlc;

import static dlms.xmlclient.wire.hdlc.CapturedFrames.AARQ;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.EXCEPTION_RESPONSE;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.GREEN_BOOK_SNRM;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.SNRM_CLIENT_1;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Fcs16Test {

    @Test
    void checkValueIsTheOneOfCrc16X25() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x906E, Fcs16.of(check, 0, check.length));
    }

    @Test
    void greenBookSnrmEndsWithTheFcsOfItsHeaderLowByteFirst() {
        byte[] snrm = bytes(GREEN_BOOK_SNRM);
        assertEquals(0x010F, Fcs16.of(snrm, 1, 6));
        assertEquals(0x010F, Fcs16.found(snrm, 6));
        assertTrue(Fcs16.matches(snrm, 1, 6));
    }

    @Test
    void iFrameHasAnHcsOverItsHeaderAndAnFcsOverAllBeforeIt() {
        byte[] aarq = bytes(AARQ);
        assertTrue(Fcs16.matches(aarq, 1, 6), "HCS: format to control field");
        assertTrue(Fcs16.matches(aarq, 1, aarq.length - 3), "FCS: format to the end of the information");
    }

    @Test
    void simulatorsFramesCarryTheSequencesOfTheirBytes() {
        assertEquals(0x118C, Fcs16.of(bytes(SNRM_CLIENT_1), 1, 6));
        byte[] reply = bytes(EXCEPTION_RESPONSE);
        assertEquals(0x21B5, Fcs16.of(reply, 1, 6), "HCS");
        assertEquals(0xB8F2, Fcs16.of(reply, 1, reply.length - 3), "FCS");
        assertEquals(0xB8F2, Fcs16.found(reply, reply.length - 3));
    }

    @Test
    void oneChangedBitIsCaught() {
        byte[] aarq = bytes(AARQ);
        aarq[20] ^= 0x01;
        assertTrue(Fcs16.matches(aarq, 1, 6));
        assertFalse(Fcs16.matches(aarq, 1, aarq.length - 3));
    }

    @Test
    void putWritesTheCheckSequenceLowByteFirst() {
        byte[] snrm = bytes(GREEN_BOOK_SNRM);
        byte[] written = snrm.clone();
        written[6] = 0;
        written[7] = 0;
        Fcs16.put(written, 1, 6);
        assertArrayEquals(snrm, written);
    }
}
