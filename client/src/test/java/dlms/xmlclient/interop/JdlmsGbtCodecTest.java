package dlms.xmlclient.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.beanit.asn1bean.ber.ReverseByteArrayOutputStream;
import dlms.xmlclient.wire.gbt.GbtBlock;
import org.openmuc.jdlms.internal.asn1.axdr.types.AxdrOctetString;
import org.openmuc.jdlms.internal.asn1.cosem.GeneralBlockTransfer;
import org.openmuc.jdlms.internal.asn1.cosem.Unsigned16;
import org.openmuc.jdlms.internal.asn1.cosem.Unsigned8;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Our general-block-transfer codec against jDLMS 1.7.1's (its A-XDR General-Block-Transfer
 * SEQUENCE, after the E0 tag). jDLMS has the codec but no general block transfer in its
 * conformance or its server, so it cannot be the meter of a GBT exchange.
 */
class JdlmsGbtCodecTest {

    @Test
    void jdlmsDecodesOurBlockFieldByField() throws Exception {
        byte[] data = new byte[300];
        Arrays.fill(data, (byte) 0x5A);
        byte[] ours = new GbtBlock(false, true, 4, 7, 6, data).encode();
        GeneralBlockTransfer theirs = new GeneralBlockTransfer();
        theirs.decode(new ByteArrayInputStream(ours, 1, ours.length - 1));
        assertEquals(0x44, theirs.blockControl.getValue());
        assertEquals(7, theirs.blockNumber.getValue());
        assertEquals(6, theirs.blockNumberAck.getValue());
        assertArrayEquals(data, theirs.blockData.getValue());
    }

    @Test
    void weDecodeJdlmsBlockToTheSameFields() throws Exception {
        GeneralBlockTransfer theirs = new GeneralBlockTransfer(new Unsigned8(0x81), new Unsigned16(2),
                new Unsigned16(1), new AxdrOctetString(new byte[] {(byte) 0xC4, 1, (byte) 0xC1, 0, 0x11, 5}));
        ReverseByteArrayOutputStream out = new ReverseByteArrayOutputStream(64, true);
        theirs.encode(out);
        byte[] body = out.getArray();
        byte[] apdu = new byte[body.length + 1];
        apdu[0] = (byte) GbtBlock.TAG;
        System.arraycopy(body, 0, apdu, 1, body.length);
        GbtBlock ours = GbtBlock.decode(apdu, 0, apdu.length);
        assertEquals(new GbtBlock(true, false, 1, 2, 1, new byte[] {(byte) 0xC4, 1, (byte) 0xC1, 0, 0x11, 5}), ours);
        assertArrayEquals(apdu, ours.encode());
    }
}
