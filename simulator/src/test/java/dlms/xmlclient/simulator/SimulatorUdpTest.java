package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.enums.ObjectType;

/** WRAPPER over UDP: one datagram a frame, one sender at a time. */
@Tag("integration")
class SimulatorUdpTest {

    private static MeterSimulator start() throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).udp(true));
    }

    @Test
    void udpWrapperClientReadsTheClock() throws Exception {
        try (MeterSimulator meter = start();
                TestClient client = TestClient.publicClient(meter).associate()) {
            assertTrue(meter.isUdp());
            assertTrue(meter.isWrapper());
            byte[] time = (byte[]) client.read(DefaultDevice.CLOCK, ObjectType.CLOCK, 2)
                    .getValue();
            Instant read = ClockTest.toInstant(time);
            assertTrue(Duration.between(Instant.now(), read).abs().getSeconds() <= 2,
                    read.toString());
            client.release();
        }
    }

    @Test
    void anotherSenderGetsNoAnswerUntilTheAssociatedOneReleases() throws Exception {
        try (MeterSimulator meter = start();
                TestClient first = TestClient.managementClient(meter).associate();
                TestClient second = TestClient.publicClient(meter)) {
            assertNull(second.sendExpectingSilence(second.dlms().aarqRequest()[0], 300));
            assertEquals(0, first.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getError());
            first.release();
            second.associate();
            assertEquals("12345678", second.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                    .getValue());
        }
    }

    @Test
    void udpPortInUseFailsToStartAndCloseStopsTheThread() throws Exception {
        MeterSimulator meter = start();
        int port = meter.port();
        assertThrows(BindException.class, () -> MeterSimulator.start(
                new SimulatorOptions().port(port).udp(true)));
        meter.close();
        assertEquals(List.of(), LifecycleTest.portThreads(port));
    }
}
