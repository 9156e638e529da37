package dlms.xmlclient.cli;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The with-list, Access and release samples against the simulator over HDLC and WRAPPER: each
 * passes against its expected file, and the APDUs on the wire are the Green Book's, byte by byte.
 */
@Tag("integration")
class WithListIntegrationTest {

    @TempDir
    Path out;

    @ParameterizedTest(name = "wrapper {0}")
    @ValueSource(booleans = {false, true})
    void samplesPassAndTheWireCarriesTheStandardApdus(boolean wrapper) throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper))) {
            List<String> args = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", String.valueOf(meter.port()),
                    "-x", "messages/with-list", "-e", "expected/with-list"));
            if (wrapper) {
                args.add("-w");
            }
            CliRun run = CliRun.run(out, args.toArray(String[]::new));
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.out.contains("6 scripts: 6 passed, 0 failed"), run.out);
            String trace = run.trace();
            // get-request-with-list: C0 03, invoke C1, 2 descriptors, no byte between them (gurux.dlms: 1D)
            contains(trace, "C0 03 C1 02 00 01 00 00 2A 00 00 FF 02 00 00 01 00 00 63 63 00 FF 02 00");
            // get-response-with-list: data octet-string(16), then data-access-result object-undefined (4)
            contains(trace, "C4 03 C1 02 00 09 10 53 49 4D");
            contains(trace, " 30 31 01 04");
            // set-request-with-list C1 04; set-response-with-list C5 05: success, object-undefined
            contains(trace, "C1 04 C1 02 00 01 00 00 2A 00 00 FF 02 00 00 01 00 00 63 63 00 FF 02 00 02 09 10");
            contains(trace, "C5 05 C1 02 00 04");
            // action-request-with-list C3 03; action-response-with-list C7 03: success and
            // object-undefined, neither with return parameters
            contains(trace, "C3 03 C1 02 00 46 00 00 60 03 0A FF 02 00 46 00 00 60 03 63 FF 02 02 0F 00 0F 00");
            contains(trace, "C7 03 C1 02 00 00 04 00");
            // access-request D9 40000001, no date-time, 4 specifications; access-response DA: no
            // date-time, no request specification, 4 data (octet-string, 3 null-data), 4 results
            contains(trace, "D9 40 00 00 01 00 04 01 00 01 00 00 2A 00 00 FF 02 02 00 01");
            contains(trace, "DA 40 00 00 01 00 00 04 09 10 53 49 4D");
            contains(trace, " 30 31 00 00 00 04 01 00 02 00 03 00 01 04");
            // the long list in data blocks: block 1 not last with raw-data (00), the next asked, block 2 last
            contains(trace, " C4 02 C1 00 00 00 00 01 00 82 ");
            contains(trace, "C0 02 C1 00 00 00 01");
            contains(trace, " C4 02 C1 01 00 00 00 02 00 ");
            // RLRQ with reason normal, its length right: the frame ends after it
            assertTrue(Pattern.compile("TX [0-9A-F ]*62 03 80 01 00" + (wrapper ? "" : " [0-9A-F]{2} [0-9A-F]{2} 7E")
                    + "\\n").matcher(trace).find(), trace);
        }
    }

    @org.junit.jupiter.api.Test
    void aSetWithListLongerThanTheMaxPduStopsItsScriptBeforeItIsSent() throws Exception {
        Path script = out.resolve("long-set.xml");
        java.nio.file.Files.writeString(script, """
                <Messages>
                  <SetRequest><SetRequestWithList><InvokeIdAndPriority Value="193" />
                    <AttributeDescriptorList Qty="1"><AttributeDescriptor><ClassId Value="1" />
                      <InstanceId Value="0.0.42.0.0.255" /><AttributeId Value="2" /></AttributeDescriptor>
                    </AttributeDescriptorList>
                    <ValueList Qty="1"><OctetString Value="%s" /></ValueList>
                  </SetRequestWithList></SetRequest>
                </Messages>
                """.formatted("41".repeat(1100)));
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-c", "17", "-a", "Low",
                    "-P", "00000000", "-x", script.toString());
            assertEquals(1, run.exitCode, run.toString());
            // 2 + 1 + 1 + 10 + 1 + 1 + 3 + 1100 bytes: set-request-with-list of one 1,100-byte octet-string
            assertTrue(run.out.contains("the SetRequest-with-list is 1119 bytes, above the meter's max PDU size of"
                    + " 1024 bytes; its block transfer is not supported by the client"), run.out);
            assertTrue(!run.trace().contains("C1 04 C1 01"), "nothing of it was sent");
        }
    }

    @org.junit.jupiter.api.Test
    void anAccessReplyLongerThanAnHdlcFrameComesInSegments() throws Exception {
        String get = "<AccessRequestGet><AttributeDescriptor><ClassId Value=\"1\" /><InstanceId Value=\"0.0.42.0.0.255\" />"
                + "<AttributeId Value=\"2\" /></AttributeDescriptor></AccessRequestGet>";
        Path script = out.resolve("long-access.xml");
        java.nio.file.Files.writeString(script, """
                <Messages>
                  <AccessRequest><LongInvokeIdAndPriority Value="1073741825" /><DateTime Value="" />
                    <AccessRequestBody><AccessRequestSpecification Qty="8">%s</AccessRequestSpecification>
                    <AccessRequestListOfData Qty="8">%s</AccessRequestListOfData></AccessRequestBody></AccessRequest>
                </Messages>
                """.formatted(get.repeat(8), "<None />".repeat(8)));
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = CliRun.run(out, "-h", "127.0.0.1", "-p", String.valueOf(meter.port()), "-c", "17", "-a", "Low",
                    "-P", "00000000", "-x", script.toString());
            assertEquals(0, run.exitCode, run.toString());
            String reply = java.nio.file.Files.readString(run.replyFile("long-access.xml"));
            // 8 times 18 bytes of data: more than the 128-byte information field of an HDLC frame
            assertEquals(8, reply.split("<OctetString Value=\"53494D30303030303030303030303031\" />", -1).length - 1,
                    reply);
            assertEquals(8, reply.split("<Result Value=\"Success\" />", -1).length - 1, reply);
            // the first segment: frame format A8 (segmented), the access response's head in place of the carrier's
            assertTrue(Pattern.compile("RX 7E A8 [0-9A-F ]*E6 E7 00 DA 40 00 00 01 00 00 08 09 10").matcher(run.trace())
                    .find(), run.trace());
        }
    }

    @org.junit.jupiter.api.Test
    void inACipheredAssociationWithListAndAccessAreCipheredAndAnsweredPerItem() throws Exception {
        Path scripts = out.resolve("ciphered");
        java.nio.file.Files.createDirectories(scripts);
        for (String name : List.of("1-get-with-list.xml", "2-set-with-list.xml", "3-action-with-list.xml",
                "5-access.xml")) {
            java.nio.file.Files.copy(Path.of("messages/with-list", name), scripts.resolve(name));
        }
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            CliRun run = CliRun.run(out.resolve("run"), "-h", "127.0.0.1", "-p", String.valueOf(meter.port()),
                    "-c", "1", "-a", "HighGMAC", "-C", "AuthenticationEncryption", "--keys",
                    "messages/secure/simulator.keys", "-v", "0.0.43.1.1.255",
                    "-x", scripts.toString(), "-e", "expected/with-list");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.out.contains("4 scripts: 4 passed, 0 failed"), run.out);
            String trace = run.trace();
            // sent general-glo-ciphered (DB, the client's system title 4142434445464748), never plain
            contains(trace, "E6 E6 00 DB 08 41 42 43 44 45 46 47 48");
            assertTrue(!Pattern.compile("TX [0-9A-F ]*E6 E6 00 (C1 04|D9)").matcher(trace).find(), trace);
            // the plain APDUs, as the trace notes them, and the replies deciphered
            contains(trace, "TX= C1 04 C1 02");
            contains(trace, "RX= C5 05 C1 02 00 04");
            contains(trace, "RX= C7 03 C1 02 00 00 04 00");
            contains(trace, "TX= D9 40 00 00 01 00 04");
        }
    }

    private static void contains(String trace, String bytes) {
        assertTrue(trace.contains(bytes), "no " + bytes + " in\n" + trace);
    }
}
