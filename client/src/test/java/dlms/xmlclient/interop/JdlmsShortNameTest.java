package dlms.xmlclient.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmuc.jdlms.settings.client.ReferencingMethod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our client by short names (-r sn) against jDLMS 1.7.1's server serving the same objects by short
 * names (its Association SN at base name FA00; our clock at 0200, register 0300, ...), over WRAPPER.
 * jDLMS accepts the association, but its InitiateResponse always names the VAA of a logical-name
 * association (0x0007), so no short-name script gets past the AARE.
 */
@Tag("integration")
class JdlmsShortNameTest {

    static final String SCRIPT = JdlmsServerTest.INTEROP + "messages/sn/clock-and-energy.xml";
    static final String EXPECTED = JdlmsServerTest.INTEROP + "expected/sn";

    static JdlmsMeter meter;

    @TempDir
    Path out;

    @BeforeAll
    static void startTheMeter() throws Exception {
        meter = JdlmsMeter.start(JdlmsMeter.Framing.WRAPPER, ReferencingMethod.SHORT);
    }

    @AfterAll
    static void stopTheMeter() throws Exception {
        meter.close();
    }

    ClientRun run(String association) {
        List<String> args = new ArrayList<>(List.of("-r", "sn"));
        args.addAll(List.of(association.split(" ")));
        args.addAll(List.of("-x", SCRIPT, "-e", EXPECTED));
        return ClientRun.against(meter, out, args.toArray(String[]::new));
    }

    /**
     * No authentication: the right context (2.16.756.5.8.1.2, short names), accepted, but VAA name 0x0007
     * in the InitiateResponse, where a short-name server names its Association SN's base name, 0xFA00
     * (jDLMS's InitiateResponseBuilder writes 0x0007 whatever the referencing).
     */
    @Test
    void theInitiateResponseNamesTheLogicalNameVaa() throws Exception {
        ClientRun run = run("-c 16 -a None");
        assertTrue(run.trace().contains("TX 00 01 00 10 00 01 00 1F 60 1D A1 09 06 07 60 85 74 05 08 01 02 BE 10 04 0E"
                + " 01 00 00 00 06 5F 1F 04 00 1E 03 20 FF FF\n"), run.trace());
        assertEquals("RX 00 01 00 01 00 10 00 2F 61 2D 80 02 07 80 A1 09 06 07 60 85 74 05 08 01 02 A2 03 02 01 00"
                + " A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 18 02 20 FF FF 00 07",
                JdlmsAssociationTest.aare(run));
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.out.contains("no connection: the meter's AARE deviates from the standard: the AARE's"
                + " InitiateResponse names vaa-name 0007, a short-name association's is FA00; --findings warn"
                + " accepts it"), run.out);
    }

    /**
     * Low: as with logical names (JdlmsAssociationTest), the AARE names logical-name-with-ciphering
     * (2.16.756.5.8.1.3), here to our short-name proposal (2.16.756.5.8.1.2); and VAA 0x0007 again.
     */
    @Test
    void lowIsAcceptedWithTheLogicalNameCipheredContext() throws Exception {
        ClientRun run = run("-c 17 -a Low -P " + JdlmsMeter.PASSWORD);
        assertEquals("RX 00 01 00 01 00 11 00 2F 61 2D 80 02 07 80 A1 09 06 07 60 85 74 05 08 01 03 A2 03 02 01 00"
                + " A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 18 02 20 FF FF 00 07",
                JdlmsAssociationTest.aare(run));
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.out.contains("no connection: the meter's AARE deviates from the standard: the AARE accepts"
                + " with application context logical-name-with-ciphering (3), the AARQ proposed short-name (2) (and 1"
                + " more in trace.txt); --findings warn accepts it"), run.out);
        assertTrue(run.trace().contains("finding: the AARE's InitiateResponse names vaa-name 0007, a short-name"
                + " association's is FA00"), run.trace());
    }

    /**
     * A wrong password is refused (rejected-permanent, authentication-failure), and our client says so;
     * the rejecting AARE names the logical-name context (2.16.756.5.8.1.1), not the short-name one
     * proposed: jDLMS builds every rejection with context 1.
     */
    @Test
    void aWrongPasswordIsRefusedInALogicalNameAare() throws Exception {
        ClientRun run = run("-c 17 -a Low -P wrongpw1");
        assertEquals("RX 00 01 00 01 00 11 00 2F 61 2D 80 02 07 80 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01"
                + " A3 05 A1 03 02 01 0D BE 10 04 0E 08 00 06 5F 1F 04 00 00 00 00 FF FF 00 07",
                JdlmsAssociationTest.aare(run));
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.line("clock-and-energy.xml").contains(
                "no connection: association rejected by the meter: authentication-failure (13): wrong password (check -P)"), run.out);
    }
}
