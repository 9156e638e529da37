package dlms.xmlclient.simulator.log;

import java.io.ByteArrayOutputStream;

import dlms.xmlclient.wire.hdlc.HdlcControl;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFormat;
import dlms.xmlclient.wire.hdlc.LlcHeader;
import dlms.xmlclient.wire.wrapper.WrapperHeader;

/**
 * Hides a Low-level-security password in the frame trace. An AARQ carries the password in clear
 * in its calling-authentication-value (tag AC); with HLS that field is a random challenge, which
 * stays visible. The bytes are only masked for the trace: the meter gets them unchanged.
 * <p>
 * One mask follows one client's received bytes as a stream, whatever the chunks: an AARQ split
 * over HDLC segments (a small information field, 32 bytes say), a frame or WRAPPER APDU split
 * over several reads. Each byte is classified as it comes (frame header, information, check
 * sequence), the AARQ's bytes are gathered across segments, and a byte is hidden when the AARQ
 * read so far places it in the password: the BER headers before the password (mechanism name,
 * calling-authentication-value, its GraphicString) always come first. Not thread safe.
 */
public final class TraceMask {

    /** Shown instead of each password byte. */
    public static final String MASK = "**";

    private static final int FLAG = HdlcDecoder.FLAG;
    private static final int AARQ = 0x60;
    private static final int CALLING_AUTHENTICATION_VALUE = 0xAC;
    private static final int MECHANISM_NAME = 0x8B;
    /** Mechanism ids below this are no authentication (0) and Low (1). */
    private static final int FIRST_HLS_MECHANISM = 2;
    /** Longest HDLC frame: an 11-bit frame length, plus the flags. */
    private static final int MAX_FRAME = HdlcFormat.MAX_LENGTH + 2;
    /** Longest AARQ read for its password; the rest of a longer one is hidden. */
    private static final int MAX_AARQ = 4096;

    /** Bytes of the frame being read; its length is frameLength. */
    private final byte[] frame = new byte[MAX_FRAME];
    private int frameLength;
    /** Whole length of the frame being read (flags included), 0 while unknown. */
    private int frameTotal;
    private boolean wrapper;
    /** Offset of the control field of the HDLC frame being read, 0 while unknown. */
    private int control;
    /** The AARQ received so far, null when no AARQ is coming in. */
    private ByteArrayOutputStream aarq;
    /** True while the AARQ goes on in the next HDLC segment. */
    private boolean aarqContinues;
    /** Where the password is in the AARQ, once its headers have come; null until then. */
    private int[] passwordAt;
    /** True once an HDLC frame came: the stream is HDLC. */
    private boolean hdlcSeen;

    /**
     * @param frame bytes received or sent (a whole frame or a part of one)
     * @return them in hex, bytes separated by spaces, the password bytes of an AARQ shown as
     *         {@link #MASK}; the frame is read on its own
     */
    public static String toHex(byte[] frame) {
        return new TraceMask().hex(frame);
    }

