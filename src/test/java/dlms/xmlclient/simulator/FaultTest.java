package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSException;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.AssociationResult;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.RequestTypes;
import gurux.dlms.enums.SourceDiagnostic;

/** Faults of the link and the association: what a client sees of each on a real socket. */
class FaultTest {

    static final int SILENCE_MILLIS = 300;

    static MeterSimulator start(final MeterFault fault, final boolean wrapper) throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper).fault(fault));
    }

    /** The first frame a client sends: SNRM over HDLC, the AARQ over WRAPPER. */
    private static byte[] opening(final TestClient client, final boolean wrapper)
            throws Exception {
        return wrapper ? client.dlms().aarqRequest()[0] : client.dlms().snrmRequest();
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void silentMeterAcceptsTheConnectionAndAnswersNothing(final boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = start(MeterFault.SILENT, wrapper);
                TestClient client = TestClient.publicClient(meter)) {
            assertNull(client.sendExpectingSilence(opening(client, wrapper), SILENCE_MILLIS));
            assertEquals(wrapper ? 1 : 0, meter.associationRequests(), "received all the same");
        }
    }

    @Test
    void snrmOnlyMeterAnswersTheSnrmButNotTheAarq() throws Exception {
        try (MeterSimulator meter = start(MeterFault.SNRM_ONLY, false);
                TestClient client = TestClient.publicClient(meter)) {
            GXReplyData ua = client.exchange(client.dlms().snrmRequest());
            assertEquals(Command.UA, ua.getCommand());
            client.dlms().parseUAResponse(ua.getData());
            assertNull(client.sendExpectingSilence(client.dlms().aarqRequest()[0],
                    SILENCE_MILLIS));
            assertEquals(1, meter.associationRequests());
        }
    }

    /** Rejected-permanent, no-reason-given; each AARQ is answered and counted, once. */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void rejectAssociationAnswersEveryAarqWithRejectedPermanent(final boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = start(MeterFault.REJECT_ASSOCIATION, wrapper)) {
            for (int attempt = 1; attempt != 3; ++attempt) {
                try (TestClient client = TestClient.managementClient(meter)) {
                    GXDLMSException e = assertThrows(GXDLMSException.class, client::associate);
                    assertEquals(AssociationResult.PERMANENT_REJECTED, e.getResult());
                    assertEquals(SourceDiagnostic.NO_REASON_GIVEN.getValue(), e.getDiagnostic());
                }
                assertEquals(attempt, meter.associationRequests());
            }
        }
    }

    /**
     * The first request of each connection is answered, a long one through all its blocks;
     * the second finds the connection closed. A new connection gets the same.
     */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void dropConnectionClosesAtTheSecondRequestOfEveryConnection(final boolean wrapper)
            throws Exception {
        try (MeterSimulator meter = start(MeterFault.DROP_CONNECTION, wrapper)) {
            for (int connection = 0; connection != 2; ++connection) {
                try (TestClient client = TestClient.publicClient(meter).associate()) {
                    GXReplyData profile = client.read(DefaultDevice.LOAD_PROFILE,
                            ObjectType.PROFILE_GENERIC, 2);
                    assertEquals(672, ((java.util.List<?>) profile.getValue()).size());
                    assertTrue(client.dataBlocks() > 0, "block transfer");
                    assertThrows(EOFException.class,
                            () -> client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2));
                }
            }
        }
    }

    /** 20 GetRequest-next, each answered with the next block, never the last. */
    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void endlessBlocksAnswerEveryGetWithOneMoreBlock(final boolean wrapper) throws Exception {
        try (MeterSimulator meter = start(MeterFault.ENDLESS_BLOCKS, wrapper);
                TestClient client = TestClient.publicClient(meter).associate()) {
            byte[] request = client.dlms().read(DefaultDevice.SERIAL, ObjectType.DATA, 2)[0];
            GXReplyData reply = new GXReplyData();
            for (long block = 1; block <= 21; ++block) {
                byte[] frame = client.rawExchange(request);
                int apdu = Frames.apduOffset(frame, wrapper);
                assertEquals(Command.GET_RESPONSE, frame[apdu] & 0xFF);
                assertEquals(2, frame[apdu + 1], "GetResponse-with-datablock");
                assertEquals(0, frame[apdu + 3], "not the last block");
                assertEquals(block, new GXByteBuffer(frame).getUInt32(apdu + 4));
                assertTrue(client.dlms().getData(new GXByteBuffer(frame), reply,
                        new GXReplyData()));
                assertTrue(reply.getMoreData().contains(RequestTypes.DATABLOCK));
                request = client.dlms().receiverReady(reply);
            }
            assertEquals(21 * FaultApdus.BLOCK_DATA, reply.getData().size());
        }
    }

    /** With short names a Read gets ReadResponse data-block-results that never end. */
    @Test
    void endlessBlocksAnswerEveryShortNameReadWithOneMoreBlock() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .shortNames(true).fault(MeterFault.ENDLESS_BLOCKS));
                TestClient client = TestClient.publicClient(meter).associate()) {
            byte[] request = client.dlms().read(ShortNameTest.ACTIVE_ENERGY_IMPORT + 8,
                    ObjectType.DATA, 1)[0];
            GXReplyData reply = new GXReplyData();
            for (int block = 1; block <= 5; ++block) {
                byte[] frame = client.rawExchange(request);
                int apdu = Frames.apduOffset(frame, false);
                assertEquals(Command.READ_RESPONSE, frame[apdu] & 0xFF);
                assertEquals(2, frame[apdu + 2], "data-block-result");
                assertEquals(0, frame[apdu + 3], "not the last block");
                assertEquals(block, new GXByteBuffer(frame).getUInt16(apdu + 4));
                client.dlms().getData(new GXByteBuffer(frame), reply, new GXReplyData());
                assertTrue(reply.getMoreData().contains(RequestTypes.DATABLOCK));
                request = client.dlms().receiverReady(reply);
            }
            assertFalse(reply.isComplete() && reply.getMoreData().isEmpty());
        }
    }
}
