package dlms.xmlclient.simulator.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import dlms.xmlclient.simulator.log.SimulatorLog;
import dlms.xmlclient.wire.line.LinkTrace;
import dlms.xmlclient.wire.line.SerialLine;
import dlms.xmlclient.wire.line.SerialLines;
import dlms.xmlclient.wire.line.SerialSettings;
import gurux.dlms.ConnectionState;
import gurux.io.Parity;
import gurux.io.StopBits;

/**
 * The meter's serial port: HDLC on a serial line, opened with {@link SerialLines} (gurux.serial
 * for a real port, a plain terminal device for a pseudo-terminal), one thread reading it and
 * feeding {@link MeterAccess}. With mode E the line starts at 300 baud 7E1 and
 * {@link ModeEResponder} runs the IEC 62056-21 handshake (with echo, every byte received during
 * it is sent back first); after it the line switches to the agreed rate at 8N1 and serves HDLC,
 * until the connection state falls back to none (DISC) or nothing comes for
 * {@link MeterPort#INACTIVITY_TIMEOUT_SECONDS}: then it goes back to 300 baud 7E1 and waits for a
 * new sign-on. Without mode E the line stays at its settings; a silent connection is forgotten
 * after the same time.
 * <p>
 * When the other end hangs up (the line reports it closed, e.g. the socat behind a
 * pseudo-terminal ended), the meter forgets the connection and opens the port again, every second
 * until it can or the simulator closes: like a meter's port, it is always there.
 */
public final class MeterSerialPort implements MeterTransport {

    private static final int READ_WAIT_MILLIS = 100;
    private static final long REOPEN_MILLIS = 1000;

    private final MeterAccess access;
    private final SimulatorLog log;
    private final SerialSettings settings;
    /** Null without mode E. */
    private final ModeEResponder modeE;
    private final boolean echo;
    private final LinkTrace trace;
    private final Object wakeUp = new Object();
    private volatile boolean closing;
    private volatile SerialLine line;
    private Thread reader;
    /** True while serving HDLC: always without mode E, after the handshake with it. */
    private boolean hdlc;
    /** True once the connection state has left none since HDLC began. */
    private boolean connected;
    /** System.nanoTime() of the last bytes received. */
    private long lastReceived;
    /** The line's rate and character frame now. */
    private SerialSettings current;
    /** System.nanoTime() when the bytes written so far have left the wire. */
    private volatile long sentUntil;
    /** Where HDLC replies wait for their time, null to send them at once. */
    private final PacedLine paced;

    /**
     * @param access the meter
     * @param log where events and the trace go
     * @param settings the port, and its rate and character frame without mode E
     * @param modeE the handshake responder, null for HDLC from the start
     * @param echo true to echo the bytes received during the handshake
     * @param pacing how HDLC replies are held back and paced ({@link ReplyPacing#NONE}: at once)
     */
    public MeterSerialPort(MeterAccess access, SimulatorLog log,
            SerialSettings settings, ModeEResponder modeE, boolean echo, ReplyPacing pacing) {
        this.paced = PacedLine.own(pacing, "simulator serial " + settings.port() + " pacing",
                false);
        this.access = access;
        this.log = log;
        this.settings = settings;
        this.modeE = modeE;
        this.echo = echo;
        this.trace = new LinkTrace() {
            @Override
            public void note(String text) {
                log.info(settings.port() + ": " + text);
            }

            @Override
            public void sent(byte[] data) {
                log.frame("TX", settings.port(), data);
            }

            @Override
            public void received(byte[] data) {
                log.frame("RX", settings.port(), data);
            }
        };
    }

    /**
     * Opens the port and starts serving.
     *
     * @throws IOException when the port cannot be opened
     */
    public void open() throws IOException {
        line = SerialLines.open(opening(), trace);
        current = opening();
        hdlc = modeE == null;
        lastReceived = System.nanoTime();
        reader = new Thread(this::read, "simulator serial " + settings.port());
        reader.setDaemon(true);
        reader.start();
    }

    /** @return the settings the line starts with: 300 baud 7E1 for mode E */
    private SerialSettings opening() {
        return modeE == null ? settings : settings.iecOpening();
    }

