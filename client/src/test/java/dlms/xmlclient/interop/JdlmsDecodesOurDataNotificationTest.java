package dlms.xmlclient.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.cli.XmlClientCommand;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmuc.jdlms.internal.asn1.cosem.Data;
import org.openmuc.jdlms.internal.asn1.cosem.DataNotification;

/**
 * The simulator's DATA-NOTIFICATION, as it came over the socket in our client's trace, decoded by
 * jDLMS 1.7.1's own A-XDR decoder (an independent implementation of the Green Book's APDU): the
 * long-invoke-id-and-priority, the 12-byte date-time and the body's four values.
 */
@Tag("integration")
class JdlmsDecodesOurDataNotificationTest {

    /** The LLC header of a frame from the meter; the APDU follows it. */
    private static final String LLC = "E6 E7 00 ";

    @TempDir
    Path dir;

    @Test
    void jdlmsReadsTheNotificationThePushSampleReceives() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new XmlClientCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
                .run(new String[] {"-x", "messages/push/push-and-wait.xml", "-c", "17", "-a", "Low", "-P", "00000000",
                    "-o", dir.toString()});
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        String line = Files.readString(dir.resolve("trace.txt")).lines()
                .filter(l -> l.contains(" RX ") && l.contains(LLC + "0F ")).findFirst().orElseThrow();
        // One read may hold the action response and the notification: the notification's own frame.
        byte[] received = HexFormat.of().parseHex(line.substring(line.indexOf(" RX ") + 4).replace(" ", ""));
        byte[] apdu = null;
        for (int start = 0; start < received.length && apdu == null; start++) {
            HdlcFrame frame = HdlcDecoder.whole(received, start, received.length);
            int information = frame == null ? -1 : frame.controlAt() + 3 + 3; // control, HCS, LLC
            if (frame != null && information < frame.closingFlag() - 2 && received[information] == 0x0F) {
                apdu = Arrays.copyOfRange(received, information, frame.closingFlag() - 2); // FCS off
            }
        }
        assertTrue(apdu != null, "a whole frame with the notification: " + line);
        assertEquals(0x0F, apdu[0] & 0xFF, "data-notification tag");
        DataNotification decoded = new DataNotification();
        int length = decoded.decode(new ByteArrayInputStream(apdu, 1, apdu.length - 1));
        assertEquals(apdu.length - 1, length, "jDLMS reads the whole APDU, nothing left over");
        assertTrue(decoded.longInvokeIdAndPriority.getValue() >= 1, "the push's invoke id");
        assertEquals(12, decoded.dateTime.getValue().length, "date-time: an octet-string of 12");
        List<Data> body = decoded.notificationBody.dataValue.structure.list();
        assertEquals(4, body.size());
        assertArrayEquals(HexFormat.of().parseHex("0000190900FF"), body.get(0).octetString.getValue());
        assertEquals("12345678", new String(body.get(1).visibleString.getValue(), StandardCharsets.US_ASCII));
        assertArrayEquals(decoded.dateTime.getValue(), body.get(2).octetString.getValue(), "the clock's time");
        assertEquals(1094547, body.get(3).doubleLongUnsigned.getValue());
    }
}
