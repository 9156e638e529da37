package dlms.xmlclient.run;

/** An error of our own code or of the library, in one line for a report (not java.lang.InternalError). */
final class InternalFailure {

    private InternalFailure() {
    }

    /** "StackOverflowError", "OutOfMemoryError: Java heap space", "IllegalStateException: why" (first line). */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return name;
        }
        String first = message.strip().lines().findFirst().orElse("");
        if (first.length() > 200) {
            first = first.substring(0, 200) + "…";
        }
        return name + ": " + first;
    }
}
