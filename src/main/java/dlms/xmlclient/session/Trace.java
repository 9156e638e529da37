package dlms.xmlclient.session;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.time.format.DateTimeFormatter;

/**
 * The frame trace: every frame in hex with a timestamp and direction, to the trace file and,
 * at Verbose, to the console. Never given secrets: the session traces frames only.
 */
public final class Trace {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final PrintWriter file;
    private final PrintStream console;
    private final List<byte[]> secrets = new ArrayList<>();

    /**
     * @param file    trace file writer, or null for none
     * @param console console stream for Verbose, or null for none
     */
    public Trace(PrintWriter file, PrintStream console) {
        this.file = file;
        this.console = console;
    }

    public static Trace none() {
        return new Trace(null, null);
    }

    /** Bytes that must never be printed (password, HLS secret); frames show them as "**". */
    public void mask(byte[] secret) {
        if (secret != null && secret.length > 0) {
            secrets.add(secret.clone());
        }
    }

    public void sent(byte[] frame) {
        line("TX", masked(frame));
    }

    public void received(byte[] frame) {
        line("RX", masked(frame));
    }

    /**
     * A frame of an AARQ: besides whole secrets, the start or end of a secret is masked too,
     * since a long AARQ is split over HDLC frames and the secret with it.
     */
    public void sentAssociationRequest(byte[] frame) {
        String hex = masked(frame);
        for (byte[] secret : secrets) {
            for (int length = secret.length - 1; length >= Math.min(3, secret.length); length--) {
                hex = maskRun(hex, hex(java.util.Arrays.copyOfRange(secret, 0, length)));
                hex = maskRun(hex, hex(java.util.Arrays.copyOfRange(secret, secret.length - length, secret.length)));
            }
        }
        line("TX", hex);
    }

    private String masked(byte[] frame) {
        String hex = hex(frame);
        for (byte[] secret : secrets) {
            hex = maskRun(hex, hex(secret));
        }
        return hex;
    }

    private static String maskRun(String hex, String runHex) {
        return hex.replace(runHex, runHex.replaceAll("[0-9A-F]{2}", "**"));
    }

    public void note(String text) {
        line("--", text);
    }

    private void line(String direction, String text) {
        if (file == null && console == null) {
            return;
        }
        String line = LocalTime.now().format(TIME) + " " + direction + " " + text;
        if (file != null) {
            synchronized (file) {
                file.println(line);
            }
        }
        if (console != null) {
            console.println(line);
        }
    }

    public void flush() {
        if (file != null) {
            file.flush();
        }
    }

    /** Upper-case hex with a space between bytes, as Gurux tools print frames. */
    public static String hex(byte[] data) {
        if (data == null || data.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(data.length * 3);
        for (int i = 0; i < data.length; i++) {
            if (i != 0) {
                sb.append(' ');
            }
            sb.append(HEX[(data[i] >> 4) & 0xF]).append(HEX[data[i] & 0xF]);
        }
        return sb.toString();
    }
}
