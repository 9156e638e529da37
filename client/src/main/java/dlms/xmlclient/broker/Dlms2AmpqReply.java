package dlms.xmlclient.broker;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * DLMS2AMPQ's reply: {@code {"InMsgID", "MsgID" (a new UUID), "Status": "ok"|"notok", "Error",
 * "DataRecords": [{"DateTime", "Code", "Value"}]}}, in that order, as its consumers read it.
 */
public record Dlms2AmpqReply(String inMsgId, String msgId, boolean ok, String error, List<Record> records) {

    /** One value of a profile row: the row's time, the OBIS code of the column's object, the value. */
    public record Record(String dateTime, String code, String value) {
    }

    public static Dlms2AmpqReply ok(String inMsgId, List<Record> records) {
        return new Dlms2AmpqReply(inMsgId, UUID.randomUUID().toString(), true, "", List.copyOf(records));
    }

    public static Dlms2AmpqReply notOk(String inMsgId, String error) {
        return new Dlms2AmpqReply(inMsgId, UUID.randomUUID().toString(), false, error, List.of());
    }

    public byte[] toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("InMsgID", inMsgId);
        o.addProperty("MsgID", msgId);
        o.addProperty("Status", ok ? "ok" : "notok");
        o.addProperty("Error", error);
        JsonArray rows = new JsonArray();
        for (Record r : records) {
            JsonObject row = new JsonObject();
            row.addProperty("DateTime", r.dateTime());
            row.addProperty("Code", r.code());
            row.addProperty("Value", r.value());
            rows.add(row);
        }
        o.add("DataRecords", rows);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(o).getBytes(StandardCharsets.UTF_8);
    }
}
