package dlms.xmlclient.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Releases the association (RLRQ) and disconnects the link (DISC, HDLC) unless the script
 * already did; never throws, since it also runs after failures. After a link failure (no
 * answer, connection closed) nothing is sent: a meter that did not answer the last request
 * will not answer these, and waiting for it would only delay the next script.
 */
final class Release {

    private Release() {
    }

    /** @return the encoding findings of the meter's release response (RLRE) */
    static List<String> end(Connection connection) {
        if (!connection.healthy) {
            connection.trace.note("link failed: no release or disconnect sent");
            return List.of();
        }
        if (connection.interruption.get() != null) {
            connection.reader.hurry();
        }
        List<String> found = List.of();
        if (connection.associated) {
            found = release(connection);
            connection.associated = false;
        }
        if (connection.linkUp && connection.hdlc()) {
            try {
                // After releaseRequest() the plain disconnectRequest() returns null (gurux.dlms 4.0.47).
                byte[] disc = connection.client.disconnectRequest(true);
                if (disc != null) {
                    connection.reader.exchange(new byte[][] {disc});
                }
            } catch (Exception e) {
                connection.trace.note("disconnect not answered: " + Session.oneLine(e));
            }
            connection.linkUp = false;
        }
        return found;
    }

    private static List<String> release(Connection connection) {
        try {
            byte[][] frames = connection.client.releaseRequest();
            if (frames != null && frames.length > 0 && frames[0] != null) {
                ReceivedReply rlre = connection.reader.exchange(frames);
                List<String> found = new ArrayList<>();
                for (byte[] apdu : rlre.apdus.apdus()) {
                    found.addAll(EncodingCheck.acseFindings(apdu));
                }
                found.addAll(connection.replayFindings(rlre.apdus.apdus()));
                for (String f : found) {
                    connection.trace.note("encoding finding: " + f);
                }
                return List.copyOf(found);
            }
        } catch (Exception e) {
            connection.trace.note("release not answered: " + Session.oneLine(e));
        }
        return List.of();
    }
}
