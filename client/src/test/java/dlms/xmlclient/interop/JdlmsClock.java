package dlms.xmlclient.interop;

import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemSnInterfaceObject;
import org.openmuc.jdlms.IllegalAttributeAccessException;
import org.openmuc.jdlms.datatypes.DataObject;
import org.openmuc.jdlms.datatypes.DataObject.Type;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Clock (class 8, version 0) 0.0.1.0.0.255 for the jDLMS server: time (attribute 2) is this machine's
 * UTC time plus whatever a Set moved it by, as a 12-byte date-time octet string with deviation 0;
 * time_zone 0, status 0. jDLMS calls the public get/set methods by reflection.
 */
@CosemClass(id = 8, version = 0)
public class JdlmsClock extends CosemSnInterfaceObject {

    static final int BASE_NAME = 0x0200;

    @CosemAttribute(id = 2, type = Type.OCTET_STRING, accessMode = AttributeAccessMode.READ_AND_WRITE, snOffset = 0x08)
    private DataObject time;

    @CosemAttribute(id = 3, type = Type.LONG_INTEGER, accessMode = AttributeAccessMode.READ_ONLY, snOffset = 0x10)
    private DataObject timeZone = DataObject.newInteger16Data((short) 0);

    @CosemAttribute(id = 4, type = Type.UNSIGNED, accessMode = AttributeAccessMode.READ_ONLY, snOffset = 0x18)
    private DataObject status = DataObject.newUInteger8Data((short) 0);

    private final Clock wallClock;
    private volatile Duration offset = Duration.ZERO;

    public JdlmsClock() {
        this(Clock.systemUTC());
    }

    JdlmsClock(Clock wallClock) {
        super(BASE_NAME, "0.0.1.0.0.255");
        this.wallClock = wallClock;
    }

    public DataObject getTime() {
        return DataObject.newOctetStringData(encode(wallClock.instant().plus(offset)));
    }

    public void setTime(DataObject value) throws IllegalAttributeAccessException {
        if (value.getType() != Type.OCTET_STRING) {
            throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
        }
        byte[] b = value.getValue();
        if (b.length != 12) {
            throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
        }
        ByteBuffer in = ByteBuffer.wrap(b);
        int year = in.getShort() & 0xFFFF;
        int month = in.get();
        int day = in.get();
        in.get(); // day of week
        int hour = in.get();
        int minute = in.get();
        int second = in.get();
        int hundredths = in.get() & 0xFF;
        short deviation = in.getShort();
        Instant set;
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second,
                    hundredths == 0xFF ? 0 : hundredths * 10_000_000);
            // Blue Book: deviation is the minutes from local time to UTC (0x8000: not specified)
            int minutes = deviation == (short) 0x8000 ? 0 : deviation;
            set = local.toInstant(ZoneOffset.UTC).plusSeconds(60L * minutes);
        } catch (RuntimeException e) {
            throw new IllegalAttributeAccessException(AccessResultCode.OTHER_REASON);
        }
        offset = Duration.between(wallClock.instant(), set);
    }

    /** A date-time octet string (12 bytes) in UTC, deviation 0, clock status 0. */
    static byte[] encode(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return ByteBuffer.allocate(12)
                .putShort((short) t.getYear())
                .put((byte) t.getMonthValue())
                .put((byte) t.getDayOfMonth())
                .put((byte) t.getDayOfWeek().getValue())
                .put((byte) t.getHour())
                .put((byte) t.getMinute())
                .put((byte) t.getSecond())
                .put((byte) (t.getNano() / 10_000_000))
                .putShort((short) 0)
                .put((byte) 0)
                .array();
    }
}
