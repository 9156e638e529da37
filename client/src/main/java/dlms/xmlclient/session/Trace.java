package dlms.xmlclient.session;

import dlms.xmlclient.wire.line.LinkTrace;

import gurux.common.GXCommon;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.time.format.DateTimeFormatter;

/**
 * The frame trace: every frame in hex with a timestamp and direction, to the trace file and,
 * at Verbose, to the console. Never given secrets: the session traces frames only. One per run,
 * used by that run's thread: the secrets and the association request's masks are its state.
 */
public final class Trace implements LinkTrace {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintWriter file;
    private final PrintStream console;
    private final List<String> wholeSecrets = new ArrayList<>();
    private final List<byte[]> secrets = new ArrayList<>();
    /** The frames of the association request being sent, each with its secret bytes marked. */
    private final Map<byte[], boolean[]> requestSecrets = new IdentityHashMap<>();
    /**
     * How much of a script's trace the reports embed (characters); the rest is in trace.txt
     * only, which is written as the frames come, so memory stays bounded per script.
     */
    public static final int CAPTURE_LIMIT = 256 * 1024;
    /** The note that ends a cut excerpt. */
    public static final String REST_IN_FILE = "trace.txt has the rest";

    /** Whether {@link #beginCapture()} keeps a script's lines for the reports (not with --no-trace). */
    private final boolean excerpts;
    /** The lines of the current script, for the reports; null when not capturing. */
    private StringBuilder capture;
    /** Lines of the current script left out of {@link #capture}. */
    private long capturedPast;

    /**
     * @param file    trace file writer, or null for none
     * @param console console stream for Verbose, or null for none
     */
    public Trace(PrintWriter file, PrintStream console) {
        this(file, console, true);
    }

    /** @param excerpts whether the reports get each script's lines ({@link #beginCapture()}) */
    public Trace(PrintWriter file, PrintStream console, boolean excerpts) {
        this.file = file;
        this.console = console;
        this.excerpts = excerpts;
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
            secrets.add(secret.clone());
        }
    }

    /**
     * The frames of an association request about to be sent: a long AARQ is split over HDLC
     * frames and a password with it, so its frames are masked by where the secret's bytes are in
     * the joined APDU, however it is split ({@link SplitSecrets}).
     */
    public void associationRequest(byte[][] frames) {
        requestSecrets.clear();
        if (!recording()) { // a script's capture begins before its association, so none starts in between
            return;
        }
        boolean[][] hidden = SplitSecrets.hidden(frames, secrets);
        for (int i = 0; i < frames.length; i++) {
            requestSecrets.put(frames[i], hidden[i]);
        }
    }

    public void sent(byte[] frame) {
        if (recording()) { // the hex and its masking cost more than the rest of a frame's handling
            line("TX", masked(frame, wholeSecrets));
        }
    }

    public void received(byte[] frame) {
        if (recording()) {
            line("RX", masked(frame, wholeSecrets));
        }
    }

    /**
     * The plain PDU inside a ciphered frame (what the client ciphered, or deciphered), marked
     * {@code TX=}/{@code RX=} so that it is not read as another frame on the wire.
     */
    public void plain(boolean sent, byte[] pdu) {
        if (recording()) {
            line(sent ? "TX=" : "RX=", masked(pdu, wholeSecrets));
        }
    }

    /** A frame of the association request given to {@link #associationRequest}: its secret bytes masked. */
    public void sentAssociationRequest(byte[] frame) {
        if (!recording()) {
            return;
        }
        boolean[] hidden = requestSecrets.get(frame);
        if (hidden == null) {
            line("TX", masked(frame, wholeSecrets));
            return;
        }
        StringBuilder hex = new StringBuilder(frame.length * 3);
        for (int i = 0; i < frame.length; i++) {
            hex.append(i == 0 ? "" : " ").append(hidden[i] ? "**" : HEX.toHexDigits(frame[i]));
        }
        line("TX", masked(hex.toString(), wholeSecrets));
    }

    private static String masked(byte[] frame, List<String> runs) {
        return masked(hex(frame), runs);
    }

    private static String masked(String hex, List<String> runs) {
        for (String run : runs) {
            hex = maskRun(hex, run);
        }
        return hex;
    }

    private static String maskRun(String hex, String runHex) {
        return hex.contains(runHex) ? hex.replace(runHex, runHex.replaceAll("[0-9A-F]{2}", "**")) : hex;
    }

    /** Whether a line traced now goes anywhere (a file, the console, a report's excerpt). */
    public boolean recording() {
        return file != null || console != null || capture != null;
    }

    public void note(String text) {
        line("--", text);
    }

    /** Starts keeping the lines traced from now on, until {@link #endCapture()}. */
    public void beginCapture() {
        capture = excerpts ? new StringBuilder() : null;
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
