package dlms.xmlclient.simulator;

import java.io.IOException;

/** A device file that cannot be read, parsed or written; the message names the file. */
final class DeviceFileException extends IOException {

    private static final long serialVersionUID = 1L;

    DeviceFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
