package dlms.xmlclient.wire.hdlc;

import java.util.HexFormat;

/**
 * Real HDLC frames: the SNRM of IEC 62056-46 / the Green Book, and frames the client exchanged
 * with the built-in simulator ({@code -t Verbose}), one-byte addresses (client 17, server 1), a
 * 4-byte server address (logical 1, physical 6678: {@code -l 1 -n 12345678}, information
 * field 32, window 3) and a 2-byte one ({@code -l 1 -s 17}). The password of the segmented
 * AARQ (masked in the trace) is the one its FCS gives: "00000000".
 */
final class CapturedFrames {

    /** SNRM from client 16 to server 1, no parameters (the Green Book's example). */
    static final String GREEN_BOOK_SNRM = "7E A0 07 03 21 93 0F 01 7E";
    /** RR, N(R)=1, poll, client 16 to server 1. */
    static final String RR = "7E A0 07 03 21 31 17 87 7E";
    /** UA from server 1 to client 17 with the negotiated parameters (128 bytes, window 1). */
    static final String UA = "7E A0 1E 23 03 73 7B CF 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01"
            + " 53 3B 7E";
    /** I-frame N(S)=0 N(R)=0 poll: an AARQ without authentication, client 17 to server 1. */
    static final String AARQ = "7E A0 2B 03 23 10 4B 9C E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E"
            + " 01 00 00 00 06 5F 1F 04 00 42 1E 5D FF FF 19 35 7E";
    /** I-frame N(S)=0 N(R)=1 final: the AARE to it. */
    static final String AARE = "7E A0 37 23 03 30 D4 C9 E6 E7 00 61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00"
            + " A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 42 1E 5D 04 00 00 07 7F 97 7E";
    /** DISC, poll, client 17 to server 1. */
    static final String DISC = "7E A0 07 03 23 53 B3 F4 7E";
    /** SNRM with parameters to the 4-byte server address 1 / 6678 (value 23062). */
    static final String SNRM_4_BYTE = "7E A0 21 00 02 68 2D 23 93 8E 3B 81 80 12 05 01 20 06 01 20 07 04 00 00 00 03"
            + " 08 04 00 00 00 03 EC 33 7E";
    /** First segment of an AARQ with Low authentication: segmentation bit, and 7E in its HCS. */
    static final String AARQ_SEGMENT_1 = "7E A8 29 00 02 68 2D 23 10 4D 7E E6 E6 00 60 36 A1 09 06 07 60 85 74 05 08"
            + " 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 0E 5A 7E";
    /** Its last segment (I-frame N(S)=1 N(R)=0 poll, no LLC bytes). */
    static final String AARQ_SEGMENT_2 = "7E A0 2A 00 02 68 2D 23 12 8D D8 AC 0A 80 08 30 30 30 30 30 30 30 30 BE 10 04"
            + " 0E 01 00 00 00 06 5F 1F 04 00 42 1E 5D FF FF 14 26 7E";
    /** The server's RR for the next segment: N(R)=1, final, from 1 / 6678 to client 17. */
    static final String RR_4_BYTE = "7E A0 0A 23 00 02 68 2D 31 93 D7 7E";
    /** First segment of the AARE, from 1 / 6678 (I-frame N(S)=0 N(R)=2 final). */
    static final String AARE_SEGMENT_1 = "7E A8 29 23 00 02 68 2D 50 4D 43 E6 E7 00 61 29 A1 09 06 07 60 85 74 05 08"
            + " 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 21 EF 7E";
    /** SNRM with parameters to the 2-byte server address 1 / 17 (value 145). */
    static final String SNRM_2_BYTE = "7E A0 1F 02 23 23 93 91 D3 81 80 12 05 01 20 06 01 20 07 04 00 00 00 01 08 04"
            + " 00 00 00 01 45 27 7E";
    /** RNR, N(R)=1, final, from 1 / 6678 to client 17 (its check sequence computed apart, in Python). */
    static final String RNR_4_BYTE = "7E A0 0A 23 00 02 68 2D 35 B7 91 7E";
    /** SNRM from client 1 to server 1, no parameters, as the simulator received it. */
    static final String SNRM_CLIENT_1 = "7E A0 07 03 03 93 8C 11 7E";
    /** An exception-response the simulator sent: I-frame N(S)=3 N(R)=4 final, server 1 to client 1. */
    static final String EXCEPTION_RESPONSE = "7E A0 13 05 03 96 B5 21 E6 E7 00 D8 01 06 00 00 00 04 F2 B8 7E";

    private CapturedFrames() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.ofDelimiter(" ").parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}
