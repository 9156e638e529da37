package dlms.xmlclient.session;

import gurux.dlms.GXDLMSXmlPdu;
import org.w3c.dom.Node;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A request with {@code ${now}}, encoded once, with the places of its date-time found: sent
 * again, it gets the time written into a copy of those bytes instead of being encoded anew (the
 * Gurux loader makes a parser factory and a translator for each load). The places are found by
 * encoding the request with a random stand-in date-time and looking for its 12 bytes; a request
 * whose encoding does not hold them once for each {@code ${now}} is encoded each time instead.
 */
final class TimePatch {

    /** The stand-in: random, so no other bytes of a request are taken for it. */
    private static final byte[] STAND_IN = new byte[12];

    static {
        new SecureRandom().nextBytes(STAND_IN);
    }

    private final int command;
    private final byte[] encoded;
    private final int[] places;

    private TimePatch(int command, byte[] encoded, int[] places) {
        this.command = command;
        this.encoded = encoded;
        this.places = places;
    }

    /** @return the stand-in date-time, in hex as {@link ClientTimeValue#dateTime} writes one */
    static String standIn() {
        return HexFormat.of().withUpperCase().formatHex(STAND_IN);
    }

    /**
     * @param withStandIn the request encoded with {@link #standIn()} for each {@code ${now}}
     * @param marks how many {@code ${now}} the request has
     * @return the patch, or null when the stand-in is not found exactly {@code marks} times
     */
    static TimePatch of(GXDLMSXmlPdu withStandIn, int marks) {
        byte[] data = withStandIn.getData();
        if (data == null) {
            return null;
        }
        int[] places = new int[marks];
        int found = 0;
        for (int i = 0; i + STAND_IN.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + STAND_IN.length, STAND_IN, 0, STAND_IN.length)) {
                if (found == marks) {
                    return null;
                }
                places[found++] = i;
            }
        }
        return found == marks ? new TimePatch(withStandIn.getCommand(), data.clone(), places) : null;
    }

    /**
     * @param dateTime 12 bytes in hex ({@link ClientTimeValue#dateTime})
     * @param node the scripted request's XML, which the request keeps
     */
    GXDLMSXmlPdu with(String dateTime, Node node) {
        byte[] time = HexFormat.of().parseHex(dateTime);
        if (time.length != STAND_IN.length) {
            throw new IllegalArgumentException("a date-time is 12 bytes: " + dateTime);
        }
        byte[] data = encoded.clone();
        for (int at : places) {
            System.arraycopy(time, 0, data, at, time.length);
        }
        return new GXDLMSXmlPdu(command, node, data);
    }
}
