package dlms.xmlclient.simulator;

import dlms.xmlclient.simulator.faults.MeterFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.simulator.transport.MeterPort;
import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcStream;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ObjectType;

@Tag("integration")
class MeterFleetTest {

    private static final int SILENCE_MILLIS = 500;

    @TempDir
    Path dir;

    @Test
    void twentyMetersOnConsecutivePortsEachAnswerWithTheirOwnSerialNumber() throws Exception {
        try (MeterFleet fleet = startOnFreeConsecutivePorts(20)) {
            List<FleetMeter> meters = fleet.meters();
            assertEquals(20, meters.size());
            for (int i = 0; i != meters.size(); ++i) {
                FleetMeter m = meters.get(i);
                assertEquals(meters.get(0).port() + i, m.port());
                assertEquals(12345678 + i, m.serialNumber());
                assertEquals("meter-" + (12345678 + i), m.name());
                assertEquals("127.0.0.1", m.host());
                assertEquals("", m.targetFlags());
                try (TestClient client = TestClient.connect(m.port(), false,
                        Associations.MANAGEMENT_CLIENT, Authentication.LOW,
                        Associations.LOW_SECRET).associate()) {
                    assertEquals(String.valueOf(m.serialNumber()),
                            client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getValue());
                    client.release();
                }
            }
        }
    }

