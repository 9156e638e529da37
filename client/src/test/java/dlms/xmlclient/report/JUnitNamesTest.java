package dlms.xmlclient.report;

import dlms.xmlclient.run.ScriptFinder;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.script.ScriptLoader;
import dlms.xmlclient.script.Step;
import gurux.dlms.enums.InterfaceType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JUnitNamesTest {

    private static String get(int classId, String instance, int attribute) {
        return "<GetRequest><GetRequestNormal><InvokeIdAndPriority Value=\"193\" /><AttributeDescriptor>"
                + "<ClassId Value=\"" + classId + "\" /><InstanceId Value=\"" + instance + "\" />"
                + "<AttributeId Value=\"" + attribute + "\" /></AttributeDescriptor></GetRequestNormal></GetRequest>";
    }

    private static String name(String requestXml) {
        return JUnitNames.of(RequestTarget.of(requestXml));
    }

    private static List<Step> steps(String... requests) {
        List<Step> steps = new ArrayList<>();
        for (String xml : requests) {
            // Numbers and lines as a loader gives them: by position.
            steps.add(new Step(steps.size() + 1, 4 + 10 * steps.size(), null, xml, null, 0, 0));
        }
        return steps;
    }

    @Test
    void theClassNameIsThePathBelowXDottedWithoutXml() {
        assertEquals("action.x", JUnitNames.className("action/x.xml"));
        assertEquals("get-serial-number", JUnitNames.className("get-serial-number.xml"));
        assertEquals("load-profile.whole", JUnitNames.className("load-profile/whole.XML"));
    }

    @Test
    void aDotInAFolderOrFileNameCannotSplitTheClassName() {
        assertEquals("registers.1_0_1_8_0_255", JUnitNames.className("registers/1.0.1.8.0.255.xml"));
        assertEquals("v1_2.a_b", JUnitNames.className("v1.2/a.b.xml"));
    }

    @Test
    void inAFleetTheMeterIsTheFirstPackage() {
        assertEquals("meter-01.clock.1-read", JUnitNames.className("meter-01", "clock/1-read.xml"));
        assertEquals("site_a_7.x", JUnitNames.className("site.a.7", "x.xml"));
    }

    @Test
    void aRequestIsNamedByItsServiceObjectAndMember() {
        assertEquals("Get 1.0.1.8.0.255 attribute 2", name(get(3, "0100010800FF", 2)));
        assertEquals("Set 0.0.1.0.0.255 attribute 2", name("<SetRequest><SetRequestNormal><AttributeDescriptor>"
                + "<ClassId Value=\"8\" /><InstanceId Value=\"0000010000FF\" /><AttributeId Value=\"2\" />"
                + "</AttributeDescriptor><Value><OctetString Value=\"07EA\" /></Value></SetRequestNormal>"
                + "</SetRequest>"));
        assertEquals("Action 0.0.1.0.0.255 method 1", name("<ActionRequest><ActionRequestNormal><MethodDescriptor>"
                + "<ClassId Value=\"8\" /><InstanceId Value=\"0000010000FF\" /><MethodId Value=\"1\" />"
                + "</MethodDescriptor></ActionRequestNormal></ActionRequest>"));
        assertEquals("Read 0xFA00", name("<ReadRequest Qty=\"01\"><VariableName Value=\"FA00\" /></ReadRequest>"));
        assertEquals("Write 0x00A8", name("<WriteRequest><ListOfVariableAccessSpecification Qty=\"01\">"
                + "<VariableName Value=\"00A8\" /></ListOfVariableAccessSpecification><ListOfData Qty=\"01\">"
                + "<OctetString Value=\"07EA\" /></ListOfData></WriteRequest>"));
        assertEquals("Snrm", name("<Snrm />"));
    }

    @Test
    void listsBlocksAndSelectionsSayWhichForm() {
        assertEquals("Get with list 1.0.1.8.0.255 attribute 2, 0.0.1.0.0.255 attribute 2", name("<GetRequest>"
                + "<GetRequestWithList><AttributeDescriptorList Qty=\"2\"><AttributeDescriptorWithSelection>"
                + "<AttributeDescriptor><ClassId Value=\"3\" /><InstanceId Value=\"0100010800FF\" />"
                + "<AttributeId Value=\"2\" /></AttributeDescriptor></AttributeDescriptorWithSelection>"
                + "<AttributeDescriptorWithSelection><AttributeDescriptor><ClassId Value=\"8\" />"
                + "<InstanceId Value=\"0000010000FF\" /><AttributeId Value=\"2\" /></AttributeDescriptor>"
                + "</AttributeDescriptorWithSelection></AttributeDescriptorList></GetRequestWithList></GetRequest>"));
        assertEquals("Get next block 2", name("<GetRequest><GetRequestForNextDataBlock><BlockNumber Value=\"2\" />"
                + "</GetRequestForNextDataBlock></GetRequest>"));
        assertEquals("Read 0x0158, 0x0160", name("<ReadRequest Qty=\"02\"><VariableName Value=\"0158\" />"
                + "<VariableName Value=\"0160\" /></ReadRequest>"));
        assertEquals("Read 0x0308 selector 2", name("<ReadRequest Qty=\"01\"><ParameterisedAccess>"
                + "<VariableName Value=\"0308\" /><Selector Value=\"2\" /></ParameterisedAccess></ReadRequest>"));
        assertEquals("Get 1.0.99.1.0.255 attribute 2 selector 1", name(get(7, "0100630100FF", 2).replace(
                "</AttributeDescriptor>", "</AttributeDescriptor><AccessSelection><AccessSelector Value=\"1\" />"
                        + "</AccessSelection>")));
        assertEquals("Set block 3", name("<SetRequest><SetRequestWithDataBlock><DataBlock><BlockNumber Value=\"3\" />"
                + "</DataBlock></SetRequestWithDataBlock></SetRequest>"));
        assertEquals("Set 0.0.42.0.0.255 attribute 2 first block", name("<SetRequest><SetRequestFirstDataBlock>"
                + "<AttributeDescriptor><ClassId Value=\"1\" /><InstanceId Value=\"00002A0000FF\" />"
                + "<AttributeId Value=\"2\" /></AttributeDescriptor><DataBlock><BlockNumber Value=\"1\" /></DataBlock>"
                + "</SetRequestFirstDataBlock></SetRequest>"));
    }

    @Test
    void aLongListIsNamedByItsFirstObjectsAndHowManyMore() {
        StringBuilder xml = new StringBuilder("<ReadRequest Qty=\"06\">");
        for (int i = 1; i <= 6; i++) {
            xml.append("<VariableName Value=\"010").append(i).append("\" />");
        }
        assertEquals("Read 0x0101, 0x0102, 0x0103, 0x0104 and 2 more", name(xml.append("</ReadRequest>").toString()));
    }

    @Test
    void identicalRequestsInAScriptAreNumberedFromTheSecond() {
        List<String> names = JUnitNames.testNames(steps(get(3, "0100010800FF", 2), get(3, "0100010800FF", 3),
                get(3, "0100010800FF", 2), get(3, "0100010800FF", 2)));
        assertEquals(List.of("Get 1.0.1.8.0.255 attribute 2", "Get 1.0.1.8.0.255 attribute 3",
                "Get 1.0.1.8.0.255 attribute 2 (2)", "Get 1.0.1.8.0.255 attribute 2 (3)"), names);
    }

    @Test
    void aRequestInsertedAboveAnotherLeavesItsNameAsItWas() {
        String energy = get(3, "0100010800FF", 2);
        String clock = get(8, "0000010000FF", 2);
        List<String> before = JUnitNames.testNames(steps(energy, clock));
        List<String> after = JUnitNames.testNames(steps(get(1, "0000600100FF", 2), energy, clock));
        assertEquals(before, after.subList(1, 3));
        assertNotEquals(before.get(0), after.get(0));
    }

    @Test
    void everyRequestOfTheSampleScriptsGetsAFullName() throws Exception {
        int named = 0;
        for (ScriptSource s : ScriptFinder.find(Path.of("messages"))) {
            boolean logicalNames = !s.relativePath().startsWith("sn/");
            List<Step> steps = new ScriptLoader(InterfaceType.HDLC, logicalNames, 16, 1)
                    .load(s.file(), s.relativePath()).steps();
            List<String> names = JUnitNames.testNames(steps);
            assertEquals(names.size(), names.stream().distinct().count(), s.relativePath() + ": " + names);
            for (String name : names) {
                assertFalse(name.contains("?"), s.relativePath() + ": " + name);
                // A wait for a notification sends nothing: it is named by its element, as a scripted Snrm is.
                assertTrue(name.matches("(Get|Set|Action|Read|Write|Access|Frame) .+|ReleaseRequest"
                        + "|WaitFor(No)?Notification( \\(\\d+\\))?"), s.relativePath() + ": " + name);
                named++;
            }
        }
        assertTrue(named > 40, named + " requests");
    }
}
