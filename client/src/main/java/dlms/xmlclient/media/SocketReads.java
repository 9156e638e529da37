package dlms.xmlclient.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/** One bounded read from a TCP socket, as the links that hold one (dialled or called in) do it. */
final class SocketReads {

    /** What {@link #read} gives when the meter closed the connection (or it broke). */
    static final byte[] CLOSED = new byte[0];

    private SocketReads() {
    }

    /** @return the bytes that came within {@code waitMillis}, null when none did, {@link #CLOSED} when the connection ended */
    static byte[] read(Socket socket, InputStream in, byte[] buffer, int waitMillis) throws IOException {
        int count;
        try {
            socket.setSoTimeout(Math.max(1, waitMillis));
            count = in.read(buffer);
        } catch (SocketTimeoutException e) {
            return null;
        } catch (SocketException e) {
            return CLOSED;
        }
        return count < 0 ? CLOSED : Arrays.copyOf(buffer, count);
    }
}
