package dlms.xmlclient.simulator.device;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import gurux.dlms.GXDateTime;
import gurux.dlms.enums.DateTimeSkips;
import gurux.dlms.objects.GXDLMSAccount;
import gurux.dlms.objects.GXDLMSCharge;
import gurux.dlms.objects.GXDLMSCredit;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSTokenGateway;

/**
 * The date-time attributes of the payment metering objects. They are held as gurux.dlms's
 * {@link GXDateTime} but encoded here, as 12-byte octet-strings in UTC (deviation 0): gurux.dlms
 * 4.0.47 encodes them through the JVM's time zone, and the Charge's last_collection_time as a
 * date-time (tag 25) where the Blue Book has an octet-string.
 */
final class PaymentTimes {

    /** A date-time with every field "not specified" (Blue Book, date and time formats). */
    private static final byte[] NOT_SPECIFIED = {
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x80, 0x00, (byte) 0xFF};

    private PaymentTimes() {
    }

    static GXDateTime at(long epochSecond) {
        return at(Instant.ofEpochSecond(epochSecond));
    }

    static GXDateTime at(Instant time) {
        return new GXDateTime(Date.from(time));
    }

    static GXDateTime notSpecified() {
        GXDateTime dt = new GXDateTime();
        dt.getSkip().addAll(java.util.EnumSet.allOf(DateTimeSkips.class));
        return dt;
    }

    /**
     * @param target a payment metering object
     * @param index attribute index
     * @return the date-time held in that attribute, or null when the attribute is not one
     */
    static GXDateTime of(GXDLMSObject target, int index) {
        if (target instanceof GXDLMSAccount && index == 13) {
            return ((GXDLMSAccount) target).getAccountActivationTime();
        } else if (target instanceof GXDLMSAccount && index == 14) {
            return ((GXDLMSAccount) target).getAccountClosureTime();
        } else if (target instanceof GXDLMSCredit && index == 11) {
            return ((GXDLMSCredit) target).getPeriod();
        } else if (target instanceof GXDLMSCharge && index == 7) {
            return ((GXDLMSCharge) target).getUnitChargeActivationTime();
        } else if (target instanceof GXDLMSCharge && index == 10) {
            return ((GXDLMSCharge) target).getLastCollectionTime();
        } else if (target instanceof GXDLMSTokenGateway && index == 3) {
            return ((GXDLMSTokenGateway) target).getTime();
        }
        return null;
    }

    /** @return the 12 bytes of the date-time: UTC, or every field not specified */
    static byte[] encode(GXDateTime time) {
        if (time == null || time.getSkip().contains(DateTimeSkips.YEAR)) {
            return Arrays.copyOf(NOT_SPECIFIED, NOT_SPECIFIED.length);
        }
        return DlmsDateTime.encode(time.getMeterCalendar().toInstant());
    }
}
