package dlms.xmlclient.simulator.transport;

import java.net.InetSocketAddress;

/** Where the meter is reached: its TCP port, its UDP port or its serial line. */
public interface MeterTransport {

    /** @return how it listens, e.g. "port 4061", "UDP port 4061", "serial /dev/pts/5 300 7E1" */
    String describe();

    /** @return the local socket address listened on, null for a serial line */
    InetSocketAddress localAddress();

    /** Stops serving and waits for the transport's threads. Calling it again does nothing. */
    void close();

    /** Waits up to 5 s for a transport's thread to end; not when called from that thread. */
    static void join(Thread thread) {
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
