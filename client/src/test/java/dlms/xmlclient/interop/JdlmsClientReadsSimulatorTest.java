package dlms.xmlclient.interop;

import org.junit.jupiter.api.Tag;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.datatypes.DataObject;

import dlms.xmlclient.simulator.MeterSimulator;

/**
 * jDLMS's client (an independent DLMS/COSEM implementation) reads the simulator over loopback
 * sockets, by every link and client, and gets what the sample scripts expect: the replies are
 * decoded by jDLMS and compared with the expected files.
 */
@Tag("integration")
class JdlmsClientReadsSimulatorTest {

    /** Scripts that only read, and whose replies are the same for every client. */
    static final List<String> READS = List.of("get-logical-device-name.xml",
            "get-serial-number.xml", "clock/1-read.xml", "instantaneous.xml",
            "energy/a-plus.xml", "energy/a-minus.xml", "energy/r-plus.xml", "energy/r-minus.xml",
            "load-profile/whole.xml", "load-profile/one-day-by-range.xml",
            "load-profile/entries-3-to-12.xml", "get-missing-object.xml");
    /** The read of an object the meter does not have. */
    static final String MISSING = "get-missing-object.xml";
    /** Attribute 2 of the association in use: its object list. */
    private static final AttributeAddress ASSOCIATION_VIEW =
            new AttributeAddress(15, "0.0.40.0.0.255", 2);

    static Stream<Arguments> linksAndClients() {
        return Stream.of(JdlmsLink.values()).flatMap(link -> Stream.of(JdlmsClient.values())
                .map(client -> Arguments.of(link, client)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("linksAndClients")
    void readScriptsGetTheirExpectedReplies(JdlmsLink link, JdlmsClient client)
            throws Exception {
        try (MeterSimulator meter = link.startMeter();
                JdlmsAssociation association = client.associate(meter, link)) {
            List<String> mismatches = new ArrayList<>();
            for (String script : READS) {
                mismatches.addAll(JdlmsScriptReplay.mismatches(association.connection(), script));
            }
            assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
            association.release();
        }
    }

    /**
     * Every client's object list (array of {class_id, version, logical_name, access_rights})
     * holds every object the read scripts read, and not the one the meter does not have.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("linksAndClients")
    void associationViewListsEveryObjectTheReadScriptsRead(JdlmsLink link,
            final JdlmsClient client) throws Exception {
        Set<String> read = new TreeSet<>();
        for (String script : READS) {
            if (!script.equals(MISSING)) {
                read.addAll(JdlmsScriptReplay.objects(script));
            }
        }
        try (MeterSimulator meter = link.startMeter();
                JdlmsAssociation association = client.associate(meter, link)) {
            GetResult view = association.connection().get(ASSOCIATION_VIEW);
            assertTrue(view.requestSuccessful(), view.getResultCode().toString());
            Set<String> listed = objects(view.getResultData());
            assertTrue(listed.containsAll(read), "listed " + listed + ", read " + read);
            for (String missing : JdlmsScriptReplay.objects(MISSING)) {
                assertFalse(listed.contains(missing), missing);
            }
            association.release();
        }
    }

    /** @return "class-id logical-name" of every object_list_element */
    private static Set<String> objects(DataObject objectList) {
        Set<String> objects = new TreeSet<>();
        for (DataObject element : objectList.<List<DataObject>>getValue()) {
            List<DataObject> fields = element.getValue();
            objects.add(fields.get(0).<Number>getValue().intValue() + " "
                    + HexFormat.of().withUpperCase().formatHex(fields.get(2).<byte[]>getValue()));
        }
        return objects;
    }
}
