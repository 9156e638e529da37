package dlms.xmlclient.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The targets file the client's {@code --targets FILE} reads: a comment line, then one line a
 * meter, {@code name,host,port,flags}. Written to a temporary file beside it and moved in place,
 * so that a client never reads half of it.
 */
public final class FleetTargets {

    private FleetTargets() {
    }

    /**
     * @param meters the meters, one line each
     * @param origin how they were started, for the comment line, e.g. "bin/simulator -N 1000"
     * @return the file's text
     */
    static String text(List<FleetMeter> meters, String origin) {
        StringBuilder sb = new StringBuilder(meters.size() * 40 + 80);
        sb.append("# name,host,port,flags   (written by ").append(origin).append(")\n");
        for (FleetMeter m : meters) {
            sb.append(m.name()).append(',').append(m.host()).append(',').append(m.port())
                    .append(',').append(m.targetFlags()).append('\n');
        }
        return sb.toString();
    }

    /**
     * @param file the file to (over)write
     * @param meters the meters
     * @param origin how they were started, for the comment line
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, List<FleetMeter> meters, String origin)
            throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(),
                absolute.getFileName().toString() + ".", ".tmp");
        try {
            Files.write(temporary, text(meters, origin).getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
