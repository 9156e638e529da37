package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.simulator.transport.MeterPort;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;

@Tag("integration")
class LifecycleTest {

    @Test
    void portZeroListensOnTheReportedFreePort() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            assertTrue(meter.port() > 0);
            try (TestClient client = TestClient.publicClient(meter).associate()) {
                assertEquals(0, client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getError());
            }
        }
    }

    @Test
    void closeStopsEveryThreadOfThePort() throws Exception {
        MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
        int port = meter.port();
        TestClient idle = TestClient.publicClient(meter);
        try (TestClient client = TestClient.publicClient(meter).associate()) {
            assertEquals(0, client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getError());
            assertTrue(!portThreads(port).isEmpty(), "the port's threads run while serving");
            meter.close();
        }
        idle.close();
        assertEquals(List.of(), portThreads(port));
    }

    @Test
    void closeTwiceIsHarmless() throws Exception {
        MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0));
        meter.close();
        meter.close();
        assertEquals(List.of(), portThreads(meter.port()));
    }

    @Test
    void portInUseFailsToStart() throws Exception {
        try (MeterSimulator first = MeterSimulator.start(new SimulatorOptions().port(0))) {
            assertThrows(BindException.class, () -> MeterSimulator.start(
                    new SimulatorOptions().port(first.port())));
        }
    }

    @Test
    void simulatorsInOneJvmAreIndependent() throws Exception {
        try (MeterSimulator a = MeterSimulator.start(new SimulatorOptions().port(0));
                MeterSimulator b = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true));
                TestClient ca = TestClient.managementClient(a).associate();
                TestClient cb = TestClient.managementClient(b).associate()) {
            assertEquals(0, ca.method(DefaultDevice.DISCONNECT_CONTROL,
                    ObjectType.DISCONNECT_CONTROL, 1, 0, DataType.INT8)
                    .getError());
            assertEquals(Boolean.FALSE, ca.read(DefaultDevice.DISCONNECT_CONTROL,
                    ObjectType.DISCONNECT_CONTROL, 2).getValue());
            assertEquals(Boolean.TRUE, cb.read(DefaultDevice.DISCONNECT_CONTROL,
                    ObjectType.DISCONNECT_CONTROL, 2).getValue());
        }
    }

    @Test
    void traceWritesEveryFrameInHexWithATimestamp() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream trace = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .trace(trace));
                TestClient client = TestClient.publicClient(meter).associate()) {
            client.release();
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertTrue(lines.length >= 6, "SNRM, AARQ, RLRQ, DISC and their replies");
        assertTrue(lines[0].matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z RX \\S+ 7E A0 .* 7E"), lines[0]);
        assertTrue(lines[1].contains(" TX "), lines[1]);
    }

    /** Live threads of the given simulator port. */
    static List<String> portThreads(int port) {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(MeterPort.THREAD_PREFIX + port + " ")) {
                names.add(t.getName());
            }
        }
        return names;
    }
}
