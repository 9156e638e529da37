package dlms.xmlclient.media;

import dlms.xmlclient.wire.line.LinkTrace;
import dlms.xmlclient.wire.line.SerialLine;
import dlms.xmlclient.wire.line.SerialSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The client side of the IEC 62056-21 sign-on that opens HDLC mode E: request message
 * {@code /?!CR LF}, the meter's identification {@code /XXXZ\2ident CR LF} (manufacturer, baud rate
 * character Z, the mode-E marker), then the acknowledgement/option select
 * {@code ACK '2' Z '2' CR LF} (HDLC protocol, that rate, binary mode). An optical head may echo
 * what we send: an echoed line is recognised and skipped.
 */
final class ModeEHandshake {

    static final byte[] REQUEST = "/?!\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Protocol control character '2' (HDLC mode E) and mode control character '2' (binary). */
    private static final byte MODE_E = '2';
    private static final byte ACK = 0x06;
    /** Baud rate characters '0'..'6' of IEC 62056-21 mode E. */
    private static final int[] RATES = {300, 600, 1200, 2400, 4800, 9600, 19200};
    /** The longest identification line: '/', 3 + 1 characters, up to 16 of identification, '\W' pairs, CR LF. */
    private static final int MAX_LINE = 64;
    /**
     * IEC 62056-21 reaction time: at least 200 ms between a message and the answer to it, 20 ms
     * when the third letter of the manufacturer's identification is lower case. Kept before the
     * option select, and given to the meter after it to switch its rate.
     */
    private static final int REACTION_MILLIS = 200;
    private static final int FAST_REACTION_MILLIS = 20;

    private final SerialLine line;
    private final LinkTrace trace;
    private final int waitMillis;
    /** Bytes received after the last line read: an echo and the identification may come in one read. */
    private byte[] unread = new byte[0];

    ModeEHandshake(SerialLine line, LinkTrace trace, int waitMillis) {
        this.line = line;
        this.trace = trace;
        this.waitMillis = waitMillis;
    }

    /**
     * Runs the sign-on on a line at the opening settings.
     *
     * @return the negotiated baud rate
     * @throws IOException with a one-line message on a timeout or an identification that cannot be used
     */
    int signOn(SerialSettings opening) throws IOException {
        trace.note("IEC 62056-21 sign-on at " + opening.line());
        send(REQUEST);
        String identification = readLine("identification");
        boolean echo = identification.equals(text(REQUEST));
        if (echo) {
            trace.note("the optical head echoes what we send");
            identification = readLine("identification");
        }
        long identified = System.nanoTime();
        if (identification.length() < 5 || identification.charAt(0) != '/') {
            throw new IOException("IEC 62056-21 sign-on: the meter answered '" + printable(identification)
                    + "', not an identification (/XXXZ...)");
        }
        char baudCharacter = identification.charAt(4);
        int index = baudCharacter - '0';
        if (index < 0 || index >= RATES.length) {
            throw new IOException("IEC 62056-21 sign-on: unknown baud rate character '" + printable(String.valueOf(
                    baudCharacter)) + "' in the identification " + printable(identification)
                    + " (mode E knows 0-6: 300-19200 baud)");
        }
        int rate = RATES[index];
        trace.note("meter identification " + printable(identification) + ": manufacturer "
                + identification.substring(1, 4) + ", proposes " + rate + " baud"
                + (identification.startsWith("\\2", 5) ? "" : " (no \\2 mode-E marker: it may not speak HDLC)"));
        int reaction = Character.isLowerCase(identification.charAt(3)) ? FAST_REACTION_MILLIS : REACTION_MILLIS;
        pause(reaction - (System.nanoTime() - identified) / 1_000_000);
        byte[] optionSelect = {ACK, MODE_E, (byte) baudCharacter, MODE_E, '\r', '\n'};
        send(optionSelect);
        long wire = 0;
        if (echo) {
            readEcho(optionSelect); // back from the head: the bytes have left the wire
        } else {
            // The port may hand the bytes to the UART and return before they are on the wire.
            wire = (long) Math.ceil(optionSelect.length * 1000 / opening.charactersPerSecond());
        }
        pause(wire + reaction);
        trace.note("negotiated " + rate + " baud");
        return rate;
    }

    private void send(byte[] data) throws IOException {
        trace.sent(data);
        line.write(data);
    }

    /** Reads up to CR LF. */
    private String readLine(String what) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        received.write(unread);
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            byte[] all = received.toByteArray();
            int end = indexOfCrLf(all);
            if (end >= 0) {
                unread = Arrays.copyOfRange(all, end + 2, all.length);
                return messageIn(all, end + 2);
            }
            if (all.length > MAX_LINE) {
                throw new IOException("IEC 62056-21 sign-on: no line end in " + all.length + " bytes from the meter ('"
                        + printable(new String(all, StandardCharsets.US_ASCII)) + "'): wrong baud rate or not an IEC port?");
            }
            long left = deadline - System.currentTimeMillis();
            byte[] chunk = left > 0 ? line.read((int) left) : null;
            if (chunk == null) {
                throw new IOException("IEC 62056-21 sign-on: no " + what + " from the meter within " + waitMillis + " ms"
                        + (all.length == 0 ? " (check the port, the optical head and that the meter speaks mode E;"
                                + " a meter left in HDLC by a broken exchange signs on again after its inactivity time-out)"
                                : " (received '" + printable(new String(all, StandardCharsets.US_ASCII)) + "')"));
            }
            trace.received(chunk);
            received.write(chunk);
        }
    }

    /** Skips our option select coming back from an echoing head; a line end is enough. */
    private void readEcho(byte[] sent) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        received.write(unread);
        unread = new byte[0];
        long deadline = System.currentTimeMillis() + waitMillis;
        while (received.size() < sent.length && System.currentTimeMillis() < deadline) {
            byte[] chunk = line.read((int) Math.max(1, deadline - System.currentTimeMillis()));
            if (chunk != null) {
                trace.received(chunk);
                received.write(chunk);
            }
        }
        if (!Arrays.equals(received.toByteArray(), sent)) {
            trace.note("the echo of the option select differs: " + printable(received.toString(StandardCharsets.US_ASCII)));
        }
    }

    /**
     * The line as 7-bit characters (a port left at 8 data bits passes the parity bit on), from
     * its '/' on: an optical head waking up can put a noise byte first.
     */
    private static String messageIn(byte[] data, int length) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < length; i++) {
            line.append((char) (data[i] & 0x7F));
        }
        int start = line.indexOf("/");
        return start > 0 ? line.substring(start) : line.toString();
    }

    private static int indexOfCrLf(byte[] data) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0x7F) == '\r' && (data[i + 1] & 0x7F) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.US_ASCII);
    }

    /** Control characters as \r, \n or \xNN, so one line stays one line. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\r') {
                b.append("\\r");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20 || c > 0x7E) {
                b.append(String.format("\\x%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void pause(long millis) throws IOException {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the IEC 62056-21 sign-on", e);
        }
    }
}
