package dlms.xmlclient.simulator.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.simulator.log.TraceMask;

/**
 * The meter side of the IEC 62056-21 mode E opening, at 300 baud 7E1: the request
 * {@code /?!CR LF} or {@code /?ADDRESS!CR LF} (ADDRESS = the serial number as text; another
 * address gets no answer) is answered with the identification {@code /GRXZ\2XMLSIM CR LF}
 * (manufacturer GRX, proposed baud rate character Z, the mode E marker backslash-2); then the
 * acknowledgement/option select {@code ACK '2' Z '2' CR LF} (HDLC protocol, a rate character
 * 0..6 not above the proposed one, binary mode) tells the meter to switch to that rate at 8N1
 * and serve HDLC. The meter does not answer the option select. Anything else in the handshake
 * gets no answer, is logged, and leaves the meter waiting for a sign-on. Rates: '0' 300, '1' 600,
 * '2' 1200, '3' 2400, '4' 4800, '5' 9600, '6' 19200.
 * <p>
 * Not gurux.dlms 4.0.47's responder (GXDLMSServerBase with InterfaceType.HDLC_WITH_MODE_E): it
 * finds a request only where '/', '?' and '!' follow each other, so {@code /?ADDRESS!} is never
 * answered, and where it would check the address it compares Strings with {@code !=}; its
 * identification has the device address where the {@code \2} marker belongs; it takes the
 * option select's rate character unchecked ({@code BaudRate.values()[Z - '0']}) and ignores the
 * protocol and mode characters; and it needs an IEC local port setup object in the device.
 */
public final class ModeEResponder {

    /** Proposed baud rate character by default: 9600 baud. */
    public static final char DEFAULT_BAUD = '5';
    static final String MANUFACTURER = "GRX";
    static final String IDENTIFICATION = "XMLSIM";

    /** What the port does after bytes of the handshake. */
    record Step(byte[] reply, int baudRate, byte[] rest) {

        static final Step NOTHING = new Step(new byte[0], 0, new byte[0]);

        /** @return true when the handshake is done: switch to {@link #baudRate} at 8N1 */
        boolean switches() {
            return baudRate != 0;
        }
    }

    private static final char ACK = 0x06;
    /** Protocol control '2' (HDLC) and mode control '2' (binary). */
    private static final char MODE_E = '2';
    private static final int OPTION_SELECT_LENGTH = 6;
    /** The longest request: "/?", a 32-character address, "!", CR LF; longer lines are noise. */
    private static final int MAX_MESSAGE = 64;

    private final String deviceAddress;
    private final char proposed;
    private final SimulatorLog log;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** True after the identification is sent, while the option select is awaited. */
    private boolean identified;

    /**
     * @param deviceAddress the address a request may name: the serial number as text
     * @param proposed the baud rate character proposed in the identification
     * @param log where refused handshake messages go
     */
    public ModeEResponder(String deviceAddress, char proposed, SimulatorLog log) {
        this.deviceAddress = deviceAddress;
        this.proposed = proposed;
        this.log = log;
    }

    /** @return the identification the meter sends */
    byte[] identification() {
        return ("/" + MANUFACTURER + proposed + "\\2" + IDENTIFICATION + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Forgets a handshake under way: the meter waits for a sign-on. */
    void restart() {
        pending.reset();
        identified = false;
    }

    /**
     * @param data bytes received at the opening settings
     * @return what to send and whether to switch to HDLC
     */
    Step receive(byte[] data) {
        pending.writeBytes(data);
        byte[] all = pending.toByteArray();
        int end = indexOfCrLf(all);
        if (end < 0) {
            if (all.length > MAX_MESSAGE) {
                refuse("no line end in " + all.length + " bytes", all);
            }
            return Step.NOTHING;
        }
        byte[] message = Arrays.copyOf(all, end + 2);
        byte[] rest = Arrays.copyOfRange(all, end + 2, all.length);
        pending.reset();
        String text = sevenBit(message);
        // A message starts at its "/?" or ACK: bytes before it (noise, a frame sent before the
        // handshake) are skipped.
        int start = text.lastIndexOf("/?");
        if (start >= 0 && text.endsWith("!\r\n")) {
            Step step = signOn(text.substring(start + 2, text.length() - 3), message);
            pending.writeBytes(rest);
            return step;
        }
        start = text.length() - OPTION_SELECT_LENGTH;
        if (identified && start >= 0 && text.charAt(start) == ACK) {
            return optionSelect(text.substring(start), message, rest);
        }
        refuse(identified ? "not an option select" : "not a sign-on request", message);
        return rest.length == 0 ? Step.NOTHING : receive(rest);
    }

    private Step signOn(String address, byte[] message) {
        if (!address.isEmpty() && !address.equals(deviceAddress)) {
            refuse("sign-on for device address '" + address + "', not " + deviceAddress,
                    message);
            return Step.NOTHING;
        }
        identified = true;
        return new Step(identification(), 0, new byte[0]);
    }

    private Step optionSelect(String text, byte[] message, byte[] rest) {
        char rate = text.charAt(2);
        if (text.charAt(1) != MODE_E || text.charAt(3) != MODE_E) {
            refuse("option select without HDLC protocol and binary mode ('2' Z '2')", message);
            return Step.NOTHING;
        }
        if (rate < '0' || rate > '6' || rate > proposed) {
            refuse("option select with baud rate character '" + rate + "' (0.." + proposed
                    + " accepted)", message);
            return Step.NOTHING;
        }
        identified = false;
        return new Step(new byte[0], 300 << (rate - '0'), rest);
    }

    private void refuse(String why, byte[] message) {
        log.warning("mode E handshake: " + why + ", no answer: " + TraceMask.toHex(message));
        restart();
    }

    /** A 7-bit character frame carries no eighth bit; a client faking 7E1 on 8N1 may set it. */
    private static String sevenBit(byte[] data) {
        StringBuilder text = new StringBuilder(data.length);
        for (byte b : data) {
            text.append((char) (b & 0x7F));
        }
        return text.toString();
    }

    private static int indexOfCrLf(byte[] data) {
        for (int i = 0; i + 1 < data.length; ++i) {
            if ((data[i] & 0x7F) == '\r' && (data[i + 1] & 0x7F) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
