package gurux.dlms;

import gurux.dlms.enums.Command;
import gurux.dlms.enums.InterfaceType;

/**
 * gurux.dlms's own frame and cipher functions, for the session's framing of scripted PDUs.
 * {@code GXDLMSXmlClient} frames a PDU with these same functions, but its constructor first
 * builds a translator, tag tables and all, that a session never uses: a tenth of a fleet's
 * client time, since every association of every meter has a client of its own. This class is
 * ours; it sits in the library's package only to reach those package-private functions, so a
 * library upgrade that changes them fails the build, not a run (docs/developer-notes.md).
 */
public final class ScriptPduFrames {

    private ScriptPduFrames() {
    }

    /** The APDU as the glo- or ded- service that carries it, with the association's keys. */
    public static byte[] ciphered(GXDLMSSettings settings, int command, byte[] apdu) throws Exception {
        return GXDLMS.cipher0(new GXDLMSLNParameters(settings, 0, command, 0, null, null, 0xff, Command.NONE), apdu);
    }

    /**
     * The next HDLC frame of {@code data}, from its position on (it moves past what the frame
     * holds): an I-frame with the next sequence numbers when {@code control} is 0.
     */
    public static byte[] hdlcFrame(GXDLMSSettings settings, int control, GXByteBuffer data) {
        return GXDLMS.getHdlcFrame(settings, control, data);
    }

    /** The control field of the next I-frame of a PDU split over several. */
    public static int nextInformationControl(GXDLMSSettings settings) {
        return settings.getNextSend(false) & 0xFF;
    }

    /** The next WRAPPER frame of {@code data}, from its position on. */
    public static byte[] wrapperFrame(GXDLMSSettings settings, int command, GXByteBuffer data) {
        return GXDLMS.getWrapperFrame(settings, command, data);
    }

    /** Whether the interface frames with HDLC (HDLC itself, after mode E, over PLC). */
    public static boolean usesHdlc(InterfaceType type) {
        return GXDLMS.useHdlc(type);
    }
}
