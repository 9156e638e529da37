package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ObjectType;

/** --latency and --baud over real loopback sockets: lower bounds on time, never upper ones. */
@Tag("integration")
class LatencyTest {

    @Test
    void aReplyDoesNotStartBeforeTheLatency() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .latency(300, 0));
                TestClient client = TestClient.publicClient(meter)) {
            long start = System.nanoTime();
            byte[] ua = client.rawExchange(client.dlms().snrmRequest());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(0x7E, ua[0] & 0xFF, "an HDLC frame");
            assertTrue(millis >= 300, "UA after " + millis + " ms");
        }
    }

    @Test
    void withJitterEveryReplyOfAnAssociationStillComesAfterTheShortestLatency() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .latency(150, 50));
                TestClient client = TestClient.publicClient(meter)) {
            long start = System.nanoTime();
            client.associate();
            assertEquals("12345678",
                    client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getValue());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 3 * 100, "SNRM, AARQ and Get in " + millis + " ms");
        }
    }

    @Test
    void udpDatagramsComeAfterTheLatency() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).udp(true)
                .latency(200, 0).baud(9600));
                TestClient client = TestClient.udp(meter.port(), Associations.PUBLIC_CLIENT)) {
            long start = System.nanoTime();
            client.associate();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 200, "AARE after " + millis + " ms");
            assertEquals("12345678",
                    client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getValue());
        }
    }

    /**
     * Forty meters, each 300 ms away, each asked at once: were a reply's wait a sleeping thread
     * (the fleet has at most 4 workers), the last would come after 40 / 4 * 300 = 3 s. Served
     * on a schedule they all come after about 300 ms; the bound asserted is loose (2 s).
     */
    @Test
    void fortyMetersWithLatencyAnswerAtTheSameTime() throws Exception {
        int count = 40;
        try (MeterFleet fleet = MeterFleet.start(new SimulatorOptions().port(0).count(count)
                .latency(300, 0))) {
            List<TestClient> clients = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(count);
            try {
                for (FleetMeter m : fleet.meters()) {
                    clients.add(TestClient.bySerialNumber(m.port(), m.serialNumber()));
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Long>> replies = new ArrayList<>();
                for (TestClient client : clients) {
                    replies.add(pool.submit(() -> {
                        go.await();
                        long sent = System.nanoTime();
                        client.rawExchange(client.dlms().snrmRequest());
                        return System.nanoTime() - sent;
                    }));
                }
                long start = System.nanoTime();
                go.countDown();
                for (Future<Long> reply : replies) {
                    long millis = TimeUnit.NANOSECONDS.toMillis(reply.get(30, TimeUnit.SECONDS));
                    assertTrue(millis >= 300, "a UA after " + millis + " ms");
                }
                long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(total < 2000, count + " meters answered in " + total + " ms");
            } finally {
                pool.shutdownNow();
                for (TestClient client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    void at9600BaudALongReplyTakesItsLineTime() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .wrapper(true).baud(9600));
                TestClient client = TestClient.managementClient(meter).associate()) {
            byte[] request = client.dlms().read(DefaultDevice.LOAD_PROFILE,
                    ObjectType.PROFILE_GENERIC, 2)[0];
            long start = System.nanoTime();
            byte[] reply = client.rawExchange(request);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(reply.length >= 400, "a long reply: " + reply.length + " bytes");
            long lineMillis = reply.length * 10L * 1000 / 9600;
            assertTrue(millis >= lineMillis - 5, reply.length + " bytes in " + millis
                    + " ms, not less than " + lineMillis + " ms");
        }
    }
}
