package dlms.xmlclient.wire.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a serial port: through gurux.serial when it is a real port, else as a plain terminal
 * device. gurux.serial 1.0.27's {@code GXSerial.open()} always sets RTS and DTR, and applies
 * 7 data bits and parity, which a pseudo-terminal (socat, ser2net) refuses; such a port (a
 * /dev/pts device, or one gurux.serial refuses for those reasons) is opened with
 * {@link TtyLine} instead, and the trace says so. Other failures (busy, no permission) are
 * gurux.serial's.
 */
public final class SerialLines {

    /** What gurux.serial says when a terminal device has no modem-control lines or no 7-bit frames. */
    private static final String TERMINAL_REFUSALS = "(?s).*(getRtsEnable|setRtsEnable|getDtrEnable|setDtrEnable|tcsetattr).*";

    private SerialLines() {
    }

    public static SerialLine open(SerialSettings settings, LinkTrace trace) throws IOException {
        if (isWindows()) {
            return GuruxSerialLine.open(settings);
        }
        if (!Files.exists(Path.of(settings.port()))) {
            throw new IOException("serial port " + settings.port() + ": no such device");
        }
        try {
            return GuruxSerialLine.open(settings);
        } catch (IOException gurux) {
            if (!isPseudoTerminal(settings.port()) && !String.valueOf(gurux.getMessage()).matches(TERMINAL_REFUSALS)) {
                throw gurux; // a busy port, no permission: gurux.serial's own words
            }
            trace.note("gurux.serial cannot open " + settings.port() + " (" + gurux.getMessage().replaceAll(".*: ", "")
                    .trim() + "): trying it as a plain terminal device (a pseudo-terminal, e.g. socat's, has no"
                    + " modem-control lines)");
            try {
                return TtyLine.open(settings, trace);
            } catch (IOException e) {
                throw gurux;
            }
        }
    }

    /** Where a port resolves to /dev/pts/N: socat, ser2net, a terminal emulator. */
    private static boolean isPseudoTerminal(String port) {
        try {
            return Path.of(port).toRealPath().startsWith("/dev/pts/");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
