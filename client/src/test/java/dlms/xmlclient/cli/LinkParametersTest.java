package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HDLC window and frame size: proposed in the SNRM, answered in the UA, and used by the meter's replies. */
@Tag("integration")
class LinkParametersTest {

    /** Flag, format, addresses (1 + 1 bytes here), control, HCS, FCS, flag: what a frame adds to its information field. */
    private static final int FRAME_OVERHEAD = 11;
    private static final Pattern RX_FRAME = Pattern.compile("(?m) RX 7E (A[0-7]|A8|A9|AA|AB|AC|AD|AE|AF) ([0-9A-F]{2})");

    @TempDir
    Path out;

    @Test
    void windowSevenAndFrameSize512AreNegotiatedAndUsedOnAProfileRead() throws Exception {
        CliRun run = CliRun.run(out, "-x", "messages/load-profile/whole.xml", "-e", "expected/load-profile",
                "--window-size", "7", "--frame-size", "512");
        assertEquals(0, run.exitCode, run.toString());
        String trace = run.trace();
        assertTrue(trace.contains("HDLC link up: max info TX 512, RX 512, window TX 7, RX 7"), trace);
        int longest = longestReceivedFrame(trace);
        assertTrue(longest > 128 + FRAME_OVERHEAD && longest <= 512 + FRAME_OVERHEAD,
                "the meter's frames carry up to 512 bytes: longest " + longest);
    }

    @Test
    void withoutThemTheHdlcDefaultsHold() throws Exception {
        CliRun run = CliRun.run(out, "-x", "messages/load-profile/whole.xml", "-e", "expected/load-profile");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.trace().contains("HDLC link up: max info TX 128, RX 128, window TX 1, RX 1"), run.trace());
        assertTrue(longestReceivedFrame(run.trace()) <= 128 + FRAME_OVERHEAD);
    }

    /** The frame length field (11 bits of the format field) of the longest frame the meter sent. */
    private static int longestReceivedFrame(String trace) {
        Matcher m = RX_FRAME.matcher(trace);
        int longest = 0;
        while (m.find()) {
            int length = ((Integer.parseInt(m.group(1), 16) & 0x07) << 8) | Integer.parseInt(m.group(2), 16);
            longest = Math.max(longest, length + 2); // the length field does not count the two flags
        }
        return longest;
    }
}
