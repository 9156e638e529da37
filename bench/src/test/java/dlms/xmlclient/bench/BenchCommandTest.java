package dlms.xmlclient.bench;

import dlms.xmlclient.cli.XmlClientCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code xmlclient bench --quick}, in-process: every figure is measured and shown. The figures
 * themselves are never checked: times on a shared test machine say nothing.
 */
@Tag("bench")
class BenchCommandTest {

    /** Every row the benchmark promises, by its key in bench.json. */
    private static final List<String> KEYS = List.of(
            "exchange.hdlc.floor_ms", "exchange.hdlc.session_ms", "exchange.hdlc.session_ratio", "exchange.verdict_ms",
            "exchange.hdlc.ours_ms", "exchange.hdlc.ratio", "exchange.hdlc.untraced_ms", "exchange.hdlc.untraced_ratio", "exchange.hdlc.run_ms",
            "exchange.wrapper.floor_ms", "exchange.wrapper.session_ms", "exchange.wrapper.session_ratio",
            "exchange.wrapper.ours_ms", "exchange.wrapper.ratio", "exchange.wrapper.untraced_ms",
            "exchange.wrapper.untraced_ratio", "exchange.wrapper.run_ms",
            "association.hdlc.bare_per_s", "association.hdlc.ours_per_s", "association.hdlc.ratio",
            "profile.bare_ms", "profile.bare_kb_per_s", "profile.session_ms", "profile.verdict_ms", "profile.ours_ms",
            "profile.ours_kb_per_s", "profile.reply_bytes",
            "batch.wall_s", "batch.ms_per_script", "batch.speedup", "batch.passed",
            "cold.median_s", "cold.min_s", "cold.peak_rss_mb", "jvm.median_s", "cold.jvm_ratio",
            "cold.floor_s", "cold.floor_jvm_ratio", "cold.floor_ratio",
            "cold_batch.ms_per_file", "cold_batch.untraced_ms_per_file", "cold_batch.floor_ms_per_file",
            "cold_batch.ratio", "cold_batch.peak_rss_mb", "cold_batch.floor_peak_rss_mb",
            "fleet.seed.wall_s", "fleet.suite.wall_s");

    /** Rows a plain run names without measuring them: bench --fleet runs those (minutes). */
    private static final Set<String> NOT_RUN = Set.of("fleet.seed.wall_s", "fleet.suite.wall_s");

    /**
     * Figures taken by difference, (median T(2N) − median T(N)) / N, and ratios of them: on a
     * loaded machine two noisy medians may come out in either order, so their sign is a timing
     * assertion, which this test does not make. They must be numbers all the same.
     */
    private static final Set<String> DIFFERENCES = Set.of(
            "exchange.hdlc.floor_ms", "exchange.hdlc.session_ms", "exchange.hdlc.ours_ms", "exchange.hdlc.ratio",
            "exchange.hdlc.session_ratio", "exchange.wrapper.session_ratio",
            "exchange.wrapper.floor_ms", "exchange.wrapper.session_ms", "exchange.wrapper.ours_ms",
            "exchange.wrapper.ratio", "exchange.hdlc.untraced_ms", "exchange.hdlc.untraced_ratio",
            "exchange.wrapper.untraced_ms", "exchange.wrapper.untraced_ratio", "exchange.hdlc.run_ms",
            "exchange.wrapper.run_ms", "profile.session_ms", "profile.ours_ms", "profile.ours_kb_per_s");

    private static final Pattern MEASURE = Pattern.compile(
            "\\{\"key\": \"([^\"]+)\", \"name\": \"((?:[^\"\\\\]|\\\\.)*)\", \"value\": ([^,]+),");

    @Test
    void quickRunMeasuresEveryFigureAndWritesTableAndJson(@TempDir Path out) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = BenchCommand.run(new String[] {"--quick", "-o", out.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String table = stdout.toString(StandardCharsets.UTF_8);
        String log = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, "exit code; stderr:\n" + log);

        String json = Files.readString(out.resolve("bench.json"));
        assertTrue(json.contains("\"cores\": "), json);
        assertTrue(json.contains("\"java\": \"" + System.getProperty("java.version") + "\""), json);
        assertTrue(json.matches("(?s).*\"date\": \"\\d{4}-\\d\\d-\\d\\dT.*"), json);

        Map<String, String[]> measures = new LinkedHashMap<>();
        Matcher m = MEASURE.matcher(json);
        while (m.find()) {
            measures.put(m.group(1), new String[] {m.group(2), m.group(3)});
        }
        assertEquals(KEYS, List.copyOf(measures.keySet()), json);
        for (Map.Entry<String, String[]> e : measures.entrySet()) {
            String name = e.getValue()[0];
            String value = e.getValue()[1];
            if (NOT_RUN.contains(e.getKey())) {
                assertEquals("null", value, e.getKey() + " is measured only with --fleet");
                assertTrue(table.lines().anyMatch(line -> line.startsWith(name + " ") && line.contains("bench --fleet")),
                        "the table names " + name + " and how to run it:\n" + table);
                continue;
            }
            assertTrue(!value.equals("null") && Double.isFinite(Double.parseDouble(value)),
                    e.getKey() + " should be a figure, is " + value + "\n" + table + log);
            if (!DIFFERENCES.contains(e.getKey())) {
                assertTrue(Double.parseDouble(value) > 0, e.getKey() + " should be positive, is " + value);
            }
            assertTrue(table.lines().anyMatch(line -> line.startsWith(name + " ")),
                    "the table has no row " + name + ":\n" + table);
        }
        // A header, one row per measure, and where the JSON went.
        assertEquals(KEYS.size() + 2, table.lines().count(), table);
        assertTrue(table.contains("written to " + out.resolve("bench.json")), table);
    }

    @Test
    void helpIsReachedThroughTheXmlclientCommand() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = XmlClientCommand.run(new String[] {"bench", "--help"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code);
        assertTrue(stdout.toString(StandardCharsets.UTF_8).startsWith("Usage: xmlclient bench"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = BenchCommand.run(new String[] {"--fast"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(stderr.toString(StandardCharsets.UTF_8).startsWith("xmlclient bench: "), stderr.toString());
    }
}
