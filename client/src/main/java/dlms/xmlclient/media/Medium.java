package dlms.xmlclient.media;

import dlms.xmlclient.wire.line.SerialSettings;

/**
 * Where the meter is: a TCP or UDP address, or a serial port with or without the IEC 62056-21
 * mode-E sign-on. Exactly one of {@code host} and {@code serial} is set, except for the
 * built-in simulator, which has neither until it is started.
 *
 * @param host   meter host name or address, null for a serial port
 * @param port   TCP or UDP port
 * @param udp    WRAPPER frames in UDP datagrams instead of a TCP stream
 * @param serial the serial port and its line settings, null for TCP/UDP
 * @param modeE  start with the IEC 62056-21 sign-on and switch to HDLC mode E (serial only)
 */
public record Medium(String host, int port, boolean udp, SerialSettings serial, boolean modeE) {

    public static Medium tcp(String host, int port) {
        return new Medium(host, port, false, null, false);
    }

    /** True when the medium names a meter; false for the built-in simulator not yet started. */
    public boolean isSet() {
        return host != null || serial != null;
    }

    /** The same medium at another address (the built-in simulator's, once it listens). */
    public Medium at(String newHost, int newPort) {
        return new Medium(newHost, newPort, udp, null, false);
    }

    /** For messages and reports, e.g. {@code tcp 127.0.0.1:4061} or {@code serial /dev/ttyUSB0 9600 8N1, mode E}. */
    public String describe() {
        if (serial != null) {
            return "serial " + serial + (modeE ? ", IEC 62056-21 mode E" : "");
        }
        return (udp ? "udp " : "tcp ") + host + ":" + port;
    }
}
