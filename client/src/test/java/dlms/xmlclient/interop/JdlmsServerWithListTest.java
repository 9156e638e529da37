package dlms.xmlclient.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmuc.jdlms.settings.client.ReferencingMethod;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our client's with-list requests against OpenMUC jDLMS 1.7.1's server (an independent reading of
 * the Green Book), over a real loopback socket: jDLMS decodes the requests the client encodes, and
 * the client's reply XML shows every item jDLMS answers, a missing object's error included.
 */
@Tag("integration")
class JdlmsServerWithListTest {

    private static final String DESCRIPTOR = "<AttributeDescriptor><ClassId Value=\"%d\" /><InstanceId Value=\"%s\" />"
            + "<AttributeId Value=\"2\" /></AttributeDescriptor>";
    private static final String SERIAL = DESCRIPTOR.formatted(1, "0.0.96.1.0.255");
    private static final String MISSING = DESCRIPTOR.formatted(1, "0.0.99.99.0.255");
    private static final String ENERGY = DESCRIPTOR.formatted(3, "1.0.1.8.0.255");

    static JdlmsMeter meter;
    /** The last run, for the failure message. */
    private ClientRun last;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        meter = JdlmsMeter.start(JdlmsMeter.Framing.WRAPPER, ReferencingMethod.LOGICAL);
    }

    @AfterAll
    static void stop() throws Exception {
        meter.close();
    }

    @Test
    void getWithListShowsEveryItemJdlmsAnswers() throws Exception {
        String reply = run("get.xml", """
                <GetRequest><GetRequestWithList><InvokeIdAndPriority Value="193" />
                  <AttributeDescriptorList Qty="3">
                    <AttributeDescriptorWithSelection>%s</AttributeDescriptorWithSelection>%s%s
                  </AttributeDescriptorList></GetRequestWithList></GetRequest>""".formatted(SERIAL, MISSING, ENERGY));
        // serial number "87654321", object-undefined, A+ 2718281
        assertTrue(reply.matches("(?s).*<Result Qty=\"3\">\\s*<Data>\\s*<OctetString Value=\"3837363534333231\" />.*"
                + "</Data>\\s*<DataAccessError Value=\"UndefinedObject\" />\\s*<Data>\\s*<UInt32 Value=\""
                + JdlmsMeter.A_PLUS + "\" />.*"), reply);
    }

    @Test
    void setWithListShowsEachResult() throws Exception {
        String reply = run("set.xml", """
                <SetRequest><SetRequestWithList><InvokeIdAndPriority Value="193" />
                  <AttributeDescriptorList Qty="2">%s%s</AttributeDescriptorList>
                  <ValueList Qty="2"><OctetString Value="3837363534333231" /><OctetString Value="41" /></ValueList>
                </SetRequestWithList></SetRequest>""".formatted(SERIAL, MISSING));
        assertTrue(reply.matches("(?s).*<SetResponseWithList>.*<Result Qty=\"2\" >\\s*<DataAccessResult Value=\"\\w+\" />"
                + "\\s*<DataAccessResult Value=\"UndefinedObject\" />.*"), reply);
    }

    @Test
    void actionWithListShowsEachResult() throws Exception {
        String reply = run("action.xml", """
                <ActionRequest><ActionRequestWithList><InvokeIdAndPriority Value="193" />
                  <MethodDescriptorList Qty="2">
                    <MethodDescriptor><ClassId Value="70" /><InstanceId Value="0.0.96.3.10.255" /><MethodId Value="2" /></MethodDescriptor>
                    <MethodDescriptor><ClassId Value="70" /><InstanceId Value="0.0.96.3.99.255" /><MethodId Value="2" /></MethodDescriptor>
                  </MethodDescriptorList>
                  <MethodInvocationParameters Qty="2"><Int8 Value="0" /><Int8 Value="0" /></MethodInvocationParameters>
                </ActionRequestWithList></ActionRequest>""");
        assertTrue(reply.matches("(?s).*<ActionResponseWithList>.*<Result Qty=\"2\">\\s*<ActionResult>\\s*"
                + "<Result Value=\"Success\" />\\s*</ActionResult>\\s*<ActionResult>\\s*<Result Value=\"UndefinedObject\" />.*"),
                reply);
    }

    @Test
    void cipheredGetWithListShowsEveryItem() throws Exception {
        String reply = run("ciphered-get.xml", """
                <GetRequest><GetRequestWithList><InvokeIdAndPriority Value="193" />
                  <AttributeDescriptorList Qty="3">%s%s%s</AttributeDescriptorList></GetRequestWithList></GetRequest>"""
                .formatted(SERIAL, MISSING, ENERGY), (JdlmsAssociationTest.HLS_GMAC + " --findings warn").split(" "));
        assertTrue(reply.matches("(?s).*<Result Qty=\"3\">\\s*<Data>\\s*<OctetString Value=\"3837363534333231\" />.*"
                + "</Data>\\s*<DataAccessError Value=\"UndefinedObject\" />\\s*<Data>\\s*<UInt32 Value=\""
                + JdlmsMeter.A_PLUS + "\" />.*"), reply + last);
    }

    /** Runs one request against jDLMS as the public client (or with these association flags); returns its reply file. */
    private String run(String name, String request, String... association) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "<Messages>\n" + request + "\n</Messages>\n");
        java.util.List<String> args = new java.util.ArrayList<>(association.length == 0
                ? java.util.List.of("-c", "16", "-a", "None") : java.util.List.of(association));
        args.addAll(java.util.List.of("-x", script.toString()));
        ClientRun run = ClientRun.against(meter, dir.resolve("out-" + name), args.toArray(String[]::new));
        last = run;
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(java.util.List.of(), meter.crashes());
        return Files.readString(run.outDir.resolve("replies").resolve(name));
    }
}
