package dlms.xmlclient.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.MethodParameter;
import org.openmuc.jdlms.MethodResult;
import org.openmuc.jdlms.MethodResultCode;
import org.openmuc.jdlms.SelectiveAccessDescription;
import org.openmuc.jdlms.SetParameter;
import org.openmuc.jdlms.datatypes.DataObject;

import dlms.xmlclient.simulator.MeterSimulator;

/**
 * jDLMS's client sends GET-, SET- and ACTION-Request-With-List to the simulator and decodes the
 * replies with its own ASN.1 code: one result per item, in order, a missing object answered
 * object-undefined beside an existing one; a with-list Get longer than the max PDU joined from
 * data blocks.
 */
@Tag("integration")
class JdlmsClientWithListTest {

    private static final String LOGICAL_DEVICE_NAME = "0.0.42.0.0.255";
    private static final String MISSING = "0.0.99.99.0.255";
    private static final byte[] NAME = "SIM0000000000001".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdlmsLink.class)
    void getWithListAnswersEachItem(JdlmsLink link) throws Exception {
        try (MeterSimulator meter = link.startMeter();
                JdlmsAssociation association = JdlmsClient.MANAGEMENT.associate(meter, link)) {
            List<GetResult> results = association.connection().get(List.of(
                    new AttributeAddress(1, LOGICAL_DEVICE_NAME, 2), new AttributeAddress(1, MISSING, 2)));
            assertEquals(2, results.size());
            assertEquals(AccessResultCode.SUCCESS, results.get(0).getResultCode());
            assertArrayEquals(NAME, results.get(0).getResultData().<byte[]>getValue());
            assertEquals(AccessResultCode.OBJECT_UNDEFINED, results.get(1).getResultCode());
            association.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdlmsLink.class)
    void getWithListLongerThanAnApduComesInBlocks(JdlmsLink link) throws Exception {
        try (MeterSimulator meter = link.startMeter();
                JdlmsAssociation association = JdlmsClient.MANAGEMENT.associate(meter, link)) {
            // entry_descriptor: entries 1 to 50, every column (about 1,070 bytes; max PDU 1024)
            DataObject entries = DataObject.newStructureData(DataObject.newUInteger32Data(1),
                    DataObject.newUInteger32Data(50), DataObject.newUInteger16Data(1), DataObject.newUInteger16Data(0));
            List<GetResult> results = association.connection().get(List.of(
                    new AttributeAddress(7, "1.0.99.1.0.255", 2, new SelectiveAccessDescription(2, entries)),
                    new AttributeAddress(1, LOGICAL_DEVICE_NAME, 2)));
            assertEquals(AccessResultCode.SUCCESS, results.get(0).getResultCode());
            assertEquals(50, results.get(0).getResultData().<List<DataObject>>getValue().size());
            assertArrayEquals(NAME, results.get(1).getResultData().<byte[]>getValue());
            association.release();
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> writingClients() {
        return java.util.stream.Stream.of(JdlmsLink.values()).flatMap(link -> java.util.stream.Stream.of(
                JdlmsClient.MANAGEMENT, JdlmsClient.CIPHERED).map(c -> org.junit.jupiter.params.provider.Arguments.of(link, c)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @org.junit.jupiter.params.provider.MethodSource("writingClients")
    void setWithListAnswersEachItem(JdlmsLink link, JdlmsClient client) throws Exception {
        try (MeterSimulator meter = link.startMeter();
                JdlmsAssociation association = client.associate(meter, link)) {
            DlmsConnection connection = association.connection();
            byte[] written = "WITHLIST00000001".getBytes(StandardCharsets.US_ASCII);
            List<AccessResultCode> results = connection.set(List.of(
                    new SetParameter(new AttributeAddress(1, LOGICAL_DEVICE_NAME, 2),
                            DataObject.newOctetStringData(written)),
                    new SetParameter(new AttributeAddress(1, MISSING, 2), DataObject.newOctetStringData(written))));
            assertEquals(List.of(AccessResultCode.SUCCESS, AccessResultCode.OBJECT_UNDEFINED), results);
            assertArrayEquals(written, connection.get(new AttributeAddress(1, LOGICAL_DEVICE_NAME, 2))
                    .getResultData().<byte[]>getValue(), "the existing item was written");
            association.release();
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @org.junit.jupiter.params.provider.MethodSource("writingClients")
    void actionWithListAnswersEachItem(JdlmsLink link, JdlmsClient client) throws Exception {
        try (MeterSimulator meter = link.startMeter();
                JdlmsAssociation association = client.associate(meter, link)) {
            DlmsConnection connection = association.connection();
            AttributeAddress outputState = new AttributeAddress(70, "0.0.96.3.10.255", 2);
            DataObject none = DataObject.newInteger8Data((byte) 0);
            // remote_disconnect (1) of the switch and of a missing one: the switch opens
            List<MethodResult> results = connection.action(List.of(
                    new MethodParameter(70, "0.0.96.3.10.255", 1, none), new MethodParameter(70, MISSING, 1, none)));
            assertEquals(List.of(MethodResultCode.SUCCESS, MethodResultCode.OBJECT_UNDEFINED),
                    results.stream().map(MethodResult::getResultCode).toList());
            assertEquals(false, connection.get(outputState).getResultData().<Boolean>getValue());
            connection.action(new MethodParameter(70, "0.0.96.3.10.255", 2, none));
            assertEquals(true, connection.get(outputState).getResultData().<Boolean>getValue());
            association.release();
        }
    }
}
