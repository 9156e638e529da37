package dlms.xmlclient.cli;

import dlms.xmlclient.hostile.MeddlingProxy;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import dlms.xmlclient.simulator.device.DeviceFile;
import gurux.dlms.GXUInt32;
import gurux.dlms.enums.Unit;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSRegister;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code xmlclient discover} against the built-in simulator over real sockets: the suite covers
 * every object of the association's view, passes as written, and differs between associations
 * whose views differ.
 */
@Tag("integration")
class DiscoverTest {

    private static final Pattern INSTANCE = Pattern.compile("<InstanceId Value=\"([0-9A-F]{12})\"");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run xmlclient(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new XmlClientCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The logical names a suite's message files read, in hex. */
    private static Set<String> objectsRead(Path messages) throws Exception {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(messages)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
                Matcher m = INSTANCE.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    /** The logical names of the object list the discovery read. */
    private static Set<String> objectsListed(Path suite) throws Exception {
        String list = Files.readString(suite.resolve("discovery/1-object-list/replies/object-list.xml"));
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("<UInt16 Value=\"\\d+\" />\\s*<UInt8 Value=\"\\d+\" />\\s*"
                + "<OctetString Value=\"([0-9A-F]{12})\" />").matcher(list);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theDiscoveredSuiteCoversTheViewAndPassesAsWritten() throws Exception {
        Path suite = dir.resolve("public");
        Run discover = xmlclient("discover", "-o", suite.toString());
        assertEquals(0, discover.code, discover.out + discover.err);
        assertTrue(discover.out.contains("none invoked"), discover.out);
        Set<String> listed = objectsListed(suite);
        assertTrue(listed.size() > 10, listed.toString());
        assertEquals(listed, objectsRead(suite.resolve("messages")), "every object of the view is read");
        String summary = Files.readString(suite.resolve("summary.txt"));
        assertTrue(summary.contains("attribute 7 (secret): left out: the view declares no-access"), summary);
        assertTrue(summary.contains("Register 1.0.1.8.0.255"), summary);

        Run again = xmlclient("-x", suite.resolve("messages").toString(), "-e", suite.resolve("expected").toString(),
                "-o", dir.resolve("out").toString());
        assertEquals(0, again.code, again.out + again.err);
        assertTrue(again.out.contains(" 0 failed, 0 not checked, 0 errors"), again.out);

        // A moving value is loose, a static one literal: a changed scaler_unit fails.
        Path register = suite.resolve("expected/register.xml");
        String recorded = Files.readString(register);
        assertTrue(recorded.contains("<UInt32 Value=\"${xmlunit.isNumber}\"/>"), recorded);
        Files.writeString(register, recorded.replaceFirst("<Enum Value=\"30\"/>", "<Enum Value=\"31\"/>"));
        Run changed = xmlclient("-x", suite.resolve("messages/register.xml").toString(), "-e",
                suite.resolve("expected").toString(), "-o", dir.resolve("out2").toString());
        assertEquals(1, changed.code, changed.out + changed.err);
    }

    @Test
    void associationsWithOtherViewsGiveOtherSuites() throws Exception {
        Path publicSuite = dir.resolve("16");
        Path management = dir.resolve("17");
        assertEquals(0, xmlclient("discover", "-o", publicSuite.toString()).code);
        Run run17 = xmlclient("discover", "-o", management.toString(), "-c", "17", "-a", "Low", "-P", "00000000");
        assertEquals(0, run17.code, run17.out + run17.err);
        assertNotEquals(objectsRead(publicSuite.resolve("messages")), objectsRead(management.resolve("messages")));
        // the management client's suite carries its association: it runs with no flags
        String options = Files.readString(management.resolve("messages/xmlclient.options"));
        assertTrue(options.contains("-c \"17\"") && options.contains("-a \"Low\""), options);
        Run again = xmlclient("-x", management.resolve("messages").toString(), "-e",
                management.resolve("expected").toString(), "-o", dir.resolve("out").toString());
        assertEquals(0, again.code, again.out + again.err);
    }

    /** 300 registers and a clock in a device file: one association per class, however many objects. */
    @Test
    void aBigViewTakesOneAssociationPerClass() throws Exception {
        GXDLMSObjectCollection device = new GXDLMSObjectCollection();
        device.add(new GXDLMSClock("0.0.1.0.0.255"));
        for (int i = 0; i < 300; i++) {
            GXDLMSRegister register = new GXDLMSRegister(String.format("1.%d.1.8.%d.255", i / 64, i % 64));
            register.setValue(new GXUInt32(1000 + i));
            register.setUnit(Unit.ACTIVE_ENERGY);
            device.add(register);
        }
        Path file = dir.resolve("device.xml");
        DeviceFile.save(device, file);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).deviceFile(file))) {
            Path suite = dir.resolve("big");
            Run discover = xmlclient("discover", "-h", "127.0.0.1", "-p", String.valueOf(meter.port()),
                    "-o", suite.toString());
            assertEquals(0, discover.code, discover.out + discover.err);
            assertTrue(discover.out.contains("Register 300"), discover.out);
            long scripts;
            try (Stream<Path> files = Files.list(suite.resolve("messages"))) {
                scripts = files.filter(p -> p.toString().endsWith(".xml")).count();
            }
            String trace = Files.readString(suite.resolve("discovery/2-record/trace.txt"));
            assertEquals(scripts, trace.lines().filter(l -> l.contains("-- associated as client")).count());
            assertTrue(objectsRead(suite.resolve("messages")).containsAll(objectsListed(suite)));
        }
    }

