package dlms.xmlclient.simulator.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import gurux.dlms.enums.ObjectType;
import gurux.dlms.internal.GXCommon;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSPushSetup;

/**
 * The built-in Push setup's DATA-NOTIFICATION, byte by byte against the Green Book's APDU
 * (xDLMS data-notification, tag 15) and the Blue Book's A-XDR data types, from hex built by hand.
 */
class PushNotificationBytesTest {

    @Test
    void thePushSendsTheObjectListsValuesInADataNotification() {
        MeterClock clock = new MeterClock(Clock.fixed(Instant.parse("2026-12-05T21:22:48.32Z"), ZoneOffset.UTC));
        GXDLMSObjectCollection device = DefaultDevice.create();
        GXDLMSPushSetup push = (GXDLMSPushSetup) device.findByLN(ObjectType.PUSH_SETUP, PushSetups.PUSH_SETUP);
        byte[] apdu = new PushSetups(clock).notification(push, null, new ObjectBehaviours(clock)); // no association: no settings
        String expected = String.join(" ",
                "0F", //                      data-notification [15]
                "00 00 00 01", //              long-invoke-id-and-priority: invoke id 1, unconfirmed, normal priority
                "0C", //                       date-time: octet-string of 12 (A-XDR length, no tag)
                "07 EA 0C 05 06", //           2026-12-05, day of week 6 (Saturday)
                "15 16 30 20", //              21:22:48.32 (hundredths 0x20 = 32)
                "00 00 00", //                 deviation 0 (the meter's clock is UTC), clock status 0
                "02 04", //                    notification-body: structure of 4 (the push object list's length)
                "09 06 00 00 19 09 00 FF", //  octet-string: the push setup's logical name 0.0.25.9.0.255
                "0A 08 31 32 33 34 35 36 37 38", // visible-string "12345678": serial number
                "09 0C 07 EA 0C 05 06 15 16 30 20 00 00 00", // octet-string: the clock's time, as above
                "06 00 10 B3 93"); //          double-long-unsigned 1094547: A+ in Wh
        assertEquals(expected, GXCommon.toHex(apdu));
    }

    @Test
    void theNotificationsDateTimeAndTheClocksTimeInItsBodyAreOneInstant() {
        // A clock that moves on 10 ms at every look: the header and the body must not look twice.
        Clock ticking = new Clock() {
            private Instant now = Instant.parse("2026-12-05T21:22:48.32Z");

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant was = now;
                now = now.plusMillis(10);
                return was;
            }
        };
        MeterClock clock = new MeterClock(ticking);
        GXDLMSPushSetup push = (GXDLMSPushSetup) DefaultDevice.create().findByLN(ObjectType.PUSH_SETUP,
                PushSetups.PUSH_SETUP);
        String apdu = GXCommon.toHex(new PushSetups(clock).notification(push, null, new ObjectBehaviours(clock)));
        String header = apdu.substring("0F 00 00 00 01 0C ".length(), "0F 00 00 00 01 0C ".length() + 35);
        assertEquals(header, apdu.substring(apdu.indexOf("09 0C ") + "09 0C ".length()).substring(0, 35), apdu);
    }
}
