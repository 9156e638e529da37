package dlms.xmlclient.decode;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A COSEM date-time (Blue Book 4.1.6.1: 12 octets, year to hundredths, deviation and clock
 * status) read as ISO 8601. The deviation is minutes from local time to UTC, so local
 * 12:00 with deviation -60 is {@code 12:00+01:00}. Fields the meter left "not specified"
 * print as {@code *}, which ISO has no word for.
 */
public final class CosemDateTime {

    private static final int NOT_SPECIFIED_DEVIATION = 0x8000;

    private CosemDateTime() {
    }

    /** The ISO reading of a 12-octet hex string, or null when it is no valid date-time. */
    public static String iso(String hex) {
        byte[] b;
        try {
            b = HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (b.length != 12) {
            return null;
        }
        int year = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int month = b[2] & 0xFF;
        int day = b[3] & 0xFF;
        int dayOfWeek = b[4] & 0xFF;
        int hour = b[5] & 0xFF;
        int minute = b[6] & 0xFF;
        int second = b[7] & 0xFF;
        int hundredths = b[8] & 0xFF;
        int deviation = (short) (((b[9] & 0xFF) << 8) | (b[10] & 0xFF));
        int status = b[11] & 0xFF;
        boolean valid = (month >= 1 && month <= 12 || month >= 0xFD)
                && (day >= 1 && day <= 31 || day >= 0xFD)
                && (dayOfWeek >= 1 && dayOfWeek <= 7 || dayOfWeek == 0xFF)
                && (hour <= 23 || hour == 0xFF) && (minute <= 59 || minute == 0xFF)
                && (second <= 59 || second == 0xFF) && (hundredths <= 99 || hundredths == 0xFF)
                && (Math.abs(deviation) <= 720 || (deviation & 0xFFFF) == NOT_SPECIFIED_DEVIATION);
        if (!valid) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        // Digits appended by hand, not String.format: a load profile's reply has hundreds of these.
        s.append(year == 0xFFFF ? "*" : pad(year, 4)).append('-')
                .append(month(month)).append('-').append(day(day)).append('T')
                .append(two(hour)).append(':').append(two(minute)).append(':').append(two(second));
        if (hundredths != 0 && hundredths != 0xFF) {
            s.append('.').append(pad(hundredths, 2));
        }
        if ((deviation & 0xFFFF) == NOT_SPECIFIED_DEVIATION) {
            s.append(" (deviation not specified)");
        } else if (deviation == 0) {
            s.append('Z');
        } else {
            int offset = -deviation;
            s.append(offset < 0 ? '-' : '+')
                    .append(pad(Math.abs(offset) / 60, 2)).append(':').append(pad(Math.abs(offset) % 60, 2));
        }
        String flags = status(status);
        if (!flags.isEmpty()) {
            s.append(", ").append(flags);
        }
        return s.toString();
    }

    private static String month(int month) {
        return switch (month) {
            case 0xFD -> "(DST end)";
            case 0xFE -> "(DST begin)";
            case 0xFF -> "*";
            default -> two(month);
        };
    }

    private static String day(int day) {
        return switch (day) {
            case 0xFD -> "(2nd last)";
            case 0xFE -> "(last)";
            default -> two(day);
        };
    }

    private static String two(int value) {
        return value == 0xFF ? "*" : pad(value, 2);
    }

    /** {@code value} (not negative) in at least {@code width} digits, zeros in front. */
    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** The clock status bits that say something (Blue Book 4.1.6.1), worded. */
    static String status(int status) {
        if (status == 0 || status == 0xFF) {
            return "";
        }
        List<String> words = new ArrayList<>();
        String[] bits = {"invalid value", "doubtful value", "different clock base", "invalid clock status"};
        for (int i = 0; i < bits.length; i++) {
            if ((status & (1 << i)) != 0) {
                words.add(bits[i]);
            }
        }
        if ((status & 0x80) != 0) {
            words.add("daylight saving active");
        }
        if ((status & 0x70) != 0) {
            words.add(String.format("reserved bits 0x%02X", status & 0x70));
        }
        return "status " + String.join(", ", words);
    }
}
