package dlms.xmlclient.interop;

import dlms.xmlclient.cli.XmlClientCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of our client ({@code bin/xmlclient}, the same {@link XmlClientCommand} its main
 * class runs) against a meter on 127.0.0.1, with its console output and its -o folder.
 */
final class ClientRun {

    final int exitCode;
    final String out;
    final String err;
    final Path outDir;
    final long elapsedMillis;

    private ClientRun(int exitCode, String out, String err, Path outDir, long elapsedMillis) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
        this.outDir = outDir;
        this.elapsedMillis = elapsedMillis;
    }

    /** Runs {@code xmlclient -h 127.0.0.1 -p PORT [-w] ARGS -o outDir}, WRAPPER or HDLC as the meter serves. */
    static ClientRun against(JdlmsMeter meter, Path outDir, String... args) {
        List<String> all = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", String.valueOf(meter.port())));
        if (meter.framing == JdlmsMeter.Framing.WRAPPER) {
            all.add("-w");
        }
        all.addAll(List.of(args));
        all.add("-o");
        all.add(outDir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        // no environment: XMLCLIENT_PASSWORD from the machine must not leak in
        int code = new XmlClientCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(all.toArray(String[]::new));
        return new ClientRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), outDir,
                (System.nanoTime() - start) / 1_000_000);
    }

    String trace() throws IOException {
        return Files.readString(outDir.resolve("trace.txt"));
    }

    /** The console line of one script. */
    String line(String script) {
        return out.lines().filter(l -> l.contains(script)).findFirst().orElse("(no line for " + script + ")");
    }

    @Override
    public String toString() {
        String trace;
        try {
            trace = trace();
        } catch (IOException e) {
            trace = "(no trace: " + e + ")";
        }
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err + "--- trace.txt\n" + trace;
    }
}
