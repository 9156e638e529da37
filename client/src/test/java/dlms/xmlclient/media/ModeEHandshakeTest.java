package dlms.xmlclient.media;

import dlms.xmlclient.wire.line.LinkTrace;
import dlms.xmlclient.wire.line.PtyPair;
import dlms.xmlclient.wire.line.RecordingTrace;
import dlms.xmlclient.wire.line.SerialLine;
import dlms.xmlclient.wire.line.SerialLines;
import dlms.xmlclient.wire.line.SerialSettings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The client's IEC 62056-21 sign-on over a pty pair, against a scripted meter on the other end
 * that answers byte for byte what a test gives it (the simulator's responder is tested end to
 * end in the CLI tests).
 */
@Tag("integration")
class ModeEHandshakeTest {

    private PtyPair pty;
    private SerialLine client;
    private SerialLine meter;
    private final RecordingTrace trace = new RecordingTrace();
    private final List<String> notes = trace.notes;
    private final List<String> sent = trace.sent;

    @BeforeEach
    void connect() throws Exception {
        pty = PtyPair.startOrSkip();
        client = SerialLines.open(SerialSettings.parse(pty.b() + ":300:7Even1"), trace);
        meter = SerialLines.open(SerialSettings.parse(pty.a() + ":300:7Even1"), LinkTrace.NONE);
    }

    @AfterEach
    void disconnect() {
        for (AutoCloseable end : new AutoCloseable[] {client, meter, pty}) {
            if (end != null) {
                try {
                    end.close();
                } catch (Exception e) {
                    // Closing the rest anyway.
                }
            }
        }
    }

    @Test
    void signOnReadsTheProposedRateAndSelectsHdlcModeE() throws Exception {
        CompletableFuture<byte[]> optionSelect = meterAnswers(false, "/GRX5\\2XMLSIM\r\n");
        int rate = new ModeEHandshake(client, trace, 2000).signOn(SerialSettings.parse("x:300:7Even1"));
        assertEquals(9600, rate);
        assertArrayEquals(new byte[] {6, '2', '5', '2', '\r', '\n'}, optionSelect.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("/?!\r\n", "\u0006252\r\n"), sent);
        assertTrue(notes.contains("meter identification /GRX5\\2XMLSIM\\r\\n: manufacturer GRX, proposes 9600 baud"),
                notes.toString());
    }

    @Test
    void anEchoingOpticalHeadIsRecognisedAndItsEchoesSkipped() throws Exception {
        CompletableFuture<byte[]> optionSelect = meterAnswers(true, "/ABC6\\2METER\r\n");
        int rate = new ModeEHandshake(client, trace, 2000).signOn(SerialSettings.parse("x:300:7Even1"));
        assertEquals(19200, rate);
        assertArrayEquals(new byte[] {6, '2', '6', '2', '\r', '\n'}, optionSelect.get(5, TimeUnit.SECONDS));
        assertTrue(notes.contains("the optical head echoes what we send"), notes.toString());
        assertTrue(client.read(300) == null, "the option select's echo was read, nothing is left");
    }

    @Test
    void aNoiseByteAndParityBitsAroundTheIdentificationAreIgnored() throws Exception {
        byte[] identification = "/GRX5\\2XMLSIM\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] onTheWire = new byte[identification.length + 1];
        onTheWire[0] = (byte) 0xFF; // an optical head waking up
        for (int i = 0; i < identification.length; i++) {
            // even parity in bit 7, as a 7E1 meter sends it to a port left at 8 data bits
            onTheWire[i + 1] = (byte) (identification[i] | (Integer.bitCount(identification[i]) % 2 == 1 ? 0x80 : 0));
        }
        CompletableFuture<byte[]> optionSelect = meterAnswers(false, onTheWire);
        assertEquals(9600, new ModeEHandshake(client, trace, 2000).signOn(SerialSettings.parse("x:300:7Even1")));
        assertArrayEquals(new byte[] {6, '2', '5', '2', '\r', '\n'}, optionSelect.get(5, TimeUnit.SECONDS));
    }

    @Test
    void anUnknownBaudCharacterIsOneLineNamingIt() {
        meterAnswers(false, "/GRXZ\\2XMLSIM\r\n");
        IOException e = assertThrows(IOException.class,
                () -> new ModeEHandshake(client, trace, 2000).signOn(SerialSettings.parse("x:300:7Even1")));
        assertEquals("IEC 62056-21 sign-on: unknown baud rate character 'Z' in the identification"
                + " /GRXZ\\2XMLSIM\\r\\n (mode E knows 0-6: 300-19200 baud)", e.getMessage());
    }

    @Test
    void aSilentMeterIsATimeoutNamingWhatToCheck() {
        IOException e = assertThrows(IOException.class,
                () -> new ModeEHandshake(client, trace, 300).signOn(SerialSettings.parse("x:300:7Even1")));
        assertEquals("IEC 62056-21 sign-on: no identification from the meter within 300 ms (check the port,"
                + " the optical head and that the meter speaks mode E; a meter left in HDLC by a broken exchange signs on"
                + " again after its inactivity time-out)", e.getMessage());
    }

    @Test
    void anAnswerThatIsNoIdentificationIsQuoted() {
        meterAnswers(false, "ERROR\r\n");
        IOException e = assertThrows(IOException.class,
                () -> new ModeEHandshake(client, trace, 2000).signOn(SerialSettings.parse("x:300:7Even1")));
        assertEquals("IEC 62056-21 sign-on: the meter answered 'ERROR\\r\\n', not an identification (/XXXZ...)",
                e.getMessage());
    }

    /**
     * The scripted meter: waits for the request, echoes it when asked, answers the identification,
     * echoes the option select when asked, and hands the option select to the test.
     */
    private CompletableFuture<byte[]> meterAnswers(boolean echo, String identification) {
        return meterAnswers(echo, identification.getBytes(StandardCharsets.US_ASCII));
    }

    private CompletableFuture<byte[]> meterAnswers(boolean echo, byte[] identification) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                byte[] request = PtyPair.readAll(meter, 5);
                assertEquals("/?!\r\n", new String(request, StandardCharsets.US_ASCII));
                if (echo) {
                    meter.write(request);
                }
                meter.write(identification);
                byte[] ack = PtyPair.readAll(meter, 6);
                if (echo) {
                    meter.write(ack);
                }
                return ack;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
