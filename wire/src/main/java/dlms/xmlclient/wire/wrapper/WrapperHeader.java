package dlms.xmlclient.wire.wrapper;

/**
 * The 8-byte header of a WRAPPER frame (IEC 62056-47, the TCP-UDP/IP profile), big-endian:
 * version (0x0001), source wPort, destination wPort, and the length of the APDU that follows.
 * The wPorts are the client's and the server's SAPs: from the client, source is the client.
 *
 * @param version 1 in every frame of the profile
 * @param source the sender's wPort
 * @param destination the receiver's wPort
 * @param length bytes of APDU after the header
 */
public record WrapperHeader(int version, int source, int destination, int length) {

    public static final int SIZE = 8;
    public static final int VERSION = 1;

    public WrapperHeader {
        if ((version | source | destination | length) >>> 16 != 0) {
            throw new IllegalArgumentException("a WRAPPER header field is 0 to 65535");
        }
    }

    /** @return the header of version 1 */
    public static WrapperHeader of(int source, int destination, int length) {
        return new WrapperHeader(VERSION, source, destination, length);
    }

    /** @return true when data[at, end) starts with version 00 01, whatever follows */
    public static boolean hasVersionAt(byte[] data, int at, int end) {
        return end - at >= 2 && u16(data, at) == VERSION;
    }

    /** @return true when data[at, end) holds a whole header of version 1 */
    public static boolean isAt(byte[] data, int at, int end) {
        return end - at >= SIZE && hasVersionAt(data, at, end);
    }

    /** @return the header at {@code at} whatever its version, null when fewer than 8 bytes are there */
    public static WrapperHeader decode(byte[] data, int at, int end) {
        if (end - at < SIZE) {
            return null;
        }
        return new WrapperHeader(u16(data, at), u16(data, at + 2), u16(data, at + 4), u16(data, at + 6));
    }

    public WrapperHeader withSource(int wPort) {
        return new WrapperHeader(version, wPort, destination, length);
    }

    public WrapperHeader withLength(int newLength) {
        return new WrapperHeader(version, source, destination, newLength);
    }

    public byte[] encode() {
        byte[] out = new byte[SIZE];
        put(out, 0);
        return out;
    }

    /** Writes the header at data[at, at + 8). */
    public void put(byte[] data, int at) {
        put16(data, at, version);
        put16(data, at + 2, source);
        put16(data, at + 4, destination);
        put16(data, at + 6, length);
    }

    private static int u16(byte[] data, int at) {
        return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
    }

    private static void put16(byte[] data, int at, int value) {
        data[at] = (byte) (value >>> 8);
        data[at + 1] = (byte) value;
    }
}
