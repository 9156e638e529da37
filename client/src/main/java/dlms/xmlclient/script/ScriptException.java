package dlms.xmlclient.script;

/** A message file that cannot be used, with the file and line in its one-line message. */
public final class ScriptException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param location {@code path} or {@code path:line} */
    public ScriptException(String location, String message, Throwable cause) {
        super(location + ": " + message, cause);
    }
}
