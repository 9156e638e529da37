package dlms.xmlclient.wire.hdlc;

import java.util.Arrays;

/**
 * One HDLC frame where {@link HdlcDecoder} found it in a buffer: offsets into the buffer,
 * nothing copied, so that a caller may read or change the frame in place. A frame whose
 * header has come but whose closing flag has not (yet) is not whole: it has a header check
 * sequence to check and no information field.
 * <p>
 * Layout (IEC 62056-46 frame format type 3): flag, format (2 bytes), destination address,
 * source address, control, HCS (2 bytes, only when an information field follows), information,
 * FCS (2 bytes), flag. A frame without information field has one check sequence, right after
 * the control field; it is both its HCS and its FCS.
 *
 * @param buffer the bytes the frame is in
 * @param start offset of its opening flag
 * @param controlAt offset of its control field
 * @param closingFlag offset of its closing flag, -1 when the frame is not whole
 */
public record HdlcFrame(byte[] buffer, int start, int controlAt, int closingFlag) {

    public boolean isWhole() {
        return closingFlag >= 0;
    }

    /** @return offset after the frame (its closing flag, which may open the next frame, included) */
    public int end() {
        return closingFlag + 1;
    }

    /** @return the segmentation bit of the frame format: the information goes on in the next frame */
    public boolean isSegmented() {
        return HdlcFormat.isSegmented(buffer, start + 1);
    }

    /** @return the control field, 0 to 255 (see {@link HdlcControl}) */
    public int control() {
        return buffer[controlAt] & 0xFF;
    }

    /** @return the destination address, null when it is not 1, 2 or 4 bytes */
    public HdlcAddress destination() {
        return HdlcAddress.decode(buffer, start + 3, controlAt);
    }

    /** @return the source address, null when it is not 1, 2 or 4 bytes */
    public HdlcAddress source() {
        int destination = HdlcAddress.length(buffer, start + 3, controlAt);
        return HdlcAddress.decode(buffer, start + 3 + destination, controlAt);
    }

    /** @return true when the two bytes after the control field check the header */
    public boolean hasRightHcs() {
        return Fcs16.matches(buffer, start + 1, controlAt + 1);
    }

    /** @return true when the frame is whole and its last check sequence covers all before it */
    public boolean hasRightFcs() {
        return isWhole() && Fcs16.matches(buffer, start + 1, closingFlag - 2);
    }

    /** @return true when the whole frame has an information field (between HCS and FCS) */
    public boolean hasInformation() {
        return isWhole() && informationFrom() < informationTo();
    }

    /** @return offset of the information field's first byte (after the HCS) */
    public int informationFrom() {
        return controlAt + 3;
    }

    /** @return offset after the information field's last byte (where the FCS is) */
    public int informationTo() {
        return closingFlag - 2;
    }

    /** @return a copy of the information field, empty when there is none */
    public byte[] information() {
        return hasInformation() ? Arrays.copyOfRange(buffer, informationFrom(), informationTo()) : new byte[0];
    }

    /** @return a copy of the whole frame, both flags included */
    public byte[] bytes() {
        if (!isWhole()) {
            throw new IllegalStateException("the frame is not whole");
        }
        return Arrays.copyOfRange(buffer, start, end());
    }
}
