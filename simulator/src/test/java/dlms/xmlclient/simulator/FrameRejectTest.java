package dlms.xmlclient.simulator;

import dlms.xmlclient.wire.hdlc.HdlcAddress;
import dlms.xmlclient.wire.hdlc.HdlcEncoder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The simulator's HDLC secondary station against IEC 62056-46, over a real socket: FRMR for a
 * control field it does not implement (W) and for an information field longer than negotiated
 * (Y), where gurux.dlms 4.0.47 answers an I-frame with an exception-response, or nothing at all
 * from then on; frames with a check sequence error or for another address are ignored.
 */
@Tag("integration")
class FrameRejectTest {

    private static final HdlcAddress SERVER = HdlcAddress.of(1);
    private static final HdlcAddress CLIENT = HdlcAddress.of(16);

    private static byte[] frame(int control, byte[] info) {
        return HdlcEncoder.encode(SERVER, CLIENT, control, info, false);
    }

    private static String exchange(Socket socket, byte[] frame) throws Exception {
        socket.getOutputStream().write(frame);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[512];
        try {
            int n = in.read(buffer);
            return n < 0 ? "closed" : HexFormat.ofDelimiter(" ").withUpperCase().formatHex(Arrays.copyOf(buffer, n));
        } catch (SocketTimeoutException e) {
            return "no reply";
        }
    }

    @Test
    void anUnimplementedControlFieldAndATooLongInformationFieldAreRejectedWithTheirReasonBits() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                Socket socket = new Socket("127.0.0.1", meter.port())) {
            socket.setSoTimeout(500);
            exchange(socket, frame(0x93, null)); // SNRM: the link is up
            // FRMR, F: rejected control 33, V(S) = V(R) = 0, W.
            assertEquals("7E A0 0C 21 03 97 3E 21 33 00 01 34 B7 7E", exchange(socket, frame(0x33, null)));
            assertEquals("73", exchange(socket, frame(0x93, null)).substring(15, 17)); // SNRM again: UA
            byte[] tooLong = new byte[129]; // one more than the 128 bytes of the UA
            tooLong[0] = (byte) 0xE6;
            tooLong[1] = (byte) 0xE6;
            assertEquals("7E A0 0C 21 03 97 3E 21 10 00 04 C6 0C 7E", exchange(socket, frame(0x10, tooLong)));
            // The frame reject condition: an RR gets the same FRMR, until SNRM (or DISC).
            assertEquals("7E A0 0C 21 03 97 3E 21 10 00 04 C6 0C 7E", exchange(socket, frame(0x11, null)));
            assertEquals("73", exchange(socket, frame(0x93, null)).substring(15, 17));
            assertEquals("7E A0 07 21 03 31 17 21 7E".substring(0, 17), exchange(socket, frame(0x11, null))
                    .substring(0, 17)); // RR answered RR again
            assertEquals("73", exchange(socket, frame(0x53, null)).substring(15, 17)); // DISC: UA
        }
    }

    @Test
    void anRrWithAnInformationFieldIsRejectedWithTheWAndXBits() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                Socket socket = new Socket("127.0.0.1", meter.port())) {
            socket.setSoTimeout(500);
            exchange(socket, frame(0x93, null));
            String frmr = exchange(socket, frame(0x11, new byte[] {0x01, 0x02}));
            assertEquals("97", frmr.substring(15, 17), frmr);
            assertEquals("11 00 03", frmr.substring(24, 32), frmr); // rejected RR, V(S) = V(R) = 0, W and X
        }
    }

    @Test
    void aPollWhileTheLinkIsDownIsAnsweredDisconnectedMode() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                Socket socket = new Socket("127.0.0.1", meter.port())) {
            socket.setSoTimeout(500);
            assertEquals("7E A0 07 21 03 1F 6B E9 7E", exchange(socket, frame(0x33, null))); // UP, poll: DM
            assertEquals("7E A0 07 21 03 1F 6B E9 7E", exchange(socket, frame(0x11, null))); // RR, poll: DM
            assertEquals("no reply", exchange(socket, frame(0x01, null))); // RR without poll: nothing to answer
        }
    }

    @Test
    void framesWithACheckSequenceErrorOrForAnotherStationGetNoAnswer() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
                Socket socket = new Socket("127.0.0.1", meter.port())) {
            socket.setSoTimeout(400);
            byte[] badFcs = frame(0x93, null);
            badFcs[badFcs.length - 3] ^= 1;
            assertEquals("no reply", exchange(socket, badFcs));
            assertEquals("no reply", exchange(socket, HdlcEncoder.encode(HdlcAddress.of(5), CLIENT, 0x93, null,
                    false)));
            assertEquals("no reply", exchange(socket, HdlcEncoder.encode(SERVER, HdlcAddress.of(99), 0x93, null,
                    false)));
            assertEquals("7E A0 07 21 03 1F 6B E9 7E", exchange(socket, frame(0x53, null))); // DISC, link down: DM
        }
    }
}
