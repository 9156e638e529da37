package dlms.xmlclient.simulator.device;

import java.io.IOException;

/** A device file that cannot be read, parsed or written; the message names the file. */
public final class DeviceFileException extends IOException {

    private static final long serialVersionUID = 1L;

    DeviceFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
