package dlms.xmlclient.simulator;

import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames that reach the meter in one TCP read are each served, as a meter on a busy network
 * must (TCP keeps no frame boundaries): gurux.dlms 4.0.47's server serves the first frame of
 * what it is given and drops the rest. Found by a fleet of 10,000 meters, where a meter's
 * reads lagged its client's frames by a second now and then.
 */
@Tag("integration")
class FramesInOneReadTest {

    private static final HdlcAddress OWN = HdlcAddress.of(1);
    private static final HdlcAddress CLIENT = HdlcAddress.of(16);

    private static byte[] snrm(HdlcAddress server) {
        return HdlcEncoder.encode(server, CLIENT, 0x93, null, false);
    }

    private static byte[] joined(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    private static String replies(Socket socket, int count) throws Exception {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        int flags = 0;
        try {
            while (flags < 2 * count) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
                flags = 0;
                for (byte b : got.toByteArray()) {
                    flags += (b & 0xFF) == 0x7E ? 1 : 0;
                }
            }
        } catch (SocketTimeoutException e) {
            // what came is all
        }
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(got.toByteArray());
    }

    @Test
    void aFrameForAnotherStationAndOneForTheMeterInOneReadGetTheMetersAnswer() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                Socket socket = new Socket("127.0.0.1", meter.port())) {
            socket.setSoTimeout(1500);
            socket.getOutputStream().write(joined(snrm(HdlcAddress.of(5)), snrm(OWN)));
            String reply = replies(socket, 1);
            assertTrue(reply.length() > 16 && reply.substring(15, 17).equals("73"), "a UA, not: " + reply);
        }
    }

    @Test
    void twoRequestsInOneReadGetTwoAnswersInOrder() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                Socket socket = new Socket("127.0.0.1", meter.port())) {
            socket.setSoTimeout(1500);
            byte[] disc = HdlcEncoder.encode(OWN, CLIENT, 0x53, null, false);
            socket.getOutputStream().write(joined(snrm(OWN), disc));
            String reply = replies(socket, 2);
            String[] frames = Arrays.stream(reply.split("7E 7E|7E")).map(String::strip).filter(f -> !f.isEmpty())
                    .toArray(String[]::new);
            assertEquals(2, frames.length, reply);
            assertTrue(frames[0].length() > 14 && frames[0].substring(12, 14).equals("73"), "UA to SNRM: " + reply);
            assertTrue(frames[1].substring(12, 14).equals("73"), "UA to DISC: " + reply);
        }
    }
}
