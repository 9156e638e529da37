package dlms.xmlclient.wire.hdlc;

/**
 * Writes HDLC frames (IEC 62056-46 frame format type 3) with their check sequences. Frames
 * from client to server and from server to client have the same format, destination address
 * first: the caller puts the addresses in the order of its direction.
 */
public final class HdlcEncoder {

    private HdlcEncoder() {
    }

    /**
     * @param information the information field (LLC bytes and APDU, a segment of one, or the
     *            parameters of an SNRM or UA); null or empty for a frame without one
     * @param segmented the segmentation bit: the information goes on in the next frame
     * @return the frame, both flags included: with an information field, an HCS after the
     *         control field and an FCS at the end; without, one check sequence after the control
     *         field
     */
    public static byte[] encode(HdlcAddress destination, HdlcAddress source, int control, byte[] information,
            boolean segmented) {
        int header = 3 + destination.size() + source.size() + 1; // flag, format, addresses, control
        int info = information == null ? 0 : information.length;
        byte[] frame = new byte[header + 2 + (info > 0 ? info + 2 : 0) + 1];
        frame[0] = (byte) HdlcDecoder.FLAG;
        HdlcFormat.put(frame, 1, frame.length - 2, segmented);
        destination.put(frame, 3);
        source.put(frame, 3 + destination.size());
        frame[header - 1] = (byte) control;
        if (info > 0) {
            System.arraycopy(information, 0, frame, header + 2, info);
        }
        frame[frame.length - 1] = (byte) HdlcDecoder.FLAG;
        seal(new HdlcFrame(frame, 0, header - 1, frame.length - 1));
        return frame;
    }

    /**
     * Writes the check sequences of a whole frame again, in place: after a change to its header
     * (the poll/final bit, say) or its information field.
     */
    public static void seal(HdlcFrame frame) {
        if (frame.hasInformation()) {
            Fcs16.put(frame.buffer(), frame.start() + 1, frame.controlAt() + 1);
        }
        Fcs16.put(frame.buffer(), frame.start() + 1, frame.closingFlag() - 2);
    }

    /**
     * @param frame one whole frame
     * @param source the source address to put in it, in its own form (1, 2 or 4 bytes)
     * @return a new frame with that source address, the frame length and check sequences
     *         written again; the rest (segmentation bit included) as it was
     * @throws IllegalArgumentException when {@code frame} is not one whole frame with 1-, 2- or
     *             4-byte addresses
     */
    public static byte[] withSource(byte[] frame, HdlcAddress source) {
        HdlcFrame f = HdlcDecoder.whole(frame);
        HdlcAddress destination = f == null ? null : f.destination();
        if (destination == null || f.source() == null) {
            throw new IllegalArgumentException("not one whole HDLC frame");
        }
        return encode(destination, source, f.control(), f.information(), f.isSegmented());
    }
}
