package dlms.xmlclient.session;

import dlms.xmlclient.media.LinkTrace;

import gurux.common.GXCommon;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.time.format.DateTimeFormatter;

/**
 * The frame trace: every frame in hex with a timestamp and direction, to the trace file and,
 * at Verbose, to the console. Never given secrets: the session traces frames only.
 */
public final class Trace implements LinkTrace {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintWriter file;
    private final PrintStream console;
    private final List<String> wholeSecrets = new ArrayList<>();
    private final List<String> secretEnds = new ArrayList<>();
    /**
     * How much of a script's trace the reports embed (characters); the rest is in trace.txt
     * only, which is written as the frames come, so memory stays bounded per script.
     */
    public static final int CAPTURE_LIMIT = 256 * 1024;
    /** The note that ends a cut excerpt. */
    public static final String REST_IN_FILE = "trace.txt has the rest";

    /** The lines of the current script, for the reports; null when not capturing. */
    private StringBuilder capture;
    /** Lines of the current script left out of {@link #capture}. */
    private long capturedPast;

    /**
     * @param file    trace file writer, or null for none
     * @param console console stream for Verbose, or null for none
     */
    public Trace(PrintWriter file, PrintStream console) {
        this.file = file;
        this.console = console;
    }

    /**
     * Bytes that must never be printed (password, HLS secret); frames show them as "**". Adding
     * the same secret again (every script's session does) changes nothing.
     */
    public void mask(byte[] secret) {
        if (secret == null || secret.length == 0) {
            return;
        }
        String whole = hex(secret);
        if (!wholeSecrets.contains(whole)) {
            wholeSecrets.add(whole);
            // A long AARQ is split over HDLC frames and the secret with it: in AARQ frames the
            // start and the end of a secret (3 bytes or more, longest first) are masked too.
            for (int length = secret.length - 1; length >= Math.min(3, secret.length); length--) {
                secretEnds.add(hex(Arrays.copyOfRange(secret, 0, length)));
                secretEnds.add(hex(Arrays.copyOfRange(secret, secret.length - length, secret.length)));
            }
        }
    }

    public void sent(byte[] frame) {
        line("TX", masked(frame, wholeSecrets));
    }

    public void received(byte[] frame) {
        line("RX", masked(frame, wholeSecrets));
    }

    /**
     * The plain PDU inside a ciphered frame (what the client ciphered, or deciphered), marked
     * {@code TX=}/{@code RX=} so that it is not read as another frame on the wire.
     */
    public void plain(boolean sent, byte[] pdu) {
        line(sent ? "TX=" : "RX=", masked(pdu, wholeSecrets));
    }

    /** A frame of an AARQ: whole secrets and their starts and ends are masked. */
    public void sentAssociationRequest(byte[] frame) {
        String hex = masked(frame, wholeSecrets);
        for (String run : secretEnds) {
            hex = maskRun(hex, run);
        }
        line("TX", hex);
    }

    private static String masked(byte[] frame, List<String> runs) {
        String hex = hex(frame);
        for (String run : runs) {
            hex = maskRun(hex, run);
        }
        return hex;
    }

    private static String maskRun(String hex, String runHex) {
        return hex.contains(runHex) ? hex.replace(runHex, runHex.replaceAll("[0-9A-F]{2}", "**")) : hex;
    }

    public void note(String text) {
        line("--", text);
    }

    /** Starts keeping the lines traced from now on, until {@link #endCapture()}. */
    public void beginCapture() {
        capture = new StringBuilder();
        capturedPast = 0;
    }

    /**
     * The lines traced since {@link #beginCapture()}, the first {@link #CAPTURE_LIMIT}
     * characters of them and a note of how many lines follow in trace.txt; capturing stops.
     */
    public String endCapture() {
        String lines = capture == null ? "" : capture.toString();
        if (capturedPast > 0) {
            lines += "… " + capturedPast + (capturedPast == 1 ? " more line: " : " more lines: ") + REST_IN_FILE + "\n";
        }
        capture = null;
        capturedPast = 0;
        return lines;
    }

    private void line(String direction, String text) {
        if (file == null && console == null && capture == null) {
            return;
        }
        String line = LocalTime.now().format(TIME) + " " + direction + " " + text;
        if (capture != null) {
            if (capturedPast == 0 && capture.length() + line.length() < CAPTURE_LIMIT) {
                capture.append(line).append('\n');
            } else {
                capturedPast++;
            }
        }
        if (file != null) {
            synchronized (file) {
                file.println(line);
            }
        }
        if (console != null) {
            console.println(line);
        }
    }

    /** Whether writing the trace file failed (a full disk): flushes it first. */
    public boolean failed() {
        return file != null && file.checkError();
    }

    public void flush() {
        if (file != null) {
            file.flush();
        }
    }

    /** Upper-case hex with a space between bytes, as Gurux tools print frames. */
    public static String hex(byte[] data) {
        return GXCommon.bytesToHex(data);
    }
}
