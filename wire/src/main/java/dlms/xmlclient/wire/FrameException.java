package dlms.xmlclient.wire;

/**
 * Bytes that are not the frames they should be, from the strict decoders that take a captured
 * stream apart. The message names the frame (counted from 1) and says what is wrong with it in
 * terms of its bytes, so that a caller can show it as it is.
 */
public final class FrameException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param why what is wrong with the stream as a whole */
    public FrameException(String why) {
        super(why);
    }

    /**
     * @param frame the bad frame's number, from 1
     * @param why what is wrong with it
     */
    public FrameException(int frame, String why) {
        super("frame " + frame + ": " + why);
    }
}
