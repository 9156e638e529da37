package dlms.xmlclient.media;

import dlms.xmlclient.wire.line.LinkClosedException;

import java.io.IOException;

/**
 * A byte stream to one meter: what the session needs of a medium, and nothing more.
 * TCP, UDP and serial ports (gurux.serial, or a pseudo-terminal) plug in behind it.
 */
public interface Link extends AutoCloseable {

    /** Opens the connection; fails with a one-line message when the meter cannot be reached. */
    void open() throws IOException;

    void send(byte[] data) throws IOException;

    /**
     * Waits up to {@code waitMillis} for bytes from the meter.
     *
     * @return the bytes received, or {@code null} when nothing arrived in time
     * @throws LinkClosedException when the meter (or the network) closed the connection
     */
    byte[] receive(int waitMillis) throws IOException;

    /** Drops bytes already received but not read, before a new request is sent. */
    void discardInput();

    /** Where this link goes, for messages and the trace, e.g. {@code tcp localhost:4061}. */
    String describe();

    @Override
    void close();
}
