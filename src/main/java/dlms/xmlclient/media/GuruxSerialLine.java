package dlms.xmlclient.media;

import gurux.io.BaudRate;
import gurux.serial.GXSerial;

import java.io.File;
import java.io.IOException;

/**
 * A real serial port through gurux.serial's {@link GXSerial}, in event mode like {@link NetLink}.
 * Loaded only when a serial port is used: every {@code new GXSerial()} copies the native
 * library to a new temporary file and loads it from there (gurux.serial 1.0.27 never deletes
 * it), so this class deletes that copy once it is loaded, which Linux allows.
 */
final class GuruxSerialLine implements SerialLine {

    private final GXSerial serial;
    private final ChunkQueue inbound = new ChunkQueue();
    private SerialSettings current;

    private GuruxSerialLine(GXSerial serial, SerialSettings settings) {
        this.serial = serial;
        this.current = settings;
    }

    /**
     * Opens the port at the given settings.
     *
     * @throws IOException when the port cannot be opened; its message carries gurux.serial's
     *                     (for a port without modem-control lines: "getRtsEnable failed.")
     */
    static GuruxSerialLine open(SerialSettings settings) throws IOException {
        GXSerial serial = newSerial();
        GuruxSerialLine line = new GuruxSerialLine(serial, settings);
        serial.setPortName(settings.port());
        try {
            line.apply(settings);
            serial.addListener(line.inbound);
            serial.open();
        } catch (Exception e) {
            serial.close();
            throw new IOException("cannot open serial port " + settings.port() + ": " + e.getMessage(), e);
        }
        return line;
    }

    /** A GXSerial, without leaving its native library's temporary copy behind. */
    private static GXSerial newSerial() throws IOException {
        File tmp = new File(System.getProperty("java.io.tmpdir"));
        long before = System.currentTimeMillis() - 1000;
        GXSerial serial;
        try {
            serial = new GXSerial();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IOException("gurux.serial cannot load its native library on this system: " + e.getMessage(), e);
        } finally {
            File[] copies = tmp.listFiles((dir, name) -> name.startsWith("gurux.serial.java") && name.endsWith(".dll"));
            if (copies != null) {
                for (File copy : copies) {
                    if (copy.lastModified() >= before) {
                        copy.delete(); // loaded already; fails harmlessly where a loaded library cannot be deleted
                    }
                }
            }
        }
        return serial;
    }

    private void apply(SerialSettings settings) throws Exception {
        serial.setBaudRate(BaudRate.forValue(settings.baudRate()));
        serial.setDataBits(settings.dataBits());
        serial.setParity(settings.parity());
        serial.setStopBits(settings.stopBits());
    }

    @Override
    public void configure(SerialSettings settings) throws IOException {
        try {
            apply(settings);
        } catch (Exception e) {
            throw new IOException("cannot switch serial port " + settings.port() + " to " + settings.line()
                    + ": " + e.getMessage(), e);
        }
        current = settings;
    }

    @Override
    public void write(byte[] data) throws IOException {
        try {
            serial.send(data, null);
        } catch (Exception e) {
            throw new LinkClosedException("writing to serial port " + current.port() + " failed: " + e.getMessage());
        }
    }

    @Override
    public byte[] read(int waitMillis) throws IOException {
        return inbound.poll(waitMillis, "serial port " + current.port() + " was closed");
    }

    @Override
    public void discardInput() {
        inbound.discard();
    }

    @Override
    public String describe() {
        return "serial " + current;
    }

    @Override
    public void close() {
        serial.close();
    }
}
