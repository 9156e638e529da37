package dlms.xmlclient.wire.hdlc;

/**
 * The control field of an HDLC frame (IEC 62056-46, ISO/IEC 13239), as an int 0 to 255: an
 * I-frame (bit 0 clear) with its send and receive sequence numbers N(S), N(R); a supervisory
 * frame (bits 1..0 = 01) with N(R); or an unnumbered frame (bits 1..0 = 11). Bit 4 is the
 * poll bit in a command and the final bit in a response.
 */
public final class HdlcControl {

    /** The poll/final bit. */
    public static final int POLL_FINAL = 0x10;

    /** What a control field says the frame is; {@link #code} is the field without N(S), N(R) and P/F. */
    public enum Kind {
        I(0x00),
        RR(0x01),
        RNR(0x05),
        REJ(0x09),
        SREJ(0x0D),
        SNRM(0x83),
        DISC(0x43),
        UA(0x63),
        DM(0x0F),
        FRMR(0x87),
        UI(0x03),
        /** An unnumbered frame of another kind than those above. */
        OTHER_UNNUMBERED(-1);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private static final Kind[] SUPERVISORY = {Kind.RR, Kind.RNR, Kind.REJ, Kind.SREJ};
    private static final Kind[] UNNUMBERED = {Kind.SNRM, Kind.DISC, Kind.UA, Kind.DM, Kind.FRMR, Kind.UI};

    private HdlcControl() {
    }

    public static Kind kind(int control) {
        if (isInformation(control)) {
            return Kind.I;
        }
        if (isSupervisory(control)) {
            return SUPERVISORY[control >> 2 & 0x03];
        }
        int code = control & ~POLL_FINAL;
        for (Kind kind : UNNUMBERED) {
            if (kind.code == code) {
                return kind;
            }
        }
        return Kind.OTHER_UNNUMBERED;
    }

    public static boolean isInformation(int control) {
        return (control & 0x01) == 0;
    }

    public static boolean isSupervisory(int control) {
        return (control & 0x03) == 0x01;
    }

    public static boolean isPollFinal(int control) {
        return (control & POLL_FINAL) != 0;
    }

    /** @return N(S) of an I-frame */
    public static int sendSequence(int control) {
        return control >> 1 & 0x07;
    }

    /** @return N(R) of an I-frame or supervisory frame */
    public static int receiveSequence(int control) {
        return control >> 5 & 0x07;
    }

    /** @return the control field of an I-frame */
    public static int information(int sendSequence, int receiveSequence, boolean pollFinal) {
        return (receiveSequence & 0x07) << 5 | (pollFinal ? POLL_FINAL : 0) | (sendSequence & 0x07) << 1;
    }

    /** @return the control field of an RR, RNR, REJ or SREJ */
    public static int supervisory(Kind kind, int receiveSequence, boolean pollFinal) {
        if (!isSupervisory(kind.code)) {
            throw new IllegalArgumentException(kind + " is not a supervisory frame");
        }
        return (receiveSequence & 0x07) << 5 | (pollFinal ? POLL_FINAL : 0) | kind.code;
    }

    /** @return the control field of an SNRM, DISC, UA, DM, FRMR or UI */
    public static int unnumbered(Kind kind, boolean pollFinal) {
        if (kind.code < 0 || (kind.code & 0x03) != 0x03) {
            throw new IllegalArgumentException(kind + " is not an unnumbered frame");
        }
        return kind.code | (pollFinal ? POLL_FINAL : 0);
    }
}
