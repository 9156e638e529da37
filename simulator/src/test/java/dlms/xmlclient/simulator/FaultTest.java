package dlms.xmlclient.simulator;

import dlms.xmlclient.simulator.faults.MeterFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.simulator.faults.FaultApdus;
import dlms.xmlclient.simulator.transport.Frames;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSException;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.AssociationResult;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.RequestTypes;
import gurux.dlms.enums.SourceDiagnostic;

/** Faults of the link and the association: what a client sees of each on a real socket. */
@Tag("integration")
class FaultTest {

    static final int SILENCE_MILLIS = 300;

    static MeterSimulator start(MeterFault fault, boolean wrapper) throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper).fault(fault));
    }

    /** The first frame a client sends: SNRM over HDLC, the AARQ over WRAPPER. */
    private static byte[] opening(TestClient client, boolean wrapper)
            throws Exception {
        return wrapper ? client.dlms().aarqRequest()[0] : client.dlms().snrmRequest();
    }

    @ParameterizedTest(name = "wrapper={0}")
    @ValueSource(booleans = {false, true})
    void silentMeterAcceptsTheConnectionAndAnswersNothing(boolean wrapper)
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
    void rejectAssociationAnswersEveryAarqWithRejectedPermanent(boolean wrapper)
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
    void dropConnectionClosesAtTheSecondRequestOfEveryConnection(boolean wrapper)
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
    void endlessBlocksAnswerEveryGetWithOneMoreBlock(boolean wrapper) throws Exception {
        try (MeterSimulator meter = start(MeterFault.ENDLESS_BLOCKS, wrapper);
                TestClient client = TestClient.publicClient(meter).associate()) {
            GXReplyData reply = followBlocks(client, wrapper,
                    client.dlms().read(DefaultDevice.SERIAL, ObjectType.DATA, 2)[0], 21);
            assertEquals(21 * FaultApdus.BLOCK_DATA, reply.getData().size());
        }
    }

    /** With short names a Read gets ReadResponse data-block-results that never end. */
    @Test
    void endlessBlocksAnswerEveryShortNameReadWithOneMoreBlock() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .shortNames(true).fault(MeterFault.ENDLESS_BLOCKS));
                TestClient client = TestClient.publicClient(meter).associate()) {
            followBlocks(client, false, client.dlms().read(
                    SimulatorShortNameTest.ACTIVE_ENERGY_IMPORT + 8, ObjectType.DATA, 1)[0], 5);
        }
    }

    /**
     * Sends the request, then gurux.dlms's next-block requests, checking that each block
     * (GetResponse-with-datablock, or with short names ReadResponse data-block-result) is not
     * the last and has the next number.
     *
     * @return the reply data gathered
     */
    private static GXReplyData followBlocks(TestClient client, boolean wrapper,
            byte[] request, int blocks) throws Exception {
        boolean get = client.dlms().getUseLogicalNameReferencing();
        GXReplyData reply = new GXReplyData();
        byte[] next = request;
        for (long block = 1; block <= blocks; ++block) {
            byte[] frame = client.rawExchange(next);
            int apdu = Frames.apduOffset(frame, wrapper);
            GXByteBuffer bytes = new GXByteBuffer(frame);
            assertEquals(get ? Command.GET_RESPONSE : Command.READ_RESPONSE, frame[apdu] & 0xFF);
            assertEquals(2, frame[apdu + (get ? 1 : 2)], "with-datablock, data-block-result");
            assertEquals(0, frame[apdu + 3], "not the last block");
            assertEquals(block, get ? bytes.getUInt32(apdu + 4) : bytes.getUInt16(apdu + 4));
            client.dlms().getData(bytes, reply, new GXReplyData());
            assertTrue(reply.getMoreData().contains(RequestTypes.DATABLOCK));
            next = client.dlms().receiverReady(reply);
        }
        return reply;
    }
}
