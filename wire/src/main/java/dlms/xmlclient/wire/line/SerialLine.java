package dlms.xmlclient.wire.line;

import java.io.IOException;

/**
 * The byte stream of a serial port, and the line settings the IEC 62056-21 handshake switches.
 * Two kinds: a real port through gurux.serial ({@link GuruxSerialLine}), and a terminal device
 * without modem-control lines, such as a socat or ser2net pseudo-terminal ({@link TtyLine}).
 * {@link SerialLines#open} picks one.
 */
public interface SerialLine extends AutoCloseable {

    /** Changes rate and character frame of the open port. */
    void configure(SerialSettings settings) throws IOException;

    void write(byte[] data) throws IOException;

    /**
     * Waits up to {@code waitMillis} for bytes.
     *
     * @return the bytes received, or {@code null} when nothing arrived in time
     * @throws LinkClosedException when the port went away (the other end of a pty closed)
     */
    byte[] read(int waitMillis) throws IOException;

    /** Drops bytes received but not read. */
    void discardInput();

    /** The port and its current settings, e.g. {@code serial /dev/ttyUSB0 9600 8N1}. */
    String describe();

    @Override
    void close();
}
