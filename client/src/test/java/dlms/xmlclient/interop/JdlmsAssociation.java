package dlms.xmlclient.interop;

import java.io.IOException;

import org.openmuc.jdlms.DlmsConnection;

/**
 * An association jDLMS opened. {@link #release()} ends it as a client should (RLRQ/RLRE, then
 * for HDLC DISC/UA); {@link #close()} only drops the link when it was not released, since jDLMS
 * 1.7.1 refuses to close a released connection again (CONNECTION_ALREADY_CLOSED).
 */
final class JdlmsAssociation implements AutoCloseable {

    private final DlmsConnection connection;
    private boolean released;

    JdlmsAssociation(DlmsConnection connection) {
        this.connection = connection;
    }

    DlmsConnection connection() {
        return connection;
    }

    /** Sends the release request; jDLMS fails unless the meter answers with an RLRE it decodes. */
    void release() throws IOException {
        released = true;
        connection.disconnect();
    }

    @Override
    public void close() throws IOException {
        if (!released) {
            connection.close();
        }
    }
}
