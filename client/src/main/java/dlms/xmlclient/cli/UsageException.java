package dlms.xmlclient.cli;

/** A bad command line; the message names the option. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
