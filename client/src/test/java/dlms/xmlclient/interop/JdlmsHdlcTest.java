package dlms.xmlclient.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmuc.jdlms.settings.client.ReferencingMethod;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our client against jDLMS 1.7.1's server with its HDLC session layer (HDLC over TCP, logical names).
 * jDLMS's HDLC server gets no further than the UA: it cannot read an SNRM without parameters, and
 * the N(R) of every I-frame it sends stays 0.
 */
@Tag("integration")
class JdlmsHdlcTest {

    static final String SCRIPT = JdlmsServerTest.INTEROP + "messages/ln/03-energy.xml";

    static JdlmsMeter meter;

    @TempDir
    Path out;

    @BeforeAll
    static void startTheMeter() throws Exception {
        meter = JdlmsMeter.start(JdlmsMeter.Framing.HDLC, ReferencingMethod.LOGICAL);
    }

    @AfterAll
    static void stopTheMeter() throws Exception {
        meter.close();
    }

    /**
     * Our default SNRM carries no information field (the default parameters: 128 bytes, window 1).
     * jDLMS decodes the missing field anyway, throws a BufferUnderflowException and drops the
     * connection without a UA or DM. Our client says what happened.
     */
    @Test
    void anSnrmWithoutParametersDropsTheConnection() throws Exception {
        int crashesBefore = meter.crashes().size();
        ClientRun run = ClientRun.against(meter, out, "-c", "16", "-a", "None", "-x", SCRIPT);
        String trace = run.trace();
        // SNRM from client 16 (0x21) to server 1 (0x03), no information field
        assertTrue(trace.contains(" TX 7E A0 07 03 21 93 0F 01 7E\n"), trace);
        assertTrue(trace.lines().noneMatch(l -> l.contains(" RX ")), trace);
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.line("03-energy.xml").contains("no connection: SNRM failed: the meter at 127.0.0.1:"
                + meter.port() + " closed the connection"), run.out);
        List<String> crashes = meter.crashes();
        assertEquals(crashesBefore + 1, crashes.size(), crashes.toString());
        assertEquals("BufferUnderflowException: null at HdlcParameters.decode", crashes.get(crashesBefore));
    }

    /**
     * With parameters in the SNRM (--frame-size 256) the UA comes and echoes them. Our first I-frame
     * has N(S)=0, so the AARE's I-frame must acknowledge it with N(R)=1 (control 0x30); jDLMS sends
     * control 0x10, N(R)=0: it never advances its receive count. gurux.dlms drops the frame, so our
     * client waits for a reply it has already had.
     */
    @Test
    void theMetersIFramesNeverAdvanceNr() throws Exception {
        // no retries, a short wait: the AARE frame has come by then, and the client would only wait on
        ClientRun run = ClientRun.against(meter, out, "-c", "16", "-a", "None", "--frame-size", "256",
                "--wait-time", "1500", "--retries", "0", "-x", SCRIPT);
        String trace = run.trace();
        assertTrue(trace.contains(" TX 7E A0 20 03 21 93 7D D9 81 80 14 05 02 01 00 06 02 01 00 07 04 00 00 00 01 08 04"
                + " 00 00 00 01 69 6D 7E\n"), trace);
        assertTrue(trace.contains(" RX 7E A0 20 21 03 73 73 98 81 80 14 05 02 01 00 06 02 01 00 07 04 00 00 00 01 08 04"
                + " 00 00 00 01 69 6D 7E\n"), trace);
        // our AARQ: I-frame, control 10 = N(R) 0, P, N(S) 0
        assertTrue(trace.contains(" TX 7E A0 2B 03 21 10 FB AF E6 E6 00 60 1D "), trace);
        // jDLMS's AARE: I-frame, control 10 = N(R) 0, F, N(S) 0; the AARE inside is the standard one
        assertTrue(trace.contains(" RX 7E A0 3B 21 03 10 5A CA E6 E6 00 61 2D 80 02 07 80 A1 09 06 07 60 85 74 05 08 01"
                + " 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D FF FF 00 07 27 C6"
                + " 7E\n"), trace);
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.out.contains("no connection: AARQ failed: HDLC I-frame out of sequence: expected N(S)=0 N(R)=1,"
                + " got N(S)=0 N(R)=0 (the meter does not acknowledge our last frame)"), run.out);
    }
}
