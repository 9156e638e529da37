package dlms.xmlclient.wire.line;

import java.io.IOException;

/** The peer closed the connection (or it broke) while we were waiting for a reply. */
public final class LinkClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    public LinkClosedException(String message) {
        super(message);
    }
}
