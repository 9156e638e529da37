package dlms.xmlclient.wire.line;

import gurux.io.BaudRate;
import gurux.serial.GXSerial;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Set;

/**
 * A real serial port through gurux.serial's {@link GXSerial}, in event mode: its receive thread hands
 * each chunk to a {@link ChunkQueue}.
 * Loaded only when a serial port is used: gurux.serial copies its native library to a
 * temporary file to load it (see {@link #newSerial}).
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

    /**
     * A GXSerial, loading the native library once per JVM and leaving no temporary copy behind.
     * gurux.serial 1.0.27 never sets its {@code initialized} flag, so every {@code new GXSerial()}
     * would copy and load the library again (one more copy mapped per script): the flag is set
     * after the first load. The copy made by this load (the file that was not there before) is
     * deleted once loaded, which Linux allows; where it is not (Windows), it stays.
     */
    private static synchronized GXSerial newSerial() throws IOException {
        File tmp = new File(System.getProperty("java.io.tmpdir"));
        Set<String> before = copies(tmp);
        GXSerial serial;
        try {
            serial = new GXSerial();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IOException("gurux.serial cannot load its native library on this system: " + e.getMessage(), e);
        } finally {
            for (String name : copies(tmp)) {
                if (!before.contains(name)) {
                    new File(tmp, name).delete();
                }
            }
        }
        markLoaded();
        return serial;
    }

    private static Set<String> copies(File tmp) {
        String[] names = tmp.list((dir, name) -> name.startsWith("gurux.serial.java") && name.endsWith(".dll"));
        return names == null ? Set.of() : Set.of(names);
    }

    private static void markLoaded() {
        try {
            Field initialized = GXSerial.class.getDeclaredField("initialized");
            initialized.setAccessible(true);
            initialized.setBoolean(null, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another gurux.serial release: it loads the library again, as it was written to.
        }
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
