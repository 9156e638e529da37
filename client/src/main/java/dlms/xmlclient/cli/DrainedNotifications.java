package dlms.xmlclient.cli;

import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.wrapper.WrapperHeader;
import dlms.xmlclient.session.PlainTranslator;
import gurux.dlms.GXDLMSTranslator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code listen}: notifications a calling meter sent that no script waited for (between scripts,
 * before the first, or between requests), found among the bytes the session dropped before each
 * request, and kept as XML in {@code <out>/<meter>/notifications.xml}. Recorded, not checked: a
 * script's {@code <WaitForNotification>} is the place to check one.
 */
final class DrainedNotifications {

    static final String FILE = "notifications.xml";
    /** The translator's names of the unsolicited services. */
    private static final Set<String> NOTIFICATIONS = Set.of("DataNotification", "EventNotificationRequest",
            "InformationReportRequest");

    private DrainedNotifications() {
    }

    /** @return each whole notification in the bytes, as Gurux XML, in the order they came */
    static List<String> in(byte[] drained, boolean wrapper) {
        GXDLMSTranslator translator = PlainTranslator.of(true);
        List<String> found = new ArrayList<>();
        int p = 0;
        while (p < drained.length) {
            int end = wrapper ? wrapperEnd(drained, p) : hdlcEnd(drained, p);
            if (end < 0) {
                p++;
                continue;
            }
            String xml = translated(translator, Arrays.copyOfRange(drained, p, end));
            if (xml != null && NOTIFICATIONS.contains(xml.strip().split("[\\s/>]", 2)[0].substring(1))) {
                found.add(xml.strip());
            }
            p = wrapper ? end : end - 1; // an HDLC closing flag may open the next frame
        }
        return found;
    }

    /** Writes the notifications found, if any, to the meter's folder. */
    static void keep(Path dir, List<String> notifications) throws IOException {
        if (notifications.isEmpty()) {
            return;
        }
        StringBuilder file = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Messages>\n");
        for (int i = 0; i < notifications.size(); i++) {
            file.append("  <!-- notification ").append(i + 1).append(": unsolicited, no script waited for it -->\n");
            notifications.get(i).lines().forEach(line -> file.append("  ").append(line).append('\n'));
        }
        file.append("</Messages>\n");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(FILE), file, StandardCharsets.UTF_8);
    }

    private static String translated(GXDLMSTranslator translator, byte[] frame) {
        try {
            return translator.messageToXml(frame);
        } catch (Exception e) {
            return null; // not a frame the translator reads: not a notification we can record
        }
    }

    /** @return the end (exclusive) of a whole HDLC frame starting at p, or -1 */
    private static int hdlcEnd(byte[] d, int p) {
        if ((d[p] & 0xFF) != HdlcDecoder.FLAG) {
            return -1;
        }
        HdlcFrame frame = HdlcDecoder.whole(d, p, d.length);
        return frame == null || !frame.hasRightFcs() ? -1 : frame.closingFlag() + 1;
    }

    /** @return the end (exclusive) of a whole WRAPPER frame starting at p, or -1 */
    private static int wrapperEnd(byte[] d, int p) {
        WrapperHeader header = WrapperHeader.decode(d, p, d.length);
        if (header == null || header.version() != WrapperHeader.VERSION || header.length() == 0) {
            return -1;
        }
        long end = (long) p + WrapperHeader.SIZE + header.length();
        return end <= d.length ? (int) end : -1;
    }
}
