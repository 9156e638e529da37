package dlms.xmlclient.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helper: one in-process run of {@code xmlclient translate}, with its exit code and both streams. */
record TranslateRun(int exitCode, String out, String err) {

    /** GetRequest normal, invoke id 193, clock 0.0.1.0.0.255 attribute 2. */
    static final String GET_CLOCK_PDU = "C0 01 C1 00 08 00 00 01 00 00 FF 02 00";

    static TranslateRun translate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TranslateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new TranslateRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void assertOneLineError(TranslateRun run, String expected) {
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals("xmlclient translate: " + expected + "\n", run.err());
    }
}
