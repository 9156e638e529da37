package dlms.xmlclient.wire.line;

import gurux.io.Parity;
import gurux.io.StopBits;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A serial port and its line settings, written as Gurux writes them:
 * {@code PORT:BAUD:DATABITS PARITY STOPBITS}, e.g. {@code /dev/ttyUSB0:9600:8None1} or
 * {@code COM1:300:7Even1}. The port may itself contain colons only on Windows-style names
 * without any (COM1), so the last two fields are taken from the right.
 *
 * @param port      device path or port name
 * @param baudRate  bits per second
 * @param dataBits  7 or 8
 * @param parity    none, odd, even, mark or space
 * @param stopBits  one, one and a half, or two
 */
public record SerialSettings(String port, int baudRate, int dataBits, Parity parity, StopBits stopBits) {

    /** Rates a serial port and IEC 62056-21 know. */
    static final int[] BAUD_RATES = {300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200};

    private static final Pattern FRAME = Pattern.compile("([78])(none|odd|even|mark|space)(1|1\\.5|2)",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param text {@code PORT}, {@code PORT:BAUD} or {@code PORT:BAUD:8None1}; missing parts are 9600 and 8None1
     * @throws IllegalArgumentException with a message naming the part that is wrong
     */
    public static SerialSettings parse(String text) {
        String[] parts = text.split(":", -1);
        String port;
        String baud = "9600";
        String frame = "8None1";
        if (parts.length >= 3 && FRAME.matcher(parts[parts.length - 1].trim()).matches()
                && !isNumber(parts[parts.length - 2])) {
            throw new IllegalArgumentException("baud rate '" + parts[parts.length - 2] + "' is not a number");
        }
        if (parts.length >= 3 && isNumber(parts[parts.length - 2])) {
            port = String.join(":", java.util.Arrays.copyOf(parts, parts.length - 2));
            baud = parts[parts.length - 2];
            frame = parts[parts.length - 1];
        } else if (parts.length >= 2 && isNumber(parts[parts.length - 1])) {
            port = String.join(":", java.util.Arrays.copyOf(parts, parts.length - 1));
            baud = parts[parts.length - 1];
        } else {
            port = text;
        }
        if (port.isBlank()) {
            throw new IllegalArgumentException("no port name before the first ':'");
        }
        long rate = baud.length() > 9 ? -1 : Long.parseLong(baud);
        if (java.util.Arrays.stream(BAUD_RATES).noneMatch(r -> r == rate)) {
            throw new IllegalArgumentException("baud rate " + baud + " is not one of 300, 600, 1200, 2400,"
                    + " 4800, 9600, 19200, 38400, 57600, 115200");
        }
        Matcher m = FRAME.matcher(frame.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + frame + "' is not DATABITS PARITY STOPBITS as in 8None1 or 7Even1");
        }
        return new SerialSettings(port, (int) rate, Integer.parseInt(m.group(1)),
                Parity.valueOf(m.group(2).toUpperCase(Locale.ROOT)),
                switch (m.group(3)) {
                    case "1" -> StopBits.ONE;
                    case "2" -> StopBits.TWO;
                    default -> StopBits.ONE_POINT_FIVE;
                });
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** The same port at another rate and character frame. */
    public SerialSettings with(int newBaudRate, int newDataBits, Parity newParity, StopBits newStopBits) {
        return new SerialSettings(port, newBaudRate, newDataBits, newParity, newStopBits);
    }

    /** The IEC 62056-21 opening settings: 300 baud, 7 data bits, even parity, 1 stop bit. */
    public SerialSettings iecOpening() {
        return with(300, 7, Parity.EVEN, StopBits.ONE);
    }

    /** The character frame in the short form engineers write, e.g. {@code 9600 8N1}. */
    public String line() {
        return baudRate + " " + dataBits + parity.name().charAt(0)
                + (stopBits == StopBits.ONE ? "1" : stopBits == StopBits.TWO ? "2" : "1.5");
    }

    /** Characters per second on the wire: each is a start bit, the data bits, parity and stop bits. */
    public double charactersPerSecond() {
        double bits = 1 + dataBits + (parity == Parity.NONE ? 0 : 1)
                + (stopBits == StopBits.ONE ? 1 : stopBits == StopBits.TWO ? 2 : 1.5);
        return baudRate / bits;
    }

    @Override
    public String toString() {
        return port + " " + line();
    }
}
