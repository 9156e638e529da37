package dlms.xmlclient.memo;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Bytes as a map key, compared by content. Several arrays are joined with their lengths, so
 * ({@code 01 02}, {@code 03}) and ({@code 01}, {@code 02 03}) are different keys.
 */
public final class ByteKey {

    private final byte[] bytes;
    private final int hash;

    private ByteKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** @param parts copied: the key does not change when the caller's arrays do */
    public static ByteKey of(byte[]... parts) {
        if (parts.length == 1) {
            return new ByteKey(parts[0].clone());
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            int n = part.length;
            joined.write(n >>> 24);
            joined.write(n >>> 16);
            joined.write(n >>> 8);
            joined.write(n);
            joined.write(part, 0, n);
        }
        return new ByteKey(joined.toByteArray());
    }

    /** @return how many bytes the key holds, to weigh it by */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
