package dlms.xmlclient.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pure tier: the broker's messages, the suite archive and the broker address, without a broker. */
class BrokerFormatsTest {

    @TempDir
    Path dir;

    @Test
    void aJobSurvivesItsJson() {
        byte[] zip = {1, 2, 3};
        Job job = new Job("run-1", "run-1/7", "xmlclient.results.run-1", "m7,10.0.0.7,4059,-P \"a b\"",
                "t.csv:8: ", List.of("--wait-time", "3000"), true, false, SuiteArchive.digest(zip), zip);
        Job back = Job.fromJson(Job.parse(job.toJson()));
        assertEquals(job.run(), back.run());
        assertEquals(job.id(), back.id());
        assertEquals(job.meterLine(), back.meterLine());
        assertEquals("m7", back.meterName());
        assertEquals(job.flags(), back.flags());
        assertTrue(back.strict());
        assertFalse(back.missingExpectedFails());
        assertArrayEquals(zip, back.suiteZip());
        assertTrue(Job.isJob(Job.parse(job.toJson())));
    }

    @Test
    void aMessageThatIsNoJobSaysWhatIsWrong() {
        assertEquals("the message is JSON but no object",
                assertThrows(IllegalArgumentException.class, () -> Job.parse("[1]".getBytes())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Job.parse("{".getBytes())).getMessage()
                .startsWith("the message is not JSON"));
        assertFalse(Job.isJob(Job.parse("{\"MsgID\": \"1\", \"Cmd\": \"READ\"}".getBytes())));
        assertTrue(Dlms2AmpqRequest.isRequest(Job.parse("{\"MsgID\": \"1\", \"Cmd\": \"READ\"}".getBytes())));
    }

    @Test
    void aSuiteUnpacksOnceAndOnlyWithItsDigest() throws IOException {
        Path script = Files.writeString(dir.resolve("a.xml"), "<Messages/>");
        byte[] zip = new SuiteArchive().add("messages/clock/a.xml", script).zip();
        assertArrayEquals(zip, new SuiteArchive().add("messages/clock/a.xml", script).zip(), "the same bytes");
        String digest = SuiteArchive.digest(zip);
        Path unpacked = SuiteArchive.unpack(zip, digest, dir.resolve("cache"));
        assertEquals(dir.resolve("cache").resolve(digest), unpacked);
        assertEquals("<Messages/>", Files.readString(unpacked.resolve("messages/clock/a.xml")));
        assertEquals(unpacked, SuiteArchive.unpack(zip, digest, dir.resolve("cache")));
        assertTrue(assertThrows(IOException.class, () -> SuiteArchive.unpack(zip, "0".repeat(64), dir))
                .getMessage().contains("does not match its SHA-256"));
    }

    @Test
    void aSuiteThatNamesAFileOutsideItsFolderIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../../escaped.txt"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
        }
        byte[] zip = bytes.toByteArray();
        IOException e = assertThrows(IOException.class,
                () -> SuiteArchive.unpack(zip, SuiteArchive.digest(zip), dir.resolve("cache")));
        assertTrue(e.getMessage().contains("outside its folder"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
    }

    @Test
    void theBrokerAddressHidesItsPasswordAndMeansTheDefaultVhostByASlash() {
        BrokerAddress address = BrokerAddress.parse("amqp://adm:secret@mq.example:5672/");
        assertEquals("amqp://adm:***@mq.example:5672/", address.toString());
        assertEquals("/", address.factory().getVirtualHost());
        assertEquals("HEX", BrokerAddress.parse("amqp://adm:test@mq.example/HEX").factory().getVirtualHost());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse("http://mq.example"))
                .getMessage().startsWith("expected amqp://"));
    }

    @Test
    void aReplyHasTheFieldsOfDlms2AmpqInItsOrder() {
        String ok = new String(Dlms2AmpqReply.ok("1443", List.of(new Dlms2AmpqReply.Record("1/2/2026 12:00:00.000 AM",
                "1.0.1.8.0.255", "1025971"))).toJson(), StandardCharsets.UTF_8);
        assertTrue(ok.matches("\\{\"InMsgID\":\"1443\",\"MsgID\":\"[0-9a-f-]{36}\",\"Status\":\"ok\",\"Error\":\"\","
                + "\"DataRecords\":\\[\\{\"DateTime\":\"1/2/2026 12:00:00.000 AM\",\"Code\":\"1.0.1.8.0.255\","
                + "\"Value\":\"1025971\"}]}"), ok);
        String notOk = new String(Dlms2AmpqReply.notOk("7", "it's <down>").toJson(), StandardCharsets.UTF_8);
        assertTrue(notOk.contains("\"Status\":\"notok\",\"Error\":\"it's <down>\",\"DataRecords\":[]"), notOk);
    }

    @Test
    void profileRowsBecomeOneRecordPerValueColumn() {
        String columns = "<GetResponse><GetResponseNormal><Result><Data><Array Qty=\"2\">"
                + "<Structure Qty=\"4\"><UInt16 Value=\"8\" /><OctetString Value=\"0000010000FF\" />"
                + "<Int8 Value=\"2\" />"
                + "<UInt16 Value=\"0\" /></Structure>"
                + "<Structure Qty=\"4\"><UInt16 Value=\"3\" /><OctetString Value=\"0100010800FF\" />"
                + "<Int8 Value=\"2\" />"
                + "<UInt16 Value=\"0\" /></Structure></Array></Data></Result></GetResponseNormal></GetResponse>";
        String buffer = "<GetResponse><GetResponseNormal><Result><Data><Array Qty=\"1\"><Structure Qty=\"2\">"
                + "<OctetString Value=\"07E40C0F02150000010000FF\" /><UInt32 Value=\"1134573\" /></Structure></Array>"
                + "</Data></Result></GetResponseNormal></GetResponse>";
        assertEquals(List.of(new Dlms2AmpqReply.Record("12/15/2020 9:00:00.010 PM", "1.0.1.8.0.255", "1134573")),
                ProfileRows.records(buffer, ProfileRows.columns(columns)));
        String refused = "<GetResponse><GetResponseNormal><Result><DataAccessError Value=\"ObjectUndefined\" />"
                + "</Result></GetResponseNormal></GetResponse>";
        assertEquals("the meter refused the read: ObjectUndefined", assertThrows(IllegalArgumentException.class,
                () -> ProfileRows.columns(refused)).getMessage());
    }
}
