package dlms.xmlclient.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a serial port: through gurux.serial when it is a real port, else as a plain terminal
 * device. gurux.serial 1.0.27's {@code GXSerial.open()} always sets RTS and DTR, and applies
 * 7 data bits and parity, which a pseudo-terminal (socat, ser2net) refuses; a port that
 * GXSerial cannot open but {@code stty} can is opened with {@link TtyLine} instead, and the
 * trace says so.
 */
public final class SerialLines {

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

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
