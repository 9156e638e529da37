package dlms.xmlclient.decode;

import java.util.List;
import java.util.Map;

/**
 * What a person reads beside one request and its reply.
 *
 * @param request     "Get Register 1.0.1.8.0.255 attribute 2 (value)"; the service alone when no object is named
 * @param description the OBIS table's words for the object(s), or null
 * @param comments    reply line number (1-based, in the reply's own text) to what that line means
 * @param value       the reply's value in one line ("1094547 Wh", "2026-03-01T12:00:00Z"), or null
 * @param table       a profile buffer as rows and columns, or null
 */
public record DecodedReply(String request, String description, Map<Integer, String> comments, String value,
        ProfileTable table) {

    /** A profile buffer: the column heads (from capture_objects when read, else numbers) and each row's cells. */
    public record ProfileTable(List<String> heads, List<List<String>> rows) {
    }
}
