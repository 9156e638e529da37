package dlms.xmlclient.discover;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure tier: the object list as the run logs it, read back into objects and their declared access. */
class ObjectListReplyTest {

    /** One Register (class 3 version 0): value read-and-write with selectors 1 and 2, scaler_unit no-access. */
    private static final String REGISTER = """
            <Structure Qty="4">
              <UInt16 Value="3" />
              <UInt8 Value="0" />
              <OctetString Value="0100010800FF" />
              <Structure Qty="2">
                <Array Qty="3">
                  <Structure Qty="3"><Int8 Value="1" /><Enum Value="1" /><None /></Structure>
                  <Structure Qty="3"><Int8 Value="2" /><Enum Value="3" /><Array Qty="2"><Int8 Value="1" /><Int8 Value="2" /></Array></Structure>
                  <Structure Qty="3"><Int8 Value="3" /><Enum Value="0" /><None /></Structure>
                </Array>
                <Array Qty="1">
                  <Structure Qty="2"><Int8 Value="1" /><Boolean Value="true" /></Structure>
                </Array>
              </Structure>
            </Structure>
            """;

    private static String reply(String entries, int qty) {
        return "<GetResponse><GetResponseNormal><InvokeIdAndPriority Value=\"193\" /><Result><Data><Array Qty=\""
                + qty + "\">" + entries + "</Array></Data></Result></GetResponseNormal></GetResponse>";
    }

    @Test
    void eachEntryGivesTheObjectAndItsDeclaredAccess() {
        List<CosemObject> objects = ObjectListReply.parse(reply(REGISTER, 1));
        assertEquals(1, objects.size());
        CosemObject register = objects.get(0);
        assertEquals(3, register.classId());
        assertEquals("1.0.1.8.0.255", register.logicalName());
        assertEquals(List.of(1, 2, 3), register.attributes().stream().map(CosemObject.AttributeAccess::attribute).toList());
        assertTrue(register.attributes().get(0).readable());
        assertTrue(register.attributes().get(1).readable());
        assertTrue(register.attributes().get(1).writable());
        assertEquals(List.of(1, 2), register.attributes().get(1).selectors());
        assertFalse(register.attributes().get(2).readable());
        assertEquals("no-access", register.attributes().get(2).modeName());
        // version 0 of the association lists method access as a boolean
        assertTrue(register.methods().get(0).allowed());
    }

    @Test
    void aRefusedReadSaysWhatTheMeterAnswered() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ObjectListReply.parse(
                "<GetResponse><GetResponseNormal><InvokeIdAndPriority Value=\"193\" /><Result>"
                        + "<DataAccessError Value=\"ReadWriteDenied\" /></Result></GetResponseNormal></GetResponse>"));
        assertEquals("the meter refused to read the object list: ReadWriteDenied", e.getMessage());
    }

    @Test
    void anEntryWithoutASixByteLogicalNameIsNamedByItsPlace() {
        String broken = REGISTER.replace("0100010800FF", "0100");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ObjectListReply.parse(reply(REGISTER + broken, 2)));
        assertEquals("object_list entry 2: logical_name is not 6 bytes (0100)", e.getMessage());
    }
}
