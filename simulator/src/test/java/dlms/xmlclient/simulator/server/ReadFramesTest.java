package dlms.xmlclient.simulator.server;

import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Pure: one read's bytes, frame by frame. */
class ReadFramesTest {

    private static final byte[] SNRM = HdlcEncoder.encode(HdlcAddress.of(1), HdlcAddress.of(16), 0x93, null, false);
    private static final byte[] DISC = HdlcEncoder.encode(HdlcAddress.of(1), HdlcAddress.of(16), 0x53, null, false);

    private static byte[] joined(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void oneFrameIsGivenOnAsItIs() {
        List<byte[]> frames = ReadFrames.of(SNRM, false);
        assertEquals(1, frames.size());
        assertSame(SNRM, frames.get(0));
    }

    @Test
    void twoFramesAreSplit() {
        List<byte[]> frames = ReadFrames.of(joined(SNRM, DISC), false);
        assertEquals(2, frames.size());
        assertArrayEquals(SNRM, frames.get(0));
        assertArrayEquals(DISC, frames.get(1));
    }

    @Test
    void framesSharingAFlagAreSplitEachWithBothFlags() {
        byte[] shared = joined(SNRM, Arrays.copyOfRange(DISC, 1, DISC.length));
        List<byte[]> frames = ReadFrames.of(shared, false);
        assertEquals(2, frames.size());
        assertArrayEquals(DISC, frames.get(1));
    }

    @Test
    void aFramesFirstPartAfterAWholeOneGoesOnAsTheRest() {
        byte[] part = Arrays.copyOf(DISC, 4);
        List<byte[]> frames = ReadFrames.of(joined(SNRM, part), false);
        assertEquals(2, frames.size());
        assertArrayEquals(part, frames.get(1));
    }

    @Test
    void bytesThatStartWithNoWholeFrameGoOnAsTheyAre() {
        byte[] garbage = HexFormat.of().parseHex("0102037E");
        assertSame(garbage, ReadFrames.of(garbage, false).get(0));
        byte[] firstPart = Arrays.copyOf(SNRM, 5);
        assertSame(firstPart, ReadFrames.of(firstPart, false).get(0));
    }

    @Test
    void wrapperFramesAreSplitByTheirLength() {
        byte[] first = HexFormat.of().parseHex("0001001000010003C00100");
        byte[] second = HexFormat.of().parseHex("000100100001000162");
        List<byte[]> frames = ReadFrames.of(joined(first, second), true);
        assertEquals(2, frames.size());
        assertArrayEquals(first, frames.get(0));
        assertArrayEquals(second, frames.get(1));
    }
}
