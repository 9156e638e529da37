package gurux.dlms;

import gurux.dlms.enums.ObjectType;
import gurux.dlms.internal.GXCommon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * gurux.dlms's table of standard OBIS codes (its resource OBISCodes.txt, some 1,400 masks), read
 * into the library's own collection and searched by the library's own code, as
 * {@link GXDLMSConverter#getDescription(String)} does. Only the reading differs: the converter
 * decodes the 170 KB file into one string, copies it to drop the carriage returns and splits it
 * into lines, fields and parts, which in a fresh JVM is some 25 ms of interpreted string work on
 * every run that names an object; here each field is cut from the bytes once. The collection and
 * its entries are package-private, hence this class in the library's package; a library upgrade
 * that changes them fails the build, not a run (docs/developer-notes.md).
 */
public final class StandardObisTable {

    private static final int FIELDS = 8; // mask; classes; data types; then the description's five parts
    private final GXStandardObisCodeCollection codes = new GXStandardObisCodeCollection();

    private StandardObisTable() {
    }

    /** Reads the table from gurux.dlms's jar; an empty table when the resource is missing, as gurux has it. */
    public static StandardObisTable load() {
        StandardObisTable table = new StandardObisTable();
        try (InputStream in = GXDLMSClient.class.getResourceAsStream("/OBISCodes.txt")) {
            if (in != null) {
                table.read(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("gurux.dlms's OBISCodes.txt cannot be read", e);
        }
        return table;
    }

    /**
     * The descriptions of a logical name ("1.0.1.8.0.255") in the table's order, each with its
     * channel, group and instance filled in by gurux.dlms; empty when no mask matches. What
     * {@code new GXDLMSConverter().getDescription(logicalName)} returns.
     */
    public String[] descriptions(String logicalName) {
        boolean all = logicalName == null || logicalName.isEmpty();
        List<String> found = new ArrayList<>();
        for (GXStandardObisCode code : codes.find(logicalName, ObjectType.NONE)) {
            if (all) {
                String[] obis = code.getOBIS();
                found.add("A=" + obis[0] + ", B=" + obis[1] + ", C=" + obis[2] + ", D=" + obis[3] + ", E=" + obis[4]
                        + ", F=" + obis[5] + "\r\n" + code.getDescription());
            } else {
                found.add(code.getDescription());
            }
        }
        return found.toArray(new String[0]);
    }

    /** One entry per non-empty line; carriage returns dropped, as gurux drops them. */
    private void read(byte[] text) {
        String[] fields = new String[FIELDS];
        int start = 0;
        while (start < text.length) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            if (!blank(text, start, end)) {
                split(text, start, end, fields);
                // the mask's groups, split by gurux's own function
                String[] obis = GXCommon.split(fields[0], '.').toArray(new String[0]);
                codes.add(new GXStandardObisCode(obis, description(fields), fields[1], fields[2]));
            }
            start = end + 1;
        }
    }

    private static boolean blank(byte[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The line's first eight ';'-separated fields; missing ones empty (gurux would fail on such a line). */
    private static void split(byte[] text, int start, int end, String[] fields) {
        int n = 0;
        int from = start;
        for (int i = start; i <= end && n < FIELDS; i++) {
            if (i == end || text[i] == ';') {
                fields[n++] = field(text, from, i);
                from = i + 1;
            }
        }
        while (n < FIELDS) {
            fields[n++] = "";
        }
    }

    private static String field(byte[] text, int from, int to) {
        String value = new String(text, from, to - from, StandardCharsets.UTF_8);
        return value.indexOf('\r') < 0 ? value : value.replace("\r", "");
    }

    private static String description(String[] fields) {
        return new StringBuilder(96).append(fields[3]).append("; ").append(fields[4]).append("; ")
                .append(fields[5]).append("; ").append(fields[6]).append("; ").append(fields[7]).toString();
    }
}
