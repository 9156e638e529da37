package dlms.xmlclient.simulator.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import gurux.dlms.GXDLMSClient;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;

class HdlcFrameSplitterTest {

    private static byte[] snrm(int serverAddress) throws Exception {
        return new GXDLMSClient(true, 16, serverAddress, Authentication.NONE, null,
                InterfaceType.HDLC).snrmRequest();
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[0];
        for (byte[] p : parts) {
            int at = all.length;
            all = Arrays.copyOf(all, at + p.length);
            System.arraycopy(p, 0, all, at, p.length);
        }
        return all;
    }

    @Test
    void twoFramesInOneReadComeOutAsTwo() throws Exception {
        byte[] a = snrm(GXDLMSClient.getServerAddress(12345678));
        byte[] b = snrm(GXDLMSClient.getServerAddress(12345679));
        List<byte[]> frames = new HdlcFrameSplitter().add(concat(a, b));
        assertEquals(2, frames.size());
        assertArrayEquals(a, frames.get(0));
        assertArrayEquals(b, frames.get(1));
    }

    @Test
    void frameSplitOverReadsComesOutWhenWhole() throws Exception {
        byte[] a = snrm(GXDLMSClient.getServerAddress(12345678));
        HdlcFrameSplitter splitter = new HdlcFrameSplitter();
        assertEquals(0, splitter.add(Arrays.copyOf(a, 2)).size());
        assertEquals(0, splitter.add(Arrays.copyOfRange(a, 2, a.length - 1)).size());
        List<byte[]> frames = splitter.add(Arrays.copyOfRange(a, a.length - 1, a.length));
        assertEquals(1, frames.size());
        assertArrayEquals(a, frames.get(0));
    }

    @Test
    void bytesBeforeAFrameAreSkipped() throws Exception {
        byte[] a = snrm(GXDLMSClient.getServerAddress(12345678));
        List<byte[]> frames = new HdlcFrameSplitter().add(concat(
                new byte[] {1, 2, 0x7E, 0x7E, 0x7E, 0x33}, a));
        assertEquals(1, frames.size());
        assertArrayEquals(a, frames.get(0));
    }

    @Test
    void physicalDestinationIsThatOfTheSerialNumberInAFourByteAddress() throws Exception {
        assertEquals(ServerAddress.physicalFor(12345678), HdlcFrameSplitter.physicalDestination(
                snrm(GXDLMSClient.getServerAddress(12345678))));
        assertEquals(0x3FFF, HdlcFrameSplitter.physicalDestination(
                snrm(GXDLMSClient.getServerAddress(1, 0x3FFF, 4))));
    }

    @Test
    void oneOrTwoByteDestinationHasNoPhysicalAddress() throws Exception {
        assertEquals(-1, HdlcFrameSplitter.physicalDestination(snrm(1)));
        assertEquals(-1, HdlcFrameSplitter.physicalDestination(
                snrm(GXDLMSClient.getServerAddress(1, 0x7F, 2))));
    }
}
