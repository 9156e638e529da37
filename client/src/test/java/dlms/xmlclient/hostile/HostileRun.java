package dlms.xmlclient.hostile;

import dlms.xmlclient.cli.XmlClientCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process run of the xmlclient command against a hostile meter, timed. */
public record HostileRun(int exitCode, String out, String err, Path outDir, long elapsedMillis) {

    /** A GetRequest for the serial number (0.0.96.1.0.255, attribute 2): the request attacks answer. */
    public static final String GET_SERIAL_NUMBER = """
              <GetRequest><GetRequestNormal><InvokeIdAndPriority Value="193" /><AttributeDescriptor>
                <ClassId Value="1" /><InstanceId Value="0000600100FF" /><AttributeId Value="2" />
              </AttributeDescriptor></GetRequestNormal></GetRequest>
            """;

    /** A script of that one request. */
    public static final String READ_SERIAL_NUMBER = "<Messages>\n" + GET_SERIAL_NUMBER + "</Messages>\n";

    /** Runs {@code xmlclient ARGS -o outDir} with an empty environment. */
    public static HostileRun run(Path outDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-o");
        all.add(outDir.toString());
        long start = System.nanoTime();
        int code = new XmlClientCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(all.toArray(String[]::new));
        return new HostileRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), outDir,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The options for the public client 16 (no authentication) at 127.0.0.1:{@code port}, then {@code more}. */
    public static String[] publicClient(int port, boolean wrapper, String... more) {
        List<String> args = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", Integer.toString(port), "-c", "16",
                "-a", "None"));
        if (wrapper) {
            args.add("-w");
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    public String file(String name) throws Exception {
        return Files.readString(outDir.resolve(name));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " after " + elapsedMillis + " ms\n--- out\n" + out + "--- err\n" + err;
    }
}
