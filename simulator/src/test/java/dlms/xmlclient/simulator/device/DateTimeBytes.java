package dlms.xmlclient.simulator.device;

/** COSEM date-time octet strings (12 bytes) for tests. */
public final class DateTimeBytes {

    private DateTimeBytes() {
    }

    /** A date-time with day of week and hundredths not specified. */
    public static byte[] dateTime(int year, int month, int day, int hour,
            int minute, int second, int deviation) {
        return new byte[] {(byte) (year >> 8), (byte) year, (byte) month, (byte) day,
            (byte) 0xFF, (byte) hour, (byte) minute, (byte) second, (byte) 0xFF,
            (byte) (deviation >> 8), (byte) deviation, 0};
    }
}
