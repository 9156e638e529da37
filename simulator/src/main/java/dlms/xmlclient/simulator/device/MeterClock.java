package dlms.xmlclient.simulator.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;

import gurux.dlms.enums.ErrorCode;
import gurux.dlms.objects.GXDLMSClock;

/**
 * Clock (class 8) behaviour: every Clock object runs from the host's time plus an offset, in
 * UTC with deviation 0. Setting the time (attribute 2) or calling a time-adjusting method changes
 * only the offset, so a read after a Set returns the set time plus the time elapsed since, as a
 * real meter does.
 */
public final class MeterClock {

    private static final long QUARTER_MILLIS = 15 * 60 * 1000L;
    private static final long MINUTE_MILLIS = 60 * 1000L;
    private static final int MAX_SHIFT_SECONDS = 900;

    private final Clock source;
    private final Map<GXDLMSClock, Duration> offsets = new IdentityHashMap<>();

    /** @param source host time source (UTC) */
    public MeterClock(Clock source) {
        this.source = source;
    }

    /**
     * @param clock a Clock object of the device
     * @return the time that clock shows now
     */
    synchronized Instant now(GXDLMSClock clock) {
        return source.instant().plus(offsets.getOrDefault(clock, Duration.ZERO));
    }

    /**
     * @param clock a Clock object of the device
     * @return attribute 2 as DLMS data (octet-string of 12 bytes, tag included)
     */
    byte[] timeAttribute(GXDLMSClock clock) {
        return timeAttribute(now(clock));
    }

    /** Attribute 2 as DLMS data at a given instant (a push's values are captured at one). */
    static byte[] timeAttribute(Instant at) {
        byte[] time = DlmsDateTime.encode(at);
        byte[] data = new byte[2 + time.length];
        data[0] = 0x09; // octet-string
        data[1] = (byte) time.length;
        System.arraycopy(time, 0, data, 2, time.length);
        return data;
    }

    /**
     * Sets the time (attribute 2).
     *
     * @param clock a Clock object of the device
     * @param value the written value
     * @return the result of the Set
     */
    ErrorCode setTime(GXDLMSClock clock, Object value) {
        if (!(value instanceof byte[]) || ((byte[]) value).length != DlmsDateTime.LENGTH) {
            return ErrorCode.UNMATCHED_TYPE;
        }
        Instant time;
        try {
            time = DlmsDateTime.decode((byte[]) value);
        } catch (IllegalArgumentException e) {
            return ErrorCode.OTHER_REASON;
        }
        synchronized (this) {
            offsets.put(clock, Duration.between(source.instant(), time));
        }
        return ErrorCode.OK;
    }

    /**
     * Runs a Clock method: 1 adjust_to_quarter, 3 adjust_to_minute and 6 shift_time change the
     * time; 2 adjust_to_measuring_period, 4 adjust_to_preset_time and 5 preset_adjusting_time
     * are not supported and answer other-reason.
     *
     * @param clock a Clock object of the device
     * @param method method index
     * @param parameters method parameters
     * @return the action result
     */
    ErrorCode invoke(GXDLMSClock clock, int method, Object parameters) {
        switch (method) {
        case 1:
            roundTo(clock, QUARTER_MILLIS);
            return ErrorCode.OK;
        case 3:
            roundTo(clock, MINUTE_MILLIS);
            return ErrorCode.OK;
        case 6:
            return shift(clock, parameters);
        case 2:
        case 4:
        case 5:
            return ErrorCode.OTHER_REASON;
        default:
            return ErrorCode.READ_WRITE_DENIED;
        }
    }

    /** Rounds to the nearest multiple of the step; a half step rounds up (30 s to the next minute). */
    private synchronized void roundTo(GXDLMSClock clock, long step) {
        long millis = now(clock).toEpochMilli();
        long rounded = Math.floorDiv(millis + step / 2, step) * step;
        shiftBy(clock, Duration.ofMillis(rounded - millis));
    }

    private ErrorCode shift(GXDLMSClock clock, Object parameters) {
        if (!(parameters instanceof Number)) {
            return ErrorCode.UNMATCHED_TYPE;
        }
        int seconds = ((Number) parameters).intValue();
        if (seconds < -MAX_SHIFT_SECONDS || seconds > MAX_SHIFT_SECONDS) {
            return ErrorCode.OTHER_REASON;
        }
        shiftBy(clock, Duration.ofSeconds(seconds));
        return ErrorCode.OK;
    }

    private synchronized void shiftBy(GXDLMSClock clock, Duration by) {
        offsets.put(clock, offsets.getOrDefault(clock, Duration.ZERO).plus(by));
    }
}
