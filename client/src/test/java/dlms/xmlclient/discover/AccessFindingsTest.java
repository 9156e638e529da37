package dlms.xmlclient.discover;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Pure tier: a probe's reply held against the declaration, in words. */
class AccessFindingsTest {

    private static final CosemObject CLOCK = new CosemObject(8, 0, "0.0.1.0.0.255", List.of(), List.of());

    private static String data(String xml) {
        return "<GetResponse><GetResponseNormal><InvokeIdAndPriority Value=\"193\"/><Result><Data>" + xml
                + "</Data></Result></GetResponseNormal></GetResponse>";
    }

    private static String refusal(String result) {
        return "<GetResponse><GetResponseNormal><InvokeIdAndPriority Value=\"193\"/><Result><DataAccessError Value=\""
                + result + "\"/></Result></GetResponseNormal></GetResponse>";
    }

    private static String set(String result) {
        return "<SetResponse><SetResponseNormal><InvokeIdAndPriority Value=\"193\"/><Result Value=\"" + result
                + "\"/></SetResponseNormal></SetResponse>";
    }

    @Test
    void aReadAsDeclaredIsNoFinding() {
        assertNull(AccessFindings.finding(new AccessProbe(CLOCK, 3, AccessProbe.Kind.READ, "read-only", true, null),
                data("<Int16 Value=\"60\"/>")));
        assertNull(AccessFindings.finding(new AccessProbe(CLOCK, 3, AccessProbe.Kind.READ, "no-access", false, null),
                refusal("ReadWriteDenied")));
    }

    @Test
    void aDeclaredReadableAttributeThatIsRefusedSaysHow() {
        assertEquals("Clock 0.0.1.0.0.255 attribute 3 (time_zone): declared read-only; the read was refused:"
                + " ScopeOfAccessViolated", AccessFindings.finding(new AccessProbe(CLOCK, 3, AccessProbe.Kind.READ,
                "read-only", true, null), refusal("ScopeOfAccessViolated")));
    }

    @Test
    void aReadOnlyAttributeThatTakesASetIsAFinding() {
        assertEquals("Clock 0.0.1.0.0.255 attribute 3 (time_zone): declared read-only; a Set of the value just read"
                + " succeeded", AccessFindings.finding(new AccessProbe(CLOCK, 3, AccessProbe.Kind.WRITE_BACK,
                "read-only", false, "<Int16 Value=\"60\"/>"), set("Success")));
    }

    @Test
    void aValueThatDoesNotReadBackIsAFinding() {
        assertEquals("Clock 0.0.1.0.0.255 attribute 3 (time_zone): declared read-and-write; it reads back"
                + " <Int16 Value=\"0\"/>, not the value written <Int16 Value=\"60\"/>",
                AccessFindings.finding(new AccessProbe(CLOCK, 3, AccessProbe.Kind.READ_BACK, "read-and-write", true,
                        "<Int16 Value=\"60\"/>"), data("<Int16 Value=\"0\"/>")));
    }
}
