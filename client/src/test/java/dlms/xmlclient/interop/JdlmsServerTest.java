package dlms.xmlclient.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmuc.jdlms.settings.client.ReferencingMethod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our client against OpenMUC jDLMS 1.7.1's server, over a real loopback socket: WRAPPER, logical names,
 * the public client 16 without authentication. This is where jDLMS follows the standard closely enough
 * for every script to pass: Get, Set, Action, selective access by entry and by range, a reply in data
 * blocks, and the refusals. The two COSEM-level deviations found (the association's own attributes, an
 * unknown method) are here too; the association-level ones are in {@link JdlmsAssociationTest},
 * short names in {@link JdlmsShortNameTest}, HDLC in {@link JdlmsHdlcTest}.
 */
@Tag("integration")
class JdlmsServerTest {

    static final String INTEROP = "client/src/test/resources/interop/";

    static JdlmsMeter meter;
    /** The ln/ scripts, once for all tests here (the last one moves the clock). */
    static ClientRun scripts;
    /** What escaped jDLMS, and the connections it took, during those scripts. */
    static List<String> scriptCrashes;
    static long scriptConnections;

    @TempDir
    static Path scriptsOut;
    @TempDir
    Path out;

    @BeforeAll
    static void runTheScripts() throws Exception {
        meter = JdlmsMeter.start(JdlmsMeter.Framing.WRAPPER, ReferencingMethod.LOGICAL);
        scripts = ClientRun.against(meter, scriptsOut, "-c", "16", "-a", "None",
                "-x", INTEROP + "messages/ln", "-e", INTEROP + "expected/ln");
        scriptCrashes = meter.crashes();
        scriptConnections = meter.connections();
    }

    @AfterAll
    static void stopTheMeter() throws Exception {
        meter.close();
    }

    @Test
    void everyScriptPassesAgainstJdlms() throws Exception {
        assertEquals(0, scripts.exitCode, scripts.toString());
        assertTrue(scripts.out.contains("10 scripts: 10 passed, 0 failed, 0 not checked, 0 errors; 33 replies"),
                scripts.out);
        assertEquals(List.of(), scriptCrashes);
        // each script on its own connection, as the client always does
        assertEquals(10, scriptConnections);
    }

    @Test
    void theAssociationIsTheStandardOne() throws Exception {
        String trace = scripts.trace();
        // AARQ: LN without ciphering, no authentication, conformance 00 42 1E 5D, max PDU 65535
        assertTrue(trace.contains("TX 00 01 00 10 00 01 00 1F 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01"
                + " 00 00 00 06 5F 1F 04 00 42 1E 5D FF FF\n"), trace);
        // AARE: accepted (result 0, diagnostic null), the same context, DLMS 6, conformance 00 1E 1D, VAA 0007
        assertTrue(trace.contains("RX 00 01 00 01 00 10 00 2F 61 2D 80 02 07 80 A1 09 06 07 60 85 74 05 08 01 01"
                + " A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D FF FF 00 07\n"),
                trace);
        // RLRQ normal, RLRE normal
        assertTrue(trace.contains("TX 00 01 00 10 00 01 00 05 62 03 80 01 00\n"), trace);
        assertTrue(trace.contains("RX 00 01 00 01 00 10 00 05 63 03 80 01 00\n"), trace);
    }

    @Test
    void theLongProfileComesInDataBlocksAndIsJoined() throws Exception {
        String trace = scripts.trace();
        // GetResponseWithDatablock: block 1 not last, our GetRequestNext for it, block 2 last
        assertTrue(trace.contains(" C4 02 C1 00 00 00 00 01 00 82 FF DC "), trace);
        assertTrue(trace.contains("TX 00 01 00 10 00 01 00 07 C0 02 C1 00 00 00 01\n"), trace);
        assertTrue(trace.contains(" C4 02 C1 01 00 00 00 02 00 "), trace);

        String reply = Files.readString(scripts.outDir.resolve("replies/05-long-profile.xml"));
        assertTrue(reply.contains("<Array Qty=\"" + JdlmsMeter.LONG_PROFILE_ROWS + "\" >"), reply.substring(0, 400));
        int last = JdlmsMeter.LONG_PROFILE_ROWS - 1;
        Matcher rows = Pattern.compile("<OctetString Value=\"(\\w+)\" />(?: <!--[^>]*-->)?\\s*<UInt32 Value=\"(\\d+)\" />")
                .matcher(reply);
        int count = 0;
        String time = null;
        String energy = null;
        while (rows.find()) {
            count++;
            time = rows.group(1);
            energy = rows.group(2);
        }
        assertEquals(JdlmsMeter.LONG_PROFILE_ROWS, count);
        // row 3199: 3199 minutes after 2026-01-01 00:00, Saturday 2026-01-03 05:19:00.00, deviation 0
        assertEquals("07EA01030605130000000000", time);
        assertEquals(String.valueOf(JdlmsProfile.rowEnergy(last)), energy);
    }

