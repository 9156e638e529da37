package dlms.xmlclient.wire.hdlc;

import static dlms.xmlclient.wire.hdlc.CapturedFrames.AARQ;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.AARQ_SEGMENT_1;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.AARQ_SEGMENT_2;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.DISC;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.GREEN_BOOK_SNRM;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.SNRM_2_BYTE;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.SNRM_4_BYTE;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.UA;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.bytes;
import static dlms.xmlclient.wire.hdlc.CapturedFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlms.xmlclient.wire.FrameException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A captured stream taken apart ({@link HdlcDecoder#frames}), and a connection's reads ({@link HdlcStream}). */
class HdlcFramesOfAStreamTest {

    @Test
    void framesWithTheirOwnFlagsOrSharingOneAreTakenApart() throws FrameException {
        List<String> own = hexes(HdlcDecoder.frames(bytes(GREEN_BOOK_SNRM + " " + UA)));
        assertEquals(List.of(GREEN_BOOK_SNRM, UA), own);
        String shared = AARQ_SEGMENT_1 + AARQ_SEGMENT_2.substring(2); // one 7E between them
        assertEquals(List.of(AARQ_SEGMENT_1, AARQ_SEGMENT_2), hexes(HdlcDecoder.frames(bytes(shared))));
    }

    @Test
    void aBadHcsOrFcsNamesTheFrameAndBothSequences() {
        byte[] badHcs = bytes(GREEN_BOOK_SNRM + " " + AARQ);
        badHcs[9 + 6] = 0x4C;
        assertEquals("frame 2: bad HCS: the frame has 4C 9C, its bytes give 4B 9C", problem(badHcs));
        byte[] badFcs = bytes(AARQ);
        badFcs[badFcs.length - 3] = 0x18;
        assertEquals("frame 1: bad FCS: the frame has 18 35, its bytes give 19 35", problem(badFcs));
        byte[] badSnrm = bytes(GREEN_BOOK_SNRM);
        badSnrm[7] = 0x02;
        assertEquals("frame 1: bad HCS: the frame has 0F 02, its bytes give 0F 01", problem(badSnrm));
    }

    @Test
    void bytesThatAreNotWholeFramesAreNamed() {
        assertEquals("frame 1: expected the 7E flag at byte 0, found 00", problem(bytes("00 " + DISC)));
        assertEquals("frame 2: 00 11 after the 7E flag is not an HDLC frame format (A0 to AF)",
                problem(bytes(DISC + " 00 11")));
        assertEquals("frame 1: truncated: the input ends inside the frame format field", problem(bytes("7E A0")));
        assertEquals("frame 1: 90 07 after the 7E flag is not an HDLC frame format (A0 to AF)",
                problem(bytes("7E 90 07 03 23 53 B3 F4 7E")));
        assertEquals("frame 1: the frame format gives 5 bytes; an HDLC frame has at least 7",
                problem(bytes("7E A0 05 03 23 53 7E")));
        assertEquals("frame 1: truncated: the frame format gives 43 bytes between the flags, only 10 follow the"
                + " opening flag", problem(bytes(AARQ.substring(0, 32))));
        assertEquals("frame 1: no closing 7E flag after the 7 bytes the frame format gives (found 00)",
                problem(bytes("7E A0 07 03 23 53 B3 F4 00")));
        assertEquals("frame 1: the addresses and control field leave no room for the HCS",
                problem(bytes("7E A0 07 02 04 06 08 0A 7E")));
        assertEquals("only 7E flags, no HDLC frame", problem(bytes("7E 7E")));
    }

    @Test
    void aConnectionsReadsAreCutIntoWholeFrames() {
        HdlcStream stream = new HdlcStream();
        byte[] aarq = bytes(AARQ);
        List<String> frames = new ArrayList<>(hexes(stream.add(Arrays.copyOf(aarq, 10))));
        assertEquals(List.of(), frames, "not whole yet");
        frames.addAll(hexes(stream.add(Arrays.copyOfRange(aarq, 10, aarq.length))));
        frames.addAll(hexes(stream.add(bytes(DISC + " " + GREEN_BOOK_SNRM.substring(0, 8)))));
        assertEquals(List.of(AARQ, DISC), frames);
        assertEquals(List.of(GREEN_BOOK_SNRM), hexes(stream.add(bytes(GREEN_BOOK_SNRM.substring(9)))));
    }

    @Test
    void aConnectionSkipsNoiseAndFindsFramesThatShareAFlag() {
        HdlcStream stream = new HdlcStream();
        String shared = AARQ_SEGMENT_1 + AARQ_SEGMENT_2.substring(2); // and the first has 7E in its HCS
        assertEquals(List.of(AARQ_SEGMENT_1, AARQ_SEGMENT_2), hexes(stream.add(bytes("00 11 " + shared))));
        assertEquals(List.of(DISC), hexes(stream.add(bytes("7E 7E 55 " + DISC))));
    }

    @Test
    void aConnectionSkipsFlagsBeforeAFrameAndKeepsFramesWithTheirOwnFlagsApart() {
        HdlcStream stream = new HdlcStream();
        assertEquals(List.of(SNRM_4_BYTE, SNRM_2_BYTE),
                hexes(stream.add(bytes("01 02 7E 7E 7E 33 " + SNRM_4_BYTE + " " + SNRM_2_BYTE))));
    }

    private static String problem(byte[] stream) {
        return assertThrows(FrameException.class, () -> HdlcDecoder.frames(stream)).getMessage();
    }

    private static List<String> hexes(List<byte[]> frames) {
        return frames.stream().map(CapturedFrames::hex).toList();
    }
}
