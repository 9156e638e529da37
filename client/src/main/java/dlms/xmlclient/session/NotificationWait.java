package dlms.xmlclient.session;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.InterfaceType;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import dlms.xmlclient.wire.wrapper.WrapperHeader;

import java.io.IOException;

/**
 * A script's {@code <WaitForNotification Timeout="ms"/>}: the next unsolicited notification from
 * the meter (DataNotification, EventNotification), one kept from an earlier exchange first, else
 * the next to arrive within the timeout, as Gurux XML like any reply. Other frames that arrive
 * meanwhile are not notifications and are dropped (traced). A notification in general-glo-ciphering
 * is deciphered with the association's keys ({@link CipheredNotification}); other ciphered forms
 * are named, never passed as plain.
 */
final class NotificationWait {

    /** The wait wakes up this often to see whether the run was interrupted. */
    private static final int SLICE_MILLIS = 250;

    private NotificationWait() {
    }

    /** The reply of a wait for none during which none came. */
    static final String NONE = "<NoNotification />";

    static String await(Connection c, int timeoutMillis, boolean noneExpected) throws SessionException {
        byte[] kept = c.client.notifications.next();
        if (kept != null) {
            return xml(kept, c);
        }
        GXByteBuffer buffer = new GXByteBuffer();
        buffer.set(c.reader.takeUnread());
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            byte[] frame = nextNotification(buffer, c);
            if (frame != null) {
                return xml(frame, c);
            }
            String interruption = c.interruption.get();
            if (interruption != null) {
                throw SessionException.stopped("stopped: " + interruption);
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0 && noneExpected) {
                c.trace.note("no notification from the meter within " + timeoutMillis + " ms, as the script expects");
                return NONE;
            }
            if (left <= 0) {
                throw new SessionException(SessionException.Kind.EXCHANGE, "no notification from the meter within "
                        + timeoutMillis + " ms (<WaitForNotification Timeout=\"" + timeoutMillis + "\"/>)");
            }
            byte[] chunk;
            try {
                chunk = c.link.receive((int) Math.min(left, SLICE_MILLIS));
            } catch (IOException e) {
                throw new SessionException(SessionException.Kind.EXCHANGE, "waiting for a notification: "
                        + e.getMessage(), e);
            }
            if (chunk != null) {
                c.trace.received(chunk);
                buffer.set(chunk);
            }
        }
    }

    /** @return the first whole notification frame in the buffer (frames before it dropped), or null */
    private static byte[] nextNotification(GXByteBuffer buffer, Connection c) {
        while (buffer.available() > 0) {
            int start = buffer.position();
            GXReplyData data = new GXReplyData();
            GXReplyData notify = new GXReplyData();
            boolean complete;
            try {
                complete = c.client.readFrame(buffer, data, notify);
            } catch (Exception e) {
                c.trace.note("dropped " + (buffer.size() - start) + " bytes while waiting for a notification: "
                        + Session.oneLine(e));
                buffer.clear();
                return null;
            }
            if (notify.getCommand() != Command.NONE || data.getCommand() == Command.DATA_NOTIFICATION
                    || data.getCommand() == Command.EVENT_NOTIFICATION
                    || data.getCommand() == Command.GENERAL_GLO_CIPHERING) {
                byte[] frame = buffer.subArray(start, buffer.position() - start);
                buffer.trim();
                return frame;
            }
            if (!complete) {
                buffer.position(start); // the rest of the frame is still coming
                return null;
            }
            c.trace.note("dropped a frame that is no notification while waiting for one");
            buffer.trim();
        }
        return null;
    }

    private static String xml(byte[] frame, Connection c) throws SessionException {
        GXDLMSTranslator translator = PlainTranslator.of(true);
        String xml;
        try {
            xml = translator.messageToXml(frame);
        } catch (Exception e) {
            throw new SessionException(SessionException.Kind.EXCHANGE, "the notification cannot be translated to XML: "
                    + Session.oneLine(e) + " (its frame is in trace.txt)", e);
        }
        String element = xml.strip().split("[\\s/>]", 2)[0].substring(1);
        if (element.equals("GeneralGloCiphering")) {
            SecuritySettings keys = c.settings.security();
            byte[] plain = CipheredNotification.decipher(apdu(frame, c.settings.interfaceType()),
                    SecuritySettings.bytes(keys.blockCipherKey()), SecuritySettings.bytes(keys.authenticationKey()));
            c.trace.plain(false, plain);
            try {
                xml = translator.pduToXml(plain);
            } catch (Exception e) {
                throw new SessionException(SessionException.Kind.EXCHANGE, "the deciphered notification cannot be"
                        + " translated to XML: " + Session.oneLine(e) + " (its frame is in trace.txt)", e);
            }
            element = xml.strip().split("[\\s/>]", 2)[0].substring(1);
        }
        if (element.contains("Ciphering") || element.startsWith("glo") || element.startsWith("ded")) {
            throw new SessionException(SessionException.Kind.EXCHANGE, "a ciphered notification arrived (" + element
                    + "): only general-glo-ciphering is deciphered; its frame is in trace.txt");
        }
        c.trace.note("notification from the meter taken by <WaitForNotification>");
        return xml;
    }

    /** The APDU of a whole HDLC frame (after the LLC header) or WRAPPER frame (after its header). */
    static byte[] apdu(byte[] frame, InterfaceType interfaceType) {
        if (interfaceType == InterfaceType.WRAPPER) {
            return java.util.Arrays.copyOfRange(frame, WrapperHeader.SIZE, frame.length);
        }
        HdlcFrame hdlc = HdlcDecoder.whole(frame);
        int information = hdlc.controlAt() + 3 + 3; // control, HCS, LLC header
        return java.util.Arrays.copyOfRange(frame, information, hdlc.closingFlag() - 2);
    }
}
