package dlms.xmlclient.simulator.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gurux.dlms.GXByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * gurux.dlms 4.0.47's defect: a {@code GXByteBuffer} grows by 10 bytes past what an append needs,
 * copying everything it holds each time, so a reply built a cell at a time is quadratic in its
 * length (a 672-row profile read: some thousand copies of up to 16 KB). ProfileBuffer sizes its
 * buffer ahead for that reason.
 */
class GuruxBufferGrowthTest {

    @Test
    void aGuruxBufferGrowsByTenBytesAtATime() {
        GXByteBuffer grown = new GXByteBuffer();
        grown.setUInt8(1);
        assertEquals(10, grown.capacity(), "for 1 byte: room for 10");
        grown.set(new byte[20]);
        assertEquals(31, grown.capacity(), "room for the 21 bytes, and 10 more");
    }

    @Test
    void aProfileReplyFitsTheBufferSizedAhead() {
        // 96 rows of a clock (12-byte octet string) and a double-long-unsigned, as the built-in load profile's.
        int rows = 96;
        int columns = 2;
        GXByteBuffer ahead = new GXByteBuffer(8 + rows * (2 + columns * 14));
        int capacity = ahead.capacity();
        ahead.setUInt8(1);
        ahead.setUInt8(rows);
        for (int r = 0; r < rows; r++) {
            ahead.set(new byte[] {2, 2, 9, 12});
            ahead.set(new byte[12]);
            ahead.set(new byte[] {6, 0, 0, 0, 1});
        }
        assertEquals(capacity, ahead.capacity(), "never grown, never copied");
    }
}
