package dlms.xmlclient.script;

/** A message file that cannot be used, with the file and line in its one-line message. */
public final class ScriptException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String location;

    public ScriptException(String location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    /** {@code path} or {@code path:line}. */
    public String location() {
        return location;
    }
}
