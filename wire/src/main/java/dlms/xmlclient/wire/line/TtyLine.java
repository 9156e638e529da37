package dlms.xmlclient.wire.line;

import gurux.io.Parity;
import gurux.io.StopBits;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A terminal device used as a plain byte stream: a pseudo-terminal from socat or ser2net, or a
 * port whose driver refuses the modem-control lines gurux.serial sets on open. Line settings
 * are made with {@code stty}; reads time out in steps of a tenth of a second ({@code min 0 time 1}),
 * so no thread stays blocked on the device after close. Linux and other systems with
 * {@code stty -F}.
 */
final class TtyLine implements SerialLine {

    private static final int READ_BUFFER = 4096;
    private static final long STTY_TIMEOUT_SECONDS = 5;
    /** A read that ends with nothing this much sooner than its tenth of a second: the line hung up. */
    private static final long HANG_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final String device;
    private final LinkTrace trace;
    private final FileInputStream in;
    private final FileOutputStream out;
    private SerialSettings current;
    private boolean frameNoted;

    private TtyLine(String device, LinkTrace trace, FileInputStream in, FileOutputStream out) {
        this.device = device;
        this.trace = trace;
        this.in = in;
        this.out = out;
    }

    /** Opens the device raw, without echo, at the given settings. */
    static TtyLine open(SerialSettings settings, LinkTrace trace) throws IOException {
        FileInputStream in;
        FileOutputStream out;
        try {
            in = new FileInputStream(settings.port());
        } catch (IOException e) {
            throw new IOException("cannot open serial port " + settings.port() + ": " + e.getMessage(), e);
        }
        try {
            out = new FileOutputStream(settings.port());
        } catch (IOException e) {
            in.close();
            throw new IOException("cannot open serial port " + settings.port() + ": " + e.getMessage(), e);
        }
        TtyLine line = new TtyLine(settings.port(), trace, in, out);
        try {
            line.stty("raw", "-echo", "-ixon", "-ixoff", "-crtscts", "min", "0", "time", "1");
            line.configure(settings);
        } catch (IOException e) {
            line.close();
            throw e;
        }
        return line;
    }

    @Override
    public void configure(SerialSettings settings) throws IOException {
        stty(String.valueOf(settings.baudRate()), settings.stopBits() == StopBits.ONE ? "-cstopb" : "cstopb");
        List<String> frame = new ArrayList<>(List.of("cs" + settings.dataBits()));
        switch (settings.parity()) {
            case NONE -> frame.addAll(List.of("-parenb", "-cmspar"));
            case ODD -> frame.addAll(List.of("parenb", "parodd", "-cmspar"));
            case EVEN -> frame.addAll(List.of("parenb", "-parodd", "-cmspar"));
            case MARK -> frame.addAll(List.of("parenb", "parodd", "cmspar")); // stick parity, 1
            case SPACE -> frame.addAll(List.of("parenb", "-parodd", "cmspar")); // stick parity, 0
            default -> throw new IOException("parity " + settings.parity() + " is not supported");
        }
        try {
            stty(frame.toArray(String[]::new));
        } catch (IOException e) {
            // A pseudo-terminal has no UART: it carries 8-bit bytes and refuses cs7 and parity.
            if (!frameNoted) {
                trace.note(device + " keeps 8 data bits without parity (no UART, e.g. a pseudo-terminal):"
                        + " the bytes pass unchanged");
                frameNoted = true;
            }
        }
        current = settings;
    }

    private void stty(String... settings) throws IOException {
        List<String> command = new ArrayList<>(List.of("stty", "-F", device));
        command.addAll(Arrays.asList(settings));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot set up serial port " + device + ": stty not found (" + e.getMessage() + ")", e);
        }
        try {
            if (!p.waitFor(STTY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) { // its few lines fit the pipe
                p.destroyForcibly();
                throw new IOException("cannot set up serial port " + device + ": stty did not finish");
            }
            String output = new String(p.getInputStream().readAllBytes()).trim();
            if (p.exitValue() != 0) {
                throw new IOException("cannot set up serial port " + device + " (" + String.join(" ", settings)
                        + "): " + output.replaceAll("\\s+", " "));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while setting up serial port " + device, e);
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            throw new LinkClosedException("writing to serial port " + device + " failed: " + e.getMessage());
        }
    }

    @Override
    public byte[] read(int waitMillis) throws IOException {
        byte[] buffer = new byte[READ_BUFFER];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        int emptyAtOnce = 0;
        while (true) {
            long start = System.nanoTime();
            int count;
            try {
                count = in.read(buffer); // returns within 0.1 s (stty time 1); -1 means nothing yet
            } catch (IOException e) { // EIO: the other end hung up while we waited
                throw new LinkClosedException("the other end of serial port " + device + " hung up");
            }
            if (count > 0) {
                return Arrays.copyOf(buffer, count);
            }
            // After a hang-up, read() ends at once with nothing instead of waiting its tenth of a second.
            emptyAtOnce = System.nanoTime() - start < HANG_UP_NANOS ? emptyAtOnce + 1 : 0;
            if (emptyAtOnce >= 3) {
                throw new LinkClosedException("the other end of serial port " + device + " hung up");
            }
            if (System.nanoTime() - deadline >= 0) {
                return null;
            }
        }
    }

    @Override
    public void discardInput() {
        try {
            int available = in.available();
            if (available > 0) {
                in.skipNBytes(available);
            }
        } catch (IOException e) {
            // Nothing to drop, or the port is gone: the next read says so.
        }
    }

    @Override
    public String describe() {
        return "serial " + (current == null ? device : current.toString()) + " (terminal device)";
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        try {
            out.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
