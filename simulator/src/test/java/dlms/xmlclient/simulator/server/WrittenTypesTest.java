package dlms.xmlclient.simulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dlms.xmlclient.simulator.log.SimulatorLog;
import gurux.common.enums.TraceLevel;
import gurux.dlms.GXStructure;
import gurux.dlms.GXUInt8;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.objects.GXDLMSData;

/** Which written values a Data object, whose value is a CHOICE fixed by the instance, takes. */
class WrittenTypesTest {

    private static final SimulatorLog LOG = new SimulatorLog(null, null, TraceLevel.OFF);

    private static boolean refused(GXDLMSData data, Object value) {
        ValueEventArgs e = new ValueEventArgs(data, 2, 0, null);
        e.setValue(value);
        boolean refused = WrittenTypes.refusedUnmatched(e, LOG);
        assertEquals(refused ? ErrorCode.UNMATCHED_TYPE : ErrorCode.OK, e.getError());
        assertEquals(refused, e.getHandled());
        return refused;
    }

    @Test
    void aDataObjectWithNeitherTypeNorValueTakesAnyType() {
        GXDLMSData data = new GXDLMSData("0.0.96.1.9.255");
        assertFalse(refused(data, "text"));
        assertFalse(refused(data, new GXUInt8((short) 1)));
        assertFalse(refused(data, null));
    }

    @Test
    void aDataObjectWithAValueTakesOnlyItsType() {
        GXDLMSData data = new GXDLMSData("0.0.96.1.9.255");
        data.setValue(new byte[] {1, 2});
        assertFalse(refused(data, new byte[] {3}));
        assertTrue(refused(data, "text"));
        assertTrue(refused(data, null));
    }

    @Test
    void aStructureNeedsTheCurrentElementCountAndTypes() {
        GXDLMSData data = new GXDLMSData("0.0.96.1.9.255");
        data.setValue(structure(new GXUInt8((short) 1), "a"));
        assertFalse(refused(data, structure(new GXUInt8((short) 2), "b")));
        assertTrue(refused(data, structure(new GXUInt8((short) 2))));
        assertTrue(refused(data, structure("b", new GXUInt8((short) 2))));
    }

    private static GXStructure structure(Object... elements) {
        GXStructure s = new GXStructure();
        s.addAll(List.of(elements));
        return s;
    }
}
