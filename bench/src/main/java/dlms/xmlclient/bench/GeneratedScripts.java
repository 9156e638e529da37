package dlms.xmlclient.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Message files for the benchmark, written as the samples in {@code messages/} are: one
 * {@code GetRequestNormal} per request. The exchanges alternate the clock time (0.0.1.0.0.255
 * attribute 2) and the A+ energy register (1.0.1.8.0.255 attribute 2); the profile script reads
 * the whole load profile buffer (1.0.99.1.0.255 attribute 2).
 */
final class GeneratedScripts {

    static final String CLOCK = "0.0.1.0.0.255";
    static final String REGISTER = "1.0.1.8.0.255";
    static final String PROFILE = "1.0.99.1.0.255";

    private GeneratedScripts() {
    }

    /** {@code exchanges-N.xml}: N reads, clock and register in turn. */
    static String exchanges(int n) {
        return "exchanges-" + n + ".xml";
    }

    /** {@code profile-N.xml}: the whole buffer, N times. */
    static String profile(int n) {
        return "profile-" + n + ".xml";
    }

    static void writeExchanges(Path dir, int n) throws IOException {
        StringBuilder b = start("Benchmark: " + n + " reads, the clock time and the A+ register in turn");
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                get(b, 8, CLOCK, 2);
            } else {
                get(b, 3, REGISTER, 2);
            }
        }
        write(dir.resolve(exchanges(n)), b);
    }

    /** {@code batch-NNN.xml}, {@code files} of them, each with {@code reads} reads, clock and register in turn. */
    static void writeBatch(Path dir, int files, int reads) throws IOException {
        Files.createDirectories(dir);
        StringBuilder one = start("Benchmark: a cold batch's file, " + reads + " reads, the clock time and the A+"
                + " register in turn");
        for (int i = 0; i < reads; i++) {
            if (i % 2 == 0) {
                get(one, 8, CLOCK, 2);
            } else {
                get(one, 3, REGISTER, 2);
            }
        }
        one.append("</Messages>\n");
        for (int i = 0; i < files; i++) {
            Files.writeString(dir.resolve(batchFile(i)), one, StandardCharsets.UTF_8);
        }
    }

    static String batchFile(int i) {
        return String.format("batch-%03d.xml", i);
    }

    static void writeProfile(Path dir, int n) throws IOException {
        StringBuilder b = start("Benchmark: the whole load profile buffer, " + n + (n == 1 ? " time" : " times"));
        for (int i = 0; i < n; i++) {
            get(b, 7, PROFILE, 2);
        }
        write(dir.resolve(profile(n)), b);
    }

    private static StringBuilder start(String comment) {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- ").append(comment)
                .append(" -->\n<Messages>\n");
    }

    private static void get(StringBuilder b, int classId, String logicalName, int attribute) {
        b.append("""
                  <GetRequest>
                    <GetRequestNormal>
                      <InvokeIdAndPriority Value="193" />
                      <AttributeDescriptor>
                        <ClassId Value="%d" />
                        <!-- %s -->
                        <InstanceId Value="%s" />
                        <AttributeId Value="%d" />
                      </AttributeDescriptor>
                    </GetRequestNormal>
                  </GetRequest>
                """.formatted(classId, logicalName, instanceId(logicalName), attribute));
    }

    /** 1.0.99.1.0.255 as the translator writes it: 0100630100FF. */
    static String instanceId(String logicalName) {
        StringBuilder hex = new StringBuilder();
        for (String part : logicalName.split("\\.")) {
            hex.append(String.format("%02X", Integer.parseInt(part)));
        }
        return hex.toString();
    }

    private static void write(Path file, StringBuilder b) throws IOException {
        b.append("</Messages>\n");
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }
}
