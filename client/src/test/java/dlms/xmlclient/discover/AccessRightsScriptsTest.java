package dlms.xmlclient.discover;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pure tier: what the write probes write back, and what they never touch. */
class AccessRightsScriptsTest {

    private static final AccessModes MODES = new AccessModes(2, RequestProtection.NONE);

    private static CosemObject object(int classId, String ln, int... attributes) {
        List<CosemObject.AttributeAccess> access = java.util.Arrays.stream(attributes)
                .mapToObj(a -> MODES.attribute(a, 3, List.of())).toList();
        return new CosemObject(classId, 0, ln, access, List.of(MODES.method(1, 0)));
    }

    private static List<AccessProbe.Kind> kinds(List<CosemObject> objects, Set<String> moved, boolean methods) {
        Map<String, String> values = new java.util.HashMap<>();
        for (CosemObject o : objects) {
            for (CosemObject.AttributeAccess a : o.attributes()) {
                // a name (literal); a number where the class rule says numbers move
                values.put(AccessRightsScripts.key(o, a.attribute()), o.classId() == 3 ? "<UInt32 Value=\"7\"/>"
                        : "<OctetString Value=\"4142\"/>");
            }
        }
        return AccessRightsScripts.of(objects, values, moved, methods).stream()
                .flatMap(s -> s.probes().stream()).map(AccessProbe::kind).toList();
    }

    @Test
    void aStaticWritableValueIsWrittenBackAndReadBack() {
        assertEquals(List.of(AccessProbe.Kind.READ, AccessProbe.Kind.WRITE_BACK, AccessProbe.Kind.READ_BACK),
                kinds(List.of(object(1, "0.0.42.0.0.255", 2)), Set.of(), false));
    }

    @Test
    void movingValuesAndTheProfileCaptureDefinitionAreNeverWritten() {
        CosemObject register = object(3, "1.0.1.8.0.255", 2); // a register's value moves by class
        CosemObject profile = object(7, "1.0.99.1.0.255", 3, 4, 8); // capture_objects, capture_period, entries
        CosemObject data = object(1, "0.0.96.15.0.255", 2); // literal by class, but seen moving
        assertEquals(List.of(AccessProbe.Kind.READ, AccessProbe.Kind.READ, AccessProbe.Kind.READ, AccessProbe.Kind.READ,
                AccessProbe.Kind.READ), kinds(List.of(register, profile, data),
                Set.of(AccessRightsScripts.key(data, 2)), false));
    }

    @Test
    void communicationAndSecuritySetupsAreNeverWritten() {
        assertEquals(List.of(AccessProbe.Kind.READ, AccessProbe.Kind.READ),
                kinds(List.of(object(41, "0.0.25.0.0.255", 2), object(64, "0.0.43.0.0.255", 2)), Set.of(), false));
    }

    @Test
    void methodsAreInvokedOnlyWhenAsked() {
        CosemObject o = object(1, "0.0.42.0.0.255", 1);
        assertEquals(List.of(AccessProbe.Kind.READ, AccessProbe.Kind.WRITE_BACK, AccessProbe.Kind.READ_BACK),
                kinds(List.of(o), Set.of(), false));
        assertEquals(List.of(AccessProbe.Kind.READ, AccessProbe.Kind.WRITE_BACK, AccessProbe.Kind.READ_BACK,
                AccessProbe.Kind.INVOKE), kinds(List.of(o), Set.of(), true));
    }
}
