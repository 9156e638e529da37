package dlms.xmlclient.bench;

/** Does nothing: the bare JVM start the cold start is compared with ({@code java -cp JAR} this class). */
public final class NoOpMain {

    private NoOpMain() {
    }

    public static void main(String[] args) {
        // Starting the JVM and loading this class from the jar is the whole point.
    }
}