    @Test
    void portZeroGivesEveryMeterAFreePortOfItsOwn() throws Exception {
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(20)
                .wrapper(true))) {
            Set<Integer> ports = new HashSet<>();
            fleet.meters().forEach(m -> ports.add(m.port()));
            assertEquals(20, ports.size());
            FleetMeter last = fleet.meters().get(19);
            try (TestClient client = TestClient.connect(last.port(), true,
                    Associations.PUBLIC_CLIENT, Authentication.NONE, null).associate()) {
                assertEquals("12345697",
                        client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getValue());
            }
        }
    }

    @Test
    void onePortTellsMetersApartByTheServerAddressOfTheirSerialNumber() throws Exception {
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(2)
                .onePort(true).serialNumber(87654321))) {
            FleetMeter first = fleet.meters().get(0);
            FleetMeter second = fleet.meters().get(1);
            assertEquals(first.port(), second.port());
            assertEquals("-n 87654322", second.targetFlags());
            // Both associated at once, on connections of their own.
            try (TestClient a = TestClient.bySerialNumber(first.port(), 87654321).associate();
                    TestClient b = TestClient.bySerialNumber(first.port(), 87654322)
                            .associate()) {
                assertEquals("87654322", b.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                        .getValue());
                assertEquals("87654321", a.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                        .getValue());
            }
        }
    }

    @Test
    void frameForNoMeterOfTheSharedPortGetsNoAnswer() throws Exception {
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(2)
                .onePort(true))) {
            int port = fleet.meters().get(0).port();
            try (TestClient stranger = TestClient.bySerialNumber(port, 12345680)) {
                assertNull(stranger.sendExpectingSilence(stranger.dlms().snrmRequest(),
                        SILENCE_MILLIS));
            }
            try (TestClient known = TestClient.bySerialNumber(port, 12345679).associate()) {
                assertEquals("12345679", known.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                        .getValue());
            }
        }
    }

    @Test
    void frameSplitOverSeveralWritesReachesItsMeterOnASharedPort() throws Exception {
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(3)
                .onePort(true));
                TestClient client = TestClient.bySerialNumber(fleet.meters().get(0).port(),
                        12345680)) {
            byte[] snrm = client.dlms().snrmRequest();
            int half = snrm.length / 2;
            assertNull(client.sendExpectingSilence(Arrays.copyOf(snrm, half), 100));
            byte[] ua = client.sendExpectingSilence(
                    Arrays.copyOfRange(snrm, half, snrm.length), TestClient.REPLY_MILLIS);
            assertNotNull(ua, "UA to the SNRM put together");
        }
    }

    /** One 7E closes the first frame and opens the second (HDLC lets frames share a flag). */
    @Test
    void framesSharingAFlagAreBothAnsweredOnASharedPort() throws Exception {
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(2)
                .onePort(true));
                TestClient client = TestClient.bySerialNumber(fleet.meters().get(0).port(),
                        12345679)) {
            byte[] snrm = client.dlms().snrmRequest();
            byte[] twice = Arrays.copyOf(snrm, 2 * snrm.length - 1);
            System.arraycopy(snrm, 1, twice, snrm.length, snrm.length - 1);
            HdlcStream replies = new HdlcStream();
            List<byte[]> frames = new ArrayList<>(replies.add(
                    client.sendExpectingSilence(twice, TestClient.REPLY_MILLIS)));
            while (frames.size() < 2) {
                byte[] more = client.receive(TestClient.REPLY_MILLIS);
                assertNotNull(more, "a reply to each SNRM");
                frames.addAll(replies.add(more));
            }
            for (byte[] ua : frames) {
                assertEquals(HdlcControl.Kind.UA, HdlcControl.kind(HdlcDecoder.whole(ua).control()));
            }
        }
    }

    @Test
    void secondConnectionToAMeterOnASharedPortGetsNoAnswerWhileTheFirstIsAssociated()
            throws Exception {
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(2)
                .onePort(true))) {
            int port = fleet.meters().get(0).port();
            try (TestClient first = TestClient.bySerialNumber(port, 12345678).associate();
                    TestClient second = TestClient.bySerialNumber(port, 12345678);
                    TestClient other = TestClient.bySerialNumber(port, 12345679).associate()) {
                assertNull(second.sendExpectingSilence(second.dlms().snrmRequest(),
                        SILENCE_MILLIS));
                assertEquals(0, first.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getError());
                assertEquals(0, other.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getError());
            }
        }
    }

    /** The meter parks the waiting bytes (no thread waits) and serves them once it is free. */
    @Test
    void waitingConnectionIsServedOnceTheOwnerClosesItsConnection() throws Exception {
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(2));
                TestClient next = TestClient.connect(fleet.meters().get(1).port(), false,
                        Associations.PUBLIC_CLIENT, Authentication.NONE, null)) {
            TestClient owner = TestClient.connect(fleet.meters().get(1).port(), false,
                    Associations.PUBLIC_CLIENT, Authentication.NONE, null).associate();
            assertNull(next.sendExpectingSilence(next.dlms().snrmRequest(), 100),
                    "no UA while the meter is the owner's");
            owner.close();
            assertNotNull(next.receive(TestClient.REPLY_MILLIS), "UA once the owner went");
        }
    }

    @Test
    void faultAppliesToEveryMeter() throws Exception {
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(3)
                .fault(MeterFault.REJECT_ASSOCIATION))) {
            for (FleetMeter m : fleet.meters()) {
                try (TestClient client = TestClient.connect(m.port(), false,
                        Associations.PUBLIC_CLIENT, Authentication.NONE, null)) {
                    assertThrows(Exception.class, client::associate, m.name());
                }
            }
        }
    }

    @Test
    void writeTargetsListsEveryMeterWithTheFlagsThatAddressIt() throws Exception {
        Path csv = dir.resolve("targets.csv");
        Files.writeString(csv, "old contents\n");
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(2)
                .onePort(true))) {
            fleet.writeTargets(csv);
            int port = fleet.meters().get(0).port();
            assertEquals(List.of("# name,host,port,flags   (written by bin/simulator -N 2 -X)",
                    "meter-12345678,127.0.0.1," + port + ",-n 12345678",
                    "meter-12345679,127.0.0.1," + port + ",-n 12345679"),
                    Files.readAllLines(csv, StandardCharsets.UTF_8));
        }
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(2))) {
            fleet.writeTargets(csv);
            List<FleetMeter> m = fleet.meters();
            assertEquals(List.of("# name,host,port,flags   (written by bin/simulator -N 2)",
                    "meter-12345678,127.0.0.1," + m.get(0).port() + ",",
                    "meter-12345679,127.0.0.1," + m.get(1).port() + ","),
                    Files.readAllLines(csv, StandardCharsets.UTF_8));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(csv), files.toList(), "no temporary file left");
        }
    }

    @Test
    void hundredsOfMetersRunOnAFewThreadsAndLeaveNoneBehind() throws Exception {
        int port;
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(150))) {
            port = fleet.meters().get(0).port();
            List<TestClient> idle = new ArrayList<>();
            try {
                for (FleetMeter m : fleet.meters().subList(0, 30)) {
                    idle.add(TestClient.connect(m.port(), false, Associations.PUBLIC_CLIENT,
                            Authentication.NONE, null).associate());
                }
                List<String> threads = fleetThreads(port);
                assertTrue(threads.size() >= 1 && threads.size() <= 5, threads.toString());
            } finally {
                for (TestClient c : idle) {
                    c.close();
                }
            }
        }
        assertEquals(List.of(), fleetThreads(port));
    }

    @Test
    void portInUseFailsTheStartAndFreesThePortsAlreadyOpen() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int base = taken.getLocalPort() - 2;
            assertThrows(BindException.class, () -> MeterFleet.start(new SimulatorOptions()
                    .port(base).count(5)));
            try (ServerSocket again = new ServerSocket(base)) {
                assertTrue(again.isBound(), "the first port is free again");
            } catch (BindException e) {
                // Someone else's port: nothing to learn from it.
            }
            assertEquals(List.of(), fleetThreads(base));
        }
    }

    /** Consecutive ports below the ephemeral range, from a base that is free. */
    private static MeterFleet startOnFreeConsecutivePorts(int count) throws Exception {
        BindException last = null;
        for (int attempt = 0; attempt != 20; ++attempt) {
            int base = 20_000 + (int) (Math.random() * 10_000);
            try {
                return MeterFleet.start(new SimulatorOptions().port(base).count(count));
            } catch (BindException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Live threads of the fleet whose first port is the given one. */
    static List<String> fleetThreads(int port) {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(MeterPort.THREAD_PREFIX + port + " ")) {
                names.add(t.getName());
            }
        }
        return names;
    }
}