    /**
     * A meter that never answers the read of one attribute (the serial number's value, here by a
     * proxy that drops its reply): the read is left out, named, and the rest of its class read on.
     */
    @Test
    void aReadWithoutReplyIsLeftOutAndTheRestOfItsClassRead() throws Exception {
        // GET-Request-Normal ... class 1, 0.0.96.1.0.255, attribute 2
        byte[] serialValue = {0x00, 0x01, 0x00, 0x00, 0x60, 0x01, 0x00, (byte) 0xFF, 0x02};
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true));
                MeddlingProxy proxy = MeddlingProxy.start(meter.port(), true, (n, request, reply, client) -> {
                    if (!contains(request, serialValue) && reply != null) {
                        client.send(reply);
                    }
                })) {
            Path suite = dir.resolve("silent");
            Run discover = xmlclient("discover", "-h", "127.0.0.1", "-p", String.valueOf(proxy.port()), "-w",
                    "--wait-time", "300", "--retries", "0", "-o", suite.toString());
            assertEquals(0, discover.code, discover.out + discover.err);
            assertTrue(discover.out.contains("discover: Data 0.0.96.1.0.255 attribute 2 (value): no reply (request #4"
                    + " (line 41): no reply from the meter within 300 ms); left out, the rest of data.xml read again"), discover.out);
            assertTrue(discover.out.contains(", 1 without reply;"), discover.out);
            String summary = Files.readString(suite.resolve("summary.txt"));
            assertTrue(summary.contains("  attribute 2 (value): no reply, left out of the suite: request #4 (line 41):"
                    + " no reply from the meter within 300 ms"), summary);
            String data = Files.readString(suite.resolve("messages/data.xml"));
            assertTrue(data.contains("Data 0.0.42.0.0.255 attribute 2") && data.contains("Data 0.0.96.1.0.255 attribute 1"),
                    data);
            assertTrue(!data.contains("Data 0.0.96.1.0.255 attribute 2"), data);
        }
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void anExistingSuiteIsNeverOverwritten() throws Exception {
        Path suite = dir.resolve("s");
        Files.createDirectories(suite.resolve("messages"));
        Run run = xmlclient("discover", "-o", suite.toString());
        assertEquals(2, run.code);
        assertEquals("xmlclient discover: -o " + suite + ": already holds " + suite.resolve("messages")
                + "; discover writes a new suite: name an empty or new folder\n", run.err);
    }

    @Test
    void flagsForScriptsOfOnesOwnAreRefused() {
        List<String> args = new ArrayList<>(List.of("discover", "-o", dir.toString(), "-x", "messages"));
        Run run = xmlclient(args.toArray(String[]::new));
        assertEquals(2, run.code);
        assertTrue(run.err.startsWith("xmlclient discover: -x does not go with discover"), run.err);
    }
}