    /**
     * @param chunk the next bytes of the stream
     * @return them in hex, bytes separated by spaces, password bytes shown as {@link #MASK}
     */
    String hex(byte[] chunk) {
        StringBuilder sb = new StringBuilder(chunk.length * 3);
        for (int i = 0; i != chunk.length; ++i) {
            if (i != 0) {
                sb.append(' ');
            }
            if (hidden(chunk[i])) {
                sb.append(MASK);
            } else {
                sb.append(Character.toUpperCase(Character.forDigit((chunk[i] >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(chunk[i] & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    /** Takes the next byte of the stream: @return true when it is a password byte */
    private boolean hidden(byte b) {
        if (frameLength == 0) {
            // A frame starts: HDLC at a flag (or at its frame format when one flag closed the
            // previous frame and opens this one), WRAPPER at its version 00 01; anything else
            // (a mode E sign-on, noise) is shown as it is.
            frameTotal = 0;
            control = 0;
            frame[1] = b; // where a frame format goes
            if (hdlcSeen && HdlcFormat.isType3(frame, 1)) {
                frame[frameLength++] = (byte) FLAG;
                wrapper = false;
            } else {
                wrapper = b != FLAG;
                if (wrapper && b != 0) {
                    return false;
                }
            }
        }
        if (frameLength == 1 && (b & 0xFF) == FLAG && !wrapper) {
            return false; // two flags: the first closed the previous frame
        }
        frame[frameLength++] = b;
        boolean hide = wrapper ? wrapperByte() : hdlcByte();
        if (frameTotal != 0 && frameLength >= frameTotal || frameLength == MAX_FRAME) {
            frameEnded();
        }
        return hide;
    }

    private boolean wrapperByte() {
        int at = frameLength - 1;
        if (at == 1 && frame[1] != 1) {
            frameLength = 0; // not a WRAPPER header: resynchronise
            return false;
        }
        if (at == WrapperHeader.SIZE - 1) {
            frameTotal = WrapperHeader.SIZE + WrapperHeader.decode(frame, 0, frameLength).length();
            aarq = null;
            if (frameTotal == WrapperHeader.SIZE) {
                frameLength = 0;
            }
            return false;
        }
        if (at < WrapperHeader.SIZE) {
            return false;
        }
        if (at == WrapperHeader.SIZE && (frame[at] & 0xFF) == AARQ) {
            aarq = new ByteArrayOutputStream();
        }
        return apduByte(frame[at]);
    }

    private boolean hdlcByte() {
        int at = frameLength - 1;
        hdlcSeen = true;
        if (at == 1 && !HdlcFormat.isType3(frame, 1)) {
            frameLength = 0; // not a type 3 frame: resynchronise
            return false;
        }
        if (at == 2) {
            frameTotal = HdlcFormat.length(frame, 1) + 2;
            return false;
        }
        if (control == 0) {
            // Known once the control field and the bytes of the shortest frame have come, in
            // time for the information field, which starts after the HCS.
            control = Math.max(0, HdlcDecoder.controlAt(frame, 0, frameLength));
            if (control == 0) {
                return false;
            }
        }
        int info = control + 3; // control, header check sequence
        if (at < info || at >= frameTotal - 3 || !isInformation()) {
            return false; // header, check sequence, flag, or not an I-frame
        }
        if (at == info) {
            if (!aarqContinues) {
                aarq = null;
            }
            aarqContinues = false;
        }
        if (aarq == null) {
            if (at - info == LlcHeader.SIZE && LlcHeader.isAt(frame, info, at)
                    && (frame[at] & 0xFF) == AARQ) {
                aarq = new ByteArrayOutputStream();
            } else {
                return false;
            }
        }
        return apduByte(frame[at]);
    }

    /** The frame is complete: an HDLC segment lets the AARQ go on in the next frame. */
    private void frameEnded() {
        if (!wrapper && control != 0 && isInformation()) {
            aarqContinues = aarq != null && HdlcFormat.isSegmented(frame, 1);
        } else if (!wrapper && control != 0) {
            aarq = null; // SNRM, DISC: no AARQ goes on
            aarqContinues = false;
        }
        if (!aarqContinues && !wrapper) {
            aarq = null;
        }
        frameLength = 0;
    }

    private boolean isInformation() {
        return HdlcControl.isInformation(frame[control] & 0xFF);
    }

    /** Adds a byte to the AARQ: @return true when it is a password byte */
    private boolean apduByte(byte b) {
        if (aarq == null) {
            return false;
        }
        int index = aarq.size();
        if (index == 0) {
            passwordAt = null;
        }
        if (passwordAt == null && index > MAX_AARQ) {
            return true; // an AARQ this long is no client's: nothing of it is shown
        }
        if (passwordAt == null) {
            passwordAt = password(aarq.toByteArray());
        }
        aarq.write(b);
        return passwordAt != null && index >= passwordAt[0] && index < passwordAt[1];
    }

    /**
     * @param aarq the start of an AARQ
     * @return where its LLS password is, {from, to}, as far as the bytes tell: null while the
     *         calling-authentication-value has not begun, or when the mechanism is HLS
     */
    private static int[] password(byte[] aarq) {
        int[] header = header(aarq, 0);
        if (header == null) {
            return null;
        }
        int mechanism = -1;
        for (int i = header[0]; i < aarq.length;) {
            int[] element = header(aarq, i);
            if (element == null) {
                return null;
            }
            int tag = aarq[i] & 0xFF;
            int valueEnd = element[0] + element[1];
            if (tag == MECHANISM_NAME) {
                if (valueEnd > aarq.length) {
                    return null;
                }
                mechanism = element[1] > 0 ? aarq[valueEnd - 1] & 0xFF : -1;
            } else if (tag == CALLING_AUTHENTICATION_VALUE) {
                if (mechanism >= FIRST_HLS_MECHANISM) {
                    return null; // a challenge, no secret
                }
                // The value is itself tagged: 80 (GraphicString) length password.
                int[] inner = header(aarq, element[0]);
                if (inner == null) {
                    return element[0] + 2 <= aarq.length ? new int[] {element[0], valueEnd}
                            : null;
                }
                return new int[] {inner[0], Math.min(valueEnd, inner[0] + inner[1])};
            }
            i = valueEnd;
        }
        return null;
    }

    /**
     * @return offset of the value and its length of the BER element (tag, length) at offset,
     *         null when it is cut short
     */
    private static int[] header(byte[] data, int offset) {
        int i = offset + 1;
        if (i >= data.length) {
            return null;
        }
        int length = data[i++] & 0xFF;
        if (length > 0x80) {
            int count = length & 0x7F;
            if (count > 2 || i + count > data.length) {
                return null;
            }
            length = 0;
            for (int n = 0; n != count; ++n) {
                length = length << 8 | data[i++] & 0xFF;
            }
        }
        return new int[] {i, length};
    }
}
