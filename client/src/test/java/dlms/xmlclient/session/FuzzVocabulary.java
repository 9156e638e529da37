package dlms.xmlclient.session;

import static dlms.xmlclient.session.FuzzFrames.hex;

import java.util.List;

/** The bytes and APDUs the mutator draws from, beside random ones. */
final class FuzzVocabulary {

    /** Bytes that mean something somewhere: flags, BER length forms, A-XDR tags, extremes. */
    static final int[] INTERESTING = {0x00, 0x01, 0x02, 0x03, 0x04, 0x7E, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84,
        0x88, 0xA0, 0xA8, 0xC0, 0xC1, 0xE6, 0xE7, 0xFE, 0xFF};
    /** A-XDR data type tags, and a few that are not. */
    static final int[] TYPE_TAGS = {0, 1, 2, 3, 4, 5, 6, 9, 10, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23,
        24, 25, 26, 27, 28, 0x1E, 0x24, 0x7F, 0xFF};
    /** APDU tags a meter may send, and some it may not. */
    static final int[] COMMANDS = {0x08, 0x0C, 0x0D, 0x0E, 0x0F, 0x18, 0x28, 0x2C, 0x2D, 0x2E, 0x61, 0x63,
        0xC2, 0xC4, 0xC5, 0xC7, 0xCC, 0xCD, 0xCF, 0xD4, 0xD5, 0xD7, 0xD8, 0xDA, 0xDB, 0xDC, 0xDD, 0xDF, 0xE0, 0xE7,
        0x00, 0xFF};
    /** Hand-made replies: exception responses, confirmed-service-errors, odd blocks and lists. */
    static final List<byte[]> TEMPLATES = List.of(
            hex("D80105"), hex("D8010600000000"), hex("D802FF"), hex("D8"), hex("0E010601"), hex("0E0A0000"),
            hex("0E"), hex("C401C10100"), hex("C401C1010B"), hex("C402C10000000001000401020304"),
            hex("C402C100FFFFFFFF00820100"), hex("C402C101000000020100"), hex("C402C10000000000008400000010"),
            hex("C403C1020009023132"), hex("C403C10000"), hex("C403C1FF"), hex("C501C100"), hex("C501C1FA"),
            hex("C502C1000000000100"), hex("C503C103000102"), hex("C701C10001000F05"), hex("C701C100010101"),
            hex("C702C1000000000101020304"), hex("0C01000F05"), hex("0C0101FF"), hex("0C0102000000000100"),
            hex("0D0100"), hex("0D01010B"), hex("C40100"), hex("C401"), hex("E0C0000000010000"),
            hex("E08000010000000004C401C100"), hex("0F000000010C07E6010101000000FF80000003"),
            hex("C2000008000001000FF0"), hex("6100"), hex("6103A101"), hex("63"), hex("6303800100"),
            hex("CC00"), hex("CC0530000000"), hex("DB083132333435363738"), hex("DD00"));

    private FuzzVocabulary() {
    }
}
