package dlms.xmlclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.device.DefaultDevice;
import gurux.dlms.enums.ObjectType;

/** Where the simulator listens: an unauthenticated meter stays on the loopback address. */
@Tag("integration")
class BindTest {

    @Test
    void listensOnTheLoopbackAddressOnlyByDefault() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0))) {
            assertEquals(InetAddress.getLoopbackAddress(), meter.address());
            assertConnects(InetAddress.getLoopbackAddress(), meter.port());
            InetAddress other = nonLoopbackAddress();
            if (other != null) {
                assertThrows(ConnectException.class, () -> connect(other, meter.port()),
                        "not reachable through " + other);
            }
        }
    }

    @Test
    void bindToTheAnyAddressListensOnEveryInterface() throws Exception {
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .bind(InetAddress.getByName("0.0.0.0")))) {
            assertTrue(meter.address().isAnyLocalAddress(), meter.address().toString());
            assertConnects(InetAddress.getLoopbackAddress(), meter.port());
            InetAddress other = nonLoopbackAddress();
            if (other != null) {
                assertConnects(other, meter.port());
            }
        }
    }

    @Test
    void bindToAnotherLocalAddressServesThere() throws Exception {
        InetAddress other = nonLoopbackAddress();
        InetAddress address = other != null ? other : InetAddress.getByName("127.0.0.2");
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0)
                .bind(address))) {
            assertEquals(address, meter.address());
            assertThrows(ConnectException.class,
                    () -> connect(InetAddress.getLoopbackAddress(), meter.port()));
            try (TestClient client = TestClient.connect(meter, 16,
                    gurux.dlms.enums.Authentication.NONE, null, address).associate()) {
                assertEquals("12345678", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                        .getValue());
            }
        }
    }

    private static void assertConnects(InetAddress address, int port)
            throws Exception {
        connect(address, port);
    }

    private static void connect(InetAddress address, int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    /** @return an IPv4 address of an interface that is up and not the loopback, or null */
    static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (ni.isUp() && !ni.isLoopback()) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                        return a;
                    }
                }
            }
        }
        return null;
    }
}
