package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WRAPPER over UDP: each APDU in one datagram. */
@Tag("integration")
class UdpTest {

    @TempDir
    Path out;

    @Test
    void scriptsRunOverUdpWrapper() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).udp(true))) {
            CliRun run = CliRun.run(out, "-U", "-h", "127.0.0.1", "-p", String.valueOf(meter.port()),
                    "-x", "messages/load-profile", "-e", "expected/load-profile");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.trace().contains("connecting to udp 127.0.0.1:" + meter.port()), run.trace());
            assertTrue(run.trace().contains("TX 00 01 00 11 00 01"), "WRAPPER header: version 1, client 17, server 1");
        }
    }

    @Test
    void theBuiltInSimulatorServesUdpToo() {
        CliRun run = CliRun.run(out, "-U", "-x", "messages/clock", "-e", "expected/clock");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("(WRAPPER over UDP)"), run.out);
    }

    @Test
    void aClientThatStoppedWithoutReleasingIsTheSameClientWhenItComesBackFromAnotherPort() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).udp(true))) {
            GXDLMSClient dead = new GXDLMSClient(true, 17, 1, Authentication.LOW, "00000000", InterfaceType.WRAPPER);
            try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
                socket.setSoTimeout(2000);
                byte[] aarq = dead.aarqRequest()[0];
                socket.send(new java.net.DatagramPacket(aarq, aarq.length, java.net.InetAddress.getLoopbackAddress(),
                        meter.port()));
                java.net.DatagramPacket aare = new java.net.DatagramPacket(new byte[2048], 2048);
                socket.receive(aare); // associated; then gone without a release
            }
            CliRun run = CliRun.run(out, "-U", "-h", "127.0.0.1", "-p", String.valueOf(meter.port()),
                    "-x", "messages/clock/1-read.xml", "-e", "expected/clock", "--wait-time", "1000");
            assertEquals(0, run.exitCode, run.toString());
        }
    }

    @Test
    void aSilentUdpPortIsANoReplyError() throws Exception {
        int port;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.run(out, "-U", "-h", "127.0.0.1", "-p", String.valueOf(port), "--wait-time", "200",
                "--retries", "1", "-x", "messages/clock/1-read.xml");
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.out.contains("AARQ failed: no reply from the meter within 200 ms after 2 tries"), run.out);
    }
}
