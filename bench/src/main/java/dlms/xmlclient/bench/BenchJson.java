package dlms.xmlclient.bench;

import dlms.xmlclient.report.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code bench.json}: the same figures as the table, with the machine and the settings they were
 * measured with, so that runs can be compared. Written through a temporary file and a rename.
 */
final class BenchJson {

    private BenchJson() {
    }

    static String render(List<Measure> measures, BenchConfig config, OffsetDateTime when) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"date\": ").append(string(when.toString())).append(",\n");
        b.append("  \"machine\": {\n");
        b.append("    \"cores\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        b.append("    \"java\": ").append(string(System.getProperty("java.version"))).append(",\n");
        b.append("    \"vm\": ").append(string(System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version"))).append(",\n");
        b.append("    \"os\": ").append(string(System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"))).append(",\n");
        b.append("    \"max_heap_mib\": ").append(Runtime.getRuntime().maxMemory() >> 20).append("\n");
        b.append("  },\n");
        b.append("  \"settings\": {\"quick\": ").append(config.quick())
                .append(", \"requests\": ").append(config.requests())
                .append(", \"floor_requests\": ").append(config.floorRequests())
                .append(", \"warmups\": ").append(config.warmups())
                .append(", \"rounds\": ").append(config.rounds())
                .append(", \"associations\": ").append(config.associations())
                .append(", \"profile_rounds\": ").append(config.profileRounds())
                .append(", \"batch_scripts\": ").append(config.batchScripts())
                .append(", \"batch_rounds\": ").append(config.batchRounds())
                .append(", \"cold_runs\": ").append(config.coldRuns()).append("},\n");
        b.append("  \"measures\": [\n");
        List<String> rows = new ArrayList<>();
        for (Measure m : measures) {
            StringBuilder r = new StringBuilder("    {");
            r.append("\"key\": ").append(string(m.key()));
            r.append(", \"name\": ").append(string(m.name()));
            r.append(", \"value\": ").append(Double.isNaN(m.value()) ? "null" : number(m.value()));
            r.append(", \"unit\": ").append(string(m.unit()));
            if (m.target() != null) {
                r.append(", \"target\": {\"").append(m.target().atMost() ? "at_most" : "at_least").append("\": ")
                        .append(number(m.target().limit())).append("}");
            }
            if (m.reference() != null) {
                r.append(", \"reference_measured_elsewhere\": ").append(string(m.reference()));
            }
            if (m.skipped() != null) {
                r.append(", \"skipped\": ").append(string(m.skipped()));
            }
            r.append(", \"status\": ").append(string(m.status()));
            rows.add(r.append('}').toString());
        }
        b.append(String.join(",\n", rows)).append("\n  ]\n}\n");
        return b.toString();
    }

    static void write(Path file, String json) throws IOException {
        AtomicFiles.write(file, json);
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    private static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
