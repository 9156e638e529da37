package dlms.xmlclient.simulator.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSProfileGeneric;

/** Selective access parameters as gurux.dlms parses them: structures become lists. */
class ProfileSelectionTest {

    private static final byte[] CLOCK_LN = {0, 0, 1, 0, 0, (byte) 255};
    private static final byte[] ENERGY_LN = {1, 0, 1, 8, 0, (byte) 255};

    private final GXDLMSProfileGeneric pg = (GXDLMSProfileGeneric) DefaultDevice.create()
            .findByLN(ObjectType.PROFILE_GENERIC, DefaultDevice.LOAD_PROFILE);

    @Test
    void entryRangeIsOneBasedAndInclusive() throws Exception {
        ProfileSelection s = ProfileSelection.of(pg, 2, List.of(3L, 12L, 1, 0));
        assertEquals(10, s.rows().length);
        assertEquals(2, s.rows()[0]);
        assertArrayEquals(new int[] {0, 1}, s.columns());
    }

    @Test
    void entryZeroMeansTheNewestEntryAndTheLastColumn() throws Exception {
        ProfileSelection s = ProfileSelection.of(pg, 2, List.of(671L, 0L, 2, 0));
        assertArrayEquals(new int[] {670, 671}, s.rows());
        assertArrayEquals(new int[] {1}, s.columns());
    }

    @Test
    void entriesBeyondTheBufferSelectNoRows() throws Exception {
        assertEquals(0, ProfileSelection.of(pg, 2, List.of(673L, 700L, 1, 2)).rows().length);
        assertEquals(2, ProfileSelection.of(pg, 2, List.of(671L, 700L, 1, 2)).rows().length);
    }

    @Test
    void columnsOutsideTheCaptureObjectsAreRefused() {
        ProfileSelection.Refused e = assertThrows(ProfileSelection.Refused.class,
                () -> ProfileSelection.of(pg, 2, List.of(1L, 2L, 3, 3)));
        assertEquals(ErrorCode.OTHER_REASON, e.result());
    }

    @Test
    void rangeSelectsRowsWithTheRestrictingValueBetweenFromAndTo() throws Exception {
        List<Object> clock = List.of(8, CLOCK_LN, (byte) 2, 0);
        ProfileSelection s = ProfileSelection.of(pg, 1, List.of(clock,
                DateTimeBytes.dateTime(2026, 1, 2, 0, 0, 0, 0x8000),
                DateTimeBytes.dateTime(2026, 1, 2, 23, 45, 0, 0), List.of()));
        assertEquals(96, s.rows().length);
        assertEquals(96, s.rows()[0]);
        assertArrayEquals(new int[] {0, 1}, s.columns());
    }

    @Test
    void rangeSelectedValuesPickColumns() throws Exception {
        List<Object> clock = List.of(8, CLOCK_LN, (byte) 2, 0);
        List<Object> energy = List.of(3, ENERGY_LN, (byte) 2, 0);
        ProfileSelection s = ProfileSelection.of(pg, 1, List.of(clock,
                DateTimeBytes.dateTime(2026, 1, 1, 0, 0, 0, 0),
                DateTimeBytes.dateTime(2026, 1, 1, 0, 15, 0, 0), List.of(energy)));
        assertArrayEquals(new int[] {0, 1}, s.rows());
        assertArrayEquals(new int[] {1}, s.columns());
    }

    @Test
    void rangeOnAnObjectThatIsNotCapturedIsRefused() {
        List<Object> other = List.of(8, new byte[] {0, 0, 1, 0, 1, (byte) 255}, (byte) 2, 0);
        assertThrows(ProfileSelection.Refused.class, () -> ProfileSelection.of(pg, 1,
                List.of(other, DateTimeBytes.dateTime(2026, 1, 1, 0, 0, 0, 0),
                        DateTimeBytes.dateTime(2026, 1, 2, 0, 0, 0, 0), List.of())));
    }

    @Test
    void malformedParametersAreRefused() {
        assertThrows(ProfileSelection.Refused.class,
                () -> ProfileSelection.of(pg, 2, List.of(1L, 2L)));
        assertThrows(ProfileSelection.Refused.class, () -> ProfileSelection.of(pg, 1, 5));
        ProfileSelection.Refused e = assertThrows(ProfileSelection.Refused.class,
                () -> ProfileSelection.of(pg, 3, null));
        assertEquals(ErrorCode.READ_WRITE_DENIED, e.result());
    }
}