    /**
     * jDLMS's own Association LN (version 1) answers null-data for associated_partners_id (3),
     * xDLMS_context_info (5), authentication_mechanism_name (6) and association_status (8), and the
     * negotiated conformance block for application_context_name (4). Our client already says so: the
     * script fails, one difference per attribute.
     */
    @Test
    void theAssociationObjectsOwnAttributesAreNotWhatTheBlueBookSays() throws Exception {
        ClientRun run = ClientRun.against(meter, out, "-c", "16", "-a", "None",
                "-x", INTEROP + "messages/deviations/association-attributes.xml",
                "-e", INTEROP + "expected/deviations");
        assertEquals(1, run.exitCode, run.toString());
        String trace = run.trace();
        // attribute 3 (and 5, 6, 8): null-data
        assertTrue(trace.contains("RX 00 01 00 01 00 10 00 05 C4 01 C1 00 00\n"), trace);
        // attribute 4: octet-string 18 1E 3D, the conformance bits of the logical device
        assertTrue(trace.contains("RX 00 01 00 01 00 10 00 09 C4 01 C2 00 09 03 18 1E 3D\n"), trace);
        String script = "association-attributes.xml";
        List<String> differences = run.out.lines().filter(l -> l.contains(script + " #")).map(String::trim).toList();
        String path = INTEROP + "messages/deviations/" + script;
        assertEquals(List.of(
                path + " #1 /GetResponse/GetResponseNormal/Result/Data/None expected <Structure> got <None>",
                path + " #2 /GetResponse/GetResponseNormal/Result/Data/OctetString expected <Structure>"
                        + " got <OctetString>",
                path + " #3 /GetResponse/GetResponseNormal/Result/Data/None expected <Structure> got <None>",
                path + " #4 /GetResponse/GetResponseNormal/Result/Data/None expected <Structure> got <None>",
                path + " #5 /GetResponse/GetResponseNormal/Result/Data/None expected <Enum> got <None>"), differences);
    }

    /**
     * A Get with selective access (selector 1) of the register's value, which offers no selective
     * access (access_selectors null-data in the object_list jDLMS itself sends): jDLMS ignores the
     * selection and answers the value as for a plain Get. Our client already says so: the script fails.
     */
    @Test
    void aSelectionTheAttributeDoesNotOfferIsIgnored() throws Exception {
        ClientRun run = ClientRun.against(meter, out, "-c", "16", "-a", "None",
                "-x", INTEROP + "messages/deviations/selection-not-offered.xml", "-e", INTEROP + "expected/deviations");
        assertEquals(1, run.exitCode, run.toString());
        String trace = run.trace();
        assertTrue(trace.contains(
                "TX 00 01 00 10 00 01 00 13 C0 01 C1 00 03 01 00 01 08 00 FF 02 01 01 06 00 00 00 03\n"), trace);
        assertTrue(trace.contains("RX 00 01 00 01 00 10 00 09 C4 01 C1 00 06 00 29 7A 49\n"), trace);
        assertTrue(run.out.contains(INTEROP + "messages/deviations/selection-not-offered.xml #1"
                + " /GetResponse/GetResponseNormal/Result/Data expected <DataAccessError> got <Data>"), run.out);
    }

    /**
     * An ActionRequest for a method the object does not have: jDLMS throws a NullPointerException in
     * its method lookup and drops the connection without an ActionResponse. Our client says so.
     */
    @Test
    void anUnknownMethodDropsTheConnection() throws Exception {
        int crashesBefore = meter.crashes().size();
        ClientRun run = ClientRun.against(meter, out, "-c", "16", "-a", "None",
                "-x", INTEROP + "messages/deviations/unknown-method.xml");
        // broken off part-way: exit code 1
        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.line("unknown-method.xml").contains("broken off: request #1 (line 4): the meter at 127.0.0.1:"
                + meter.port() + " closed the connection"), run.out);
        // ActionRequest normal for 0.0.96.3.10.255 method 9, and no reply to it
        String trace = run.trace();
        assertTrue(trace.contains("TX 00 01 00 10 00 01 00 0F C3 01 C1 00 46 00 00 60 03 0A FF 09 01 0F 00\n"), trace);
        assertTrue(trace.lines().dropWhile(l -> !l.contains(" C3 01 C1 ")).noneMatch(l -> l.contains(" RX ")), trace);
        List<String> crashes = meter.crashes();
        assertEquals(crashesBefore + 1, crashes.size(), crashes.toString());
        assertTrue(crashes.get(crashesBefore).startsWith("NullPointerException: ")
                && crashes.get(crashesBefore).endsWith(" at DataDirectoryImpl.invokeMethod"), crashes.toString());
    }
}
