package dlms.xmlclient.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import dlms.xmlclient.hostile.ChildRun;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker as a drop-in for DLMS2AMPQ: that project's READ requests, published as its
 * producers publish them, answered on its out queue in its reply format, from the built-in
 * meter's load profile 1.0.99.1.0.255 (15-minute rows of 2026-01-01..07, UTC).
 */
@Tag("integration")
class Dlms2AmpqTest {

    @TempDir
    static Path dir;
    private static RabbitNode rabbit;
    private static MeterSimulator meter;
    private static ChildRun worker;
    private static final String IN = "INDLMS-" + UUID.randomUUID();
    private static final String OUT = "OUTDLMS-" + UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        rabbit = RabbitNode.start(dir);
        meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(true));
        worker = ChildRun.start(dir.resolve("worker"), List.of("--enable-native-access=ALL-UNNAMED"), "worker",
                "--broker", rabbit.uri(), "--queue", "jobs-" + UUID.randomUUID(), "--in-queue", IN, "--out-queue", OUT,
                "-o", dir.resolve("worker/out").toString());
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (meter != null) {
            meter.close();
        }
        if (rabbit != null) {
            rabbit.close();
        }
    }

    @Test
    void aReadRequestGetsTheLoadProfileRowsOfItsRangeInTheReplyFormat() throws Exception {
        JsonObject reply = ask("""
                {
                  "MsgID": "1443",
                  "Cmd": "READ",
                  "ObisCode": "1.0.99.1.0.255",
                  "ConnectionString": "-h 127.0.0.1 -p %d -c 17 -a Low -i WRAPPER -P 00000000",
                  "dtFrom": "2026-01-02T03:00:00.00+03:00",
                  "dtTo": "2026-01-02T05:00:00.9269498+03:00"
                }""".formatted(meter.port()));
        assertEquals(List.of("InMsgID", "MsgID", "Status", "Error", "DataRecords"), List.copyOf(reply.keySet()));
        assertEquals("1443", reply.get("InMsgID").getAsString());
        UUID.fromString(reply.get("MsgID").getAsString());
        assertEquals("ok", reply.get("Status").getAsString(), reply.toString());
        assertEquals("", reply.get("Error").getAsString());
        JsonArray rows = reply.getAsJsonArray("DataRecords");
        assertEquals(9, rows.size(), "00:00 to 02:00 UTC, every quarter hour: " + reply);
        JsonObject first = rows.get(0).getAsJsonObject();
        assertEquals("1/2/2026 12:00:00.000 AM", first.get("DateTime").getAsString());
        assertEquals("1.0.1.8.0.255", first.get("Code").getAsString());
        assertTrue(first.get("Value").getAsString().matches("\\d+"), first.toString());
        assertEquals("1/2/2026 2:00:00.000 AM", rows.get(8).getAsJsonObject().get("DateTime").getAsString());
        long previous = 0;
        for (var row : rows) {
            long value = row.getAsJsonObject().get("Value").getAsLong();
            assertTrue(value > previous, "A+ only grows: " + reply);
            previous = value;
        }
    }

    @Test
    void aMeterThatCannotBeReachedIsANotOkReplyWithTheReason() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        JsonObject reply = ask(request("dead-1", "-h 127.0.0.1 -p " + dead + " -c 17 -a Low -i WRAPPER -P 00000000"));
        assertEquals("dead-1", reply.get("InMsgID").getAsString());
        assertEquals("notok", reply.get("Status").getAsString());
        assertTrue(reply.get("Error").getAsString().contains("cannot connect to 127.0.0.1:" + dead), reply.toString());
        assertEquals(0, reply.getAsJsonArray("DataRecords").size());
    }

    @Test
    void aWrongPasswordAndAnUnknownFlagAreNotOkRepliesToo() throws Exception {
        JsonObject wrong = ask(request("wrong-1", "-h 127.0.0.1 -p " + meter.port()
                + " -c 17 -a Low -i WRAPPER -P wrong"));
        assertEquals("notok", wrong.get("Status").getAsString());
        assertTrue(wrong.get("Error").getAsString().contains("wrong password"), wrong.toString());
        JsonObject unknown = ask(request("plc-1", "-h 127.0.0.1 -p " + meter.port() + " -m 1"));
        assertEquals("notok", unknown.get("Status").getAsString());
        assertTrue(unknown.get("Error").getAsString().contains("-m is not supported"), unknown.toString());
    }

    private static String request(String id, String connection) {
        return "{\"MsgID\": \"" + id + "\", \"Cmd\": \"READ\", \"ObisCode\": \"1.0.99.1.0.255\","
                + " \"ConnectionString\": \"" + connection + "\", \"dtFrom\": \"2026-01-03T00:00:00+00:00\","
                + " \"dtTo\": \"2026-01-03T01:00:00+00:00\"}";
    }

    /** Publishes a request as DLMS2AMPQ's producers do, and waits for the reply to it on the out queue. */
    private static JsonObject ask(String request) throws Exception {
        String id = JsonParser.parseString(request).getAsJsonObject().get("MsgID").getAsString();
        try (Connection c = rabbit.factory().newConnection(); Channel ch = c.createChannel()) {
            ch.queueDeclare(IN, true, false, false, null);
            ch.queueDeclare(OUT, true, false, false, null);
            ch.basicPublish("", IN, MessageProperties.PERSISTENT_TEXT_PLAIN, request.getBytes(StandardCharsets.UTF_8));
            long end = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < end) {
                GetResponse r = ch.basicGet(OUT, false);
                if (r == null) {
                    Thread.sleep(50);
                    continue;
                }
                JsonObject reply = JsonParser.parseString(new String(r.getBody(), StandardCharsets.UTF_8))
                        .getAsJsonObject();
                if (reply.get("InMsgID").getAsString().equals(id)) {
                    ch.basicAck(r.getEnvelope().getDeliveryTag(), false);
                    return reply;
                }
                ch.basicNack(r.getEnvelope().getDeliveryTag(), false, true); // another test's reply
            }
        }
        assertNotNull(null, "no reply to " + id + " within 60 s: " + worker.output());
        return null;
    }
}
