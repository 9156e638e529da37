package dlms.xmlclient.broker;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A request of the DLMS2AMPQ project, as its producers send it:
 * {@code {"MsgID", "Cmd": "READ", "ObisCode", "ConnectionString", "dtFrom", "dtTo"}}. The
 * fields are kept as sent; the reader says what is wrong with them in its notok reply.
 */
public record Dlms2AmpqRequest(String msgId, String cmd, String obisCode, String connectionString, String from,
                               String to) {

    /** True for a message in DLMS2AMPQ's request format (it has a Cmd). */
    public static boolean isRequest(JsonObject message) {
        return message.has("Cmd");
    }

    public static Dlms2AmpqRequest of(JsonObject o) {
        return new Dlms2AmpqRequest(text(o, "MsgID"), text(o, "Cmd"), text(o, "ObisCode"),
                text(o, "ConnectionString"), text(o, "dtFrom"), text(o, "dtTo"));
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
