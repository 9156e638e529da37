package dlms.xmlclient.verdict;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecordedClocksTest {

    private static final Instant SENT = Instant.parse("2026-11-21T14:45:00Z");

    private static String reply(String value) {
        return "<GetResponse><Data><OctetString Value=\"" + value + "\" /></Data></GetResponse>";
    }

    @Test
    void theMetersCurrentTimeBecomesAClockPlaceholder() {
        // 14:45:02 UTC
        assertEquals(reply("${xmlunit.clock(30s)}"), RecordedClocks.withPlaceholders(reply("07EA0B15060E2D0200000000"), SENT, false));
    }

    @Test
    void aTimeFarFromTheRequestStaysLiteral() {
        String profileEntry = reply("07EA0101040000000000000000".substring(0, 24));
        assertEquals(profileEntry, RecordedClocks.withPlaceholders(profileEntry, SENT, false));
    }

    @Test
    void aDriftingClockGetsAWindowThatStillPassesAndShowsTheDrift() {
        // 14:47:10, 130 s ahead: rounded up to 3 minutes, plus one
        assertEquals(reply("${xmlunit.clock(4m)}"), RecordedClocks.withPlaceholders(reply("07EA0B15060E2F0A00000000"), SENT, false));
    }

    @Test
    void octetStringsThatAreNotDateTimesAreLeftAlone() {
        String serial = reply("53494D303030303030303031");
        assertEquals(serial, RecordedClocks.withPlaceholders(serial, SENT, true));
    }

    @Test
    void aClockTheScriptSetIsRecordedAsAWindowAroundTheTimeRead() {
        // 2026-03-01 12:00:00.02, far from the request: the clock was set
        assertEquals(reply("${xmlunit.clock(5s,2026-03-01T12:00:00Z)}"),
                RecordedClocks.withPlaceholders(reply("07EA0301070C000002000000"), SENT, true));
        assertEquals(reply("07EA0301070C000002000000"),
                RecordedClocks.withPlaceholders(reply("07EA0301070C000002000000"), SENT, false));
    }

    @Test
    void onlyAGetOfAClocksTimeIsAClockRead() {
        String get = "<GetRequest><GetRequestNormal><InvokeIdAndPriority Value=\"193\" /><AttributeDescriptor>"
                + "<ClassId Value=\"8\" /><InstanceId Value=\"0000010000FF\" /><AttributeId Value=\"%s\" />"
                + "</AttributeDescriptor></GetRequestNormal></GetRequest>";
        assertEquals(true, RecordedClocks.readsClockTime(String.format(get, 2)));
        assertEquals(true, RecordedClocks.readsClockTime(String.format(get, 2).replace(" />", "/>")), "as the loader serializes it");
        assertEquals(false, RecordedClocks.readsClockTime(String.format(get, 3)));
        assertEquals(false, RecordedClocks.readsClockTime(String.format(get, 2).replace("Get", "Set")));
    }
}
