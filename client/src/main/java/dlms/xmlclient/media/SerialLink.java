package dlms.xmlclient.media;

import dlms.xmlclient.wire.line.LinkTrace;
import dlms.xmlclient.wire.line.SerialLine;
import dlms.xmlclient.wire.line.SerialLines;
import dlms.xmlclient.wire.line.SerialSettings;

import gurux.io.Parity;
import gurux.io.StopBits;

import java.io.IOException;

/**
 * HDLC over a serial port: opened at the given settings, or, in mode E, at 300 baud 7E1 for
 * the IEC 62056-21 sign-on and then switched to the rate the meter proposed, at 8N1.
 */
final class SerialLink implements Link {

    private final SerialSettings settings;
    private final boolean modeE;
    private final int waitMillis;
    private final LinkTrace trace;
    private SerialLine line;

    SerialLink(SerialSettings settings, boolean modeE, int waitMillis, LinkTrace trace) {
        this.settings = settings;
        this.modeE = modeE;
        this.waitMillis = waitMillis;
        this.trace = trace;
    }

    @Override
    public void open() throws IOException {
        line = SerialLines.open(modeE ? settings.iecOpening() : settings, trace);
        if (!modeE) {
            return;
        }
        try {
            int baudRate = new ModeEHandshake(line, trace, waitMillis).signOn(settings.iecOpening());
            SerialSettings hdlc = settings.with(baudRate, 8, Parity.NONE, StopBits.ONE);
            line.configure(hdlc);
            trace.note("switched to " + hdlc.line() + " for HDLC (mode E)");
        } catch (IOException e) {
            line.close();
            throw e;
        }
    }

    @Override
    public void send(byte[] data) throws IOException {
        line.write(data);
    }

    @Override
    public byte[] receive(int waitMillis) throws IOException {
        return line.read(waitMillis);
    }

    @Override
    public void discardInput() {
        line.discardInput();
    }

    @Override
    public String describe() {
        return line != null ? line.describe() : "serial " + settings + (modeE ? ", IEC 62056-21 mode E" : "");
    }

    @Override
    public void close() {
        if (line != null) {
            line.close();
        }
    }
}