    private void read() {
        while (!closing) {
            byte[] data;
            try {
                data = line.read(READ_WAIT_MILLIS);
            } catch (IOException e) {
                if (!closing) {
                    reopen(e);
                }
                continue;
            }
            try {
                if (data == null) {
                    checkInactivity();
                } else {
                    lastReceived = System.nanoTime();
                    received(data);
                }
            } catch (IOException e) {
                log.error(settings.port() + " failed", e);
            }
        }
    }

    private void received(byte[] data) throws IOException {
        if (hdlc) {
            serve(data);
            return;
        }
        trace.received(data);
        if (echo) {
            send(data);
        }
        ModeEResponder.Step step = modeE.receive(data);
        if (step.reply().length != 0 && !access.isSilent()) {
            send(step.reply());
        }
        if (step.switches()) {
            switchTo(settings.with(step.baudRate(), 8, Parity.NONE, StopBits.ONE));
            log.info("mode E handshake done: " + line.describe() + ", HDLC");
            hdlc = true;
            connected = false;
            if (step.rest().length != 0) {
                serve(step.rest());
            }
        }
    }

    private void serve(byte[] data) throws IOException {
        byte state = access.serve(this, settings.port(), data,
                paced == null ? this::write : paced.after(System.nanoTime(), this::write));
        if (state != ConnectionState.NONE) {
            connected = true;
        } else if (connected) {
            connected = false;
            if (modeE != null) {
                backToSignOn("connection closed");
            }
        }
    }

    private void send(byte[] data) throws IOException {
        trace.sent(data);
        write(data);
    }

    private void write(byte[] data) throws IOException {
        line.write(data);
        long now = System.nanoTime();
        sentUntil = Math.max(now, sentUntil)
                + (long) (data.length * 1e9 / current.charactersPerSecond());
    }

    /**
     * Changes the line's rate once what was written has left the wire: gurux.serial applies
     * new settings at once, which would garble the end of the last reply (stty, for a
     * terminal device, waits for the output to drain).
     */
    private void switchTo(SerialSettings next) throws IOException {
        long left;
        while ((left = Math.max(sentUntil, paced == null ? 0 : paced.freeAt())
                - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        line.configure(next);
        current = next;
    }

    /** Forgets a silent connection; with mode E, goes back to the sign-on. */
    private void checkInactivity() throws IOException {
        boolean waiting = connected || modeE != null && hdlc;
        if (waiting && System.nanoTime() - lastReceived
                >= TimeUnit.SECONDS.toNanos(MeterPort.INACTIVITY_TIMEOUT_SECONDS)) {
            log.info(settings.port() + " silent for " + MeterPort.INACTIVITY_TIMEOUT_SECONDS
                    + " s: connection state reset");
            access.disconnected(this);
            connected = false;
            if (modeE != null) {
                backToSignOn("inactivity");
            }
        }
    }

    private void backToSignOn(String why) throws IOException {
        modeE.restart();
        hdlc = false;
        switchTo(settings.iecOpening());
        log.info("mode E: " + why + ", back to " + line.describe() + " for a new sign-on");
    }

    /** The other end hung up: forget the connection, open the port again until it opens. */
    private void reopen(IOException cause) {
        log.info(settings.port() + ": " + cause.getMessage()
                + "; connection forgotten, opening the port again");
        access.disconnected(this);
        connected = false;
        line.close();
        boolean reported = false;
        while (!closing) {
            try {
                line = SerialLines.open(opening(), trace);
                current = opening();
                hdlc = modeE == null;
                if (modeE != null) {
                    modeE.restart();
                }
                log.info(settings.port() + " open again");
                return;
            } catch (IOException e) {
                if (!reported) {
                    log.warning("cannot open " + settings.port() + " again (" + e.getMessage()
                            + "); trying every " + REOPEN_MILLIS / 1000 + " s");
                    reported = true;
                }
                synchronized (wakeUp) {
                    try {
                        wakeUp.wait(REOPEN_MILLIS);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        closing = true; // nobody else interrupts the port's thread
                        return;
                    }
                }
            }
        }
    }

    @Override
    public String describe() {
        return "serial " + opening();
    }

    @Override
    public InetSocketAddress localAddress() {
        return null;
    }

    @Override
    public void close() {
        closing = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        MeterTransport.join(reader);
        if (paced != null) {
            paced.close();
        }
        SerialLine last = line;
        if (last != null) {
            last.close();
        }
    }
}
