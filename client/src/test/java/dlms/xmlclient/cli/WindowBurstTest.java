package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import dlms.xmlclient.session.HdlcFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A meter with an HDLC window above 1 sends several segments before it waits for an RR. The
 * simulator (a gurux.dlms server) never does, so a scripted meter replays the simulator's own
 * frames of a segmented profile read, with two segments sent in one burst.
 */
@Tag("integration")
class WindowBurstTest {

    private static final String SCRIPT = "messages/load-profile/entries-3-to-12.xml";

    @TempDir
    Path dir;

    @Test
    void segmentsSentInOneBurstAreReadWithoutAnRrBetweenThem() throws Exception {
        CliRun recorded = CliRun.run(dir.resolve("recorded"), "-x", SCRIPT, "--window-size", "7");
        assertEquals(0, recorded.exitCode, recorded.toString());
        List<byte[]> meterFrames = framesFrom(recorded.trace(), " RX ");
        int first = firstSegment(meterFrames);
        assertTrue(first > 0, "the recorded profile read is segmented");
        List<byte[]> groups = new ArrayList<>(meterFrames.subList(0, first));
        groups.add(concat(meterFrames.get(first), meterFrames.get(first + 1)));
        groups.addAll(meterFrames.subList(first + 2, meterFrames.size()));

        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread meter = new Thread(() -> replay(listener, groups), "scripted meter");
            meter.setDaemon(true);
            meter.start();
            CliRun burst = CliRun.run(dir.resolve("burst"), "-h", "127.0.0.1", "-p", String.valueOf(listener.getLocalPort()),
                    "-x", SCRIPT, "--window-size", "7", "--wait-time", "2000", "--retries", "0");
            assertEquals(0, burst.exitCode, burst.toString());
            assertEquals(Files.readString(recorded.replyFile("entries-3-to-12.xml")),
                    Files.readString(burst.replyFile("entries-3-to-12.xml")));
            assertEquals(framesFrom(recorded.trace(), " TX ").size() - 1, framesFrom(burst.trace(), " TX ").size(),
                    "one RR fewer");
            assertTrue(!burst.trace().contains("dropped"), burst.trace());
        }
    }

    @Test
    void noRrIsSentBeforeTheWindowsFinalFrameEvenWhenTheSegmentsArriveApart() throws Exception {
        CliRun recorded = CliRun.run(dir.resolve("recorded"), "-x", SCRIPT, "--window-size", "7");
        assertEquals(0, recorded.exitCode, recorded.toString());
        List<byte[]> meterFrames = framesFrom(recorded.trace(), " RX ");
        int first = firstSegment(meterFrames);
        byte[] notFinal = withFinalBitCleared(meterFrames.get(first));
        AtomicBoolean rrInsideTheWindow = new AtomicBoolean();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread meter = new Thread(() -> {
                try (Socket client = listener.accept(); InputStream in = client.getInputStream();
                        OutputStream out = client.getOutputStream()) {
                    byte[] buffer = new byte[4096];
                    for (int i = 0; i < meterFrames.size(); i++) {
                        if (i != first + 1 && in.read(buffer) < 0) {
                            return;
                        }
                        if (i == first + 1) { // the rest of the window, a moment later, unasked
                            Thread.sleep(300);
                            rrInsideTheWindow.set(in.available() > 0);
                        }
                        out.write(i == first ? notFinal : meterFrames.get(i));
                        out.flush();
                    }
                } catch (Exception e) {
                    // The client went away: the assertions say what happened.
                }
            }, "scripted meter");
            meter.setDaemon(true);
            meter.start();
            CliRun window = CliRun.run(dir.resolve("window"), "-h", "127.0.0.1", "-p",
                    String.valueOf(listener.getLocalPort()), "-x", SCRIPT, "--window-size", "7", "--wait-time", "2000",
                    "--retries", "0");
            assertEquals(0, window.exitCode, window + window.trace());
            assertFalse(rrInsideTheWindow.get(), "the client sent an RR before the window's final frame");
            assertEquals(Files.readString(recorded.replyFile("entries-3-to-12.xml")),
                    Files.readString(window.replyFile("entries-3-to-12.xml")));
        }
    }

    /** The frame with the poll/final bit of its control field cleared, its HCS and FCS made again. */
    private static byte[] withFinalBitCleared(byte[] frame) {
        byte[] f = frame.clone();
        int control = 3;
        for (int address = 0; address < 2; address++) {
            while ((f[control] & 1) == 0) {
                control++;
            }
            control++;
        }
        f[control] &= ~0x10;
        int hcs = fcs16(f, 1, control + 1);
        f[control + 1] = (byte) hcs;
        f[control + 2] = (byte) (hcs >> 8);
        int fcs = fcs16(f, 1, f.length - 3);
        f[f.length - 3] = (byte) fcs;
        f[f.length - 2] = (byte) (fcs >> 8);
        byte[] marked = f.clone();
        assertTrue(HdlcFrames.markFinal(marked, 0, marked.length), "an I-frame with the final bit clear");
        assertArrayEquals(frame, marked, "marking it final gives back the meter's frame, check sequences included");
        return f;
    }

    /** CRC-16/X.25 (IEC 62056-46 HCS and FCS) of data[from, to), written here independently of the client's. */
    private static int fcs16(byte[] data, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF;
    }

    /** Answers each frame the client sends with the next group of recorded meter frames. */
    private static void replay(ServerSocket listener, List<byte[]> groups) {
        try (Socket client = listener.accept(); InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream()) {
            byte[] buffer = new byte[4096];
            for (byte[] group : groups) {
                if (in.read(buffer) < 0) {
                    return;
                }
                out.write(group);
                out.flush();
            }
        } catch (Exception e) {
            // The client went away: the test's assertions say what happened.
        }
    }

    /** The frames of one direction, from the trace's hex lines. */
    private static List<byte[]> framesFrom(String trace, String direction) {
        Pattern frame = Pattern.compile("^\\S+" + direction + "((?:[0-9A-F]{2} ?)+)$");
        List<byte[]> frames = new ArrayList<>();
        for (String line : trace.lines().toList()) {
            Matcher m = frame.matcher(line);
            if (m.matches()) {
                frames.add(HexFormat.of().parseHex(m.group(1).replace(" ", "")));
            }
        }
        return frames;
    }

    /** Index of the first frame with the segmentation bit set in its format field. */
    private static int firstSegment(List<byte[]> frames) {
        for (int i = 0; i < frames.size() - 1; i++) {
            if ((frames.get(i)[1] & 0x08) != 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.writeBytes(a);
        joined.writeBytes(b);
        return joined.toByteArray();
    }
}
