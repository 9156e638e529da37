package dlms.xmlclient.simulator;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

import dlms.xmlclient.wire.line.SerialLine;

/** How a test client's bytes reach the meter: a TCP connection, UDP datagrams or a serial line. */
interface TestWire extends AutoCloseable {

    void send(byte[] data) throws IOException;

    /**
     * @param timeoutMillis how long to wait
     * @return the bytes received, null when nothing came in time
     * @throws EOFException when the meter closed the connection
     */
    byte[] receive(int timeoutMillis) throws IOException;

    @Override
    void close() throws IOException;

    /** A TCP connection to the meter. */
    static TestWire tcp(InetAddress address, int port) throws IOException {
        Socket socket = new Socket(address, port);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] buffer = new byte[4096];
        return new TestWire() {
            @Override
            public void send(byte[] data) throws IOException {
                out.write(data);
                out.flush();
            }

            @Override
            public byte[] receive(int timeoutMillis) throws IOException {
                socket.setSoTimeout(timeoutMillis);
                try {
                    int count = in.read(buffer);
                    if (count < 0) {
                        throw new EOFException("meter closed the connection");
                    }
                    return Arrays.copyOf(buffer, count);
                } catch (SocketTimeoutException e) {
                    return null;
                }
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        };
    }

    /** UDP datagrams to the meter's port on the loopback address, from a port of our own. */
    static TestWire udp(int port) throws IOException {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        InetSocketAddress meter = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        byte[] buffer = new byte[65_535];
        return new TestWire() {
            @Override
            public void send(byte[] data) throws IOException {
                socket.send(new DatagramPacket(data, data.length, meter));
            }

            @Override
            public byte[] receive(int timeoutMillis) throws IOException {
                socket.setSoTimeout(timeoutMillis);
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    return null;
                }
                return Arrays.copyOf(buffer, packet.getLength());
            }

            @Override
            public void close() {
                socket.close();
            }
        };
    }

    /** A serial line (one end of a pseudo-terminal pair); closing the wire closes the line. */
    static TestWire serial(SerialLine line) {
        return new TestWire() {
            @Override
            public void send(byte[] data) throws IOException {
                line.write(data);
            }

            @Override
            public byte[] receive(int timeoutMillis) throws IOException {
                return line.read(timeoutMillis);
            }

            @Override
            public void close() {
                line.close();
            }
        };
    }
}
