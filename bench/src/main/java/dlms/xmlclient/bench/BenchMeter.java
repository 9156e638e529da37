package dlms.xmlclient.bench;

import dlms.xmlclient.cli.PlannedScripts;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.script.ScriptException;
import dlms.xmlclient.script.ScriptLoader;
import dlms.xmlclient.verdict.Expectations;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-process simulator (HDLC or WRAPPER) with the generated scripts for it, their
 * associations as {@code xmlclient -h 127.0.0.1 -p PORT [-w] -x DIR} would give them (the public
 * client, no authentication), and their expected replies, recorded once from the simulator
 * before anything is timed.
 */
final class BenchMeter implements AutoCloseable {

    private final MeterSimulator meter;
    private final boolean wrapper;
    private final Path dir;
    private final Map<String, ScriptSource> scripts = new LinkedHashMap<>();
    private final PrintStream err;

    private BenchMeter(MeterSimulator meter, boolean wrapper, Path dir, PrintStream err) {
        this.meter = meter;
        this.wrapper = wrapper;
        this.dir = dir;
        this.err = err;
    }

    static BenchMeter start(Path work, boolean wrapper, BenchConfig config, PrintStream err) throws Exception {
        MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper));
        BenchMeter bench = new BenchMeter(meter, wrapper, work.resolve(wrapper ? "wrapper" : "hdlc"), err);
        try {
            bench.prepare(config);
        } catch (Exception e) {
            bench.close();
            throw e;
        }
        return bench;
    }

    private void prepare(BenchConfig config) throws IOException {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        for (int n : new int[] {config.requests(), config.floorRequests()}) {
            GeneratedScripts.writeExchanges(messages, n);
            GeneratedScripts.writeExchanges(messages, 2 * n);
        }
        GeneratedScripts.writeProfile(messages, 1);
        GeneratedScripts.writeProfile(messages, 1 + ProfileBench.EXTRA_READS);
        List<String> flags = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", String.valueOf(meter.port())));
        if (wrapper) {
            flags.add("-w");
        }
        for (ScriptSource s : PlannedScripts.find(messages, flags, System.getenv())) {
            scripts.put(s.relativePath(), s);
        }
        // What the full path and the step loop run is checked, so that needs expected replies.
        List<ScriptSource> checked = new ArrayList<>();
        for (String name : List.of(GeneratedScripts.exchanges(config.requests()),
                GeneratedScripts.exchanges(2 * config.requests()), GeneratedScripts.exchanges(config.floorRequests()),
                GeneratedScripts.exchanges(2 * config.floorRequests()), GeneratedScripts.profile(1),
                GeneratedScripts.profile(1 + ProfileBench.EXTRA_READS))) {
            checked.add(script(name));
        }
        PathRun.record(checked, dir.resolve("recording"), expectedDir(), err);
    }

    /** Runs one generated script through our whole path; every reply must pass. */
    PathRun.Result run(String script) throws IOException {
        return PathRun.run(List.of(script(script)), dir.resolve("out"), expectedDir(), describe(), err)
                .requireAllPassed(label());
    }

    /** The requests of a generated script, loaded as the runner loads them. */
    List<Step> steps(String script) throws ScriptException {
        ScriptSource s = script(script);
        ConnectionSettings c = s.connection();
        return new ScriptLoader(c.interfaceType(), c.logicalNames(), c.clientAddress(), c.serverAddress())
                .load(s.file(), s.relativePath()).steps();
    }

    /** The expected reply of each request of a generated script, as the runner finds them. */
    List<String> expected(String script) throws ScriptException {
        ScriptSource s = script(script);
        ConnectionSettings c = s.connection();
        return new Expectations(expectedDir()).forScript(new ScriptLoader(c.interfaceType(), c.logicalNames(),
                c.clientAddress(), c.serverAddress()).load(s.file(), s.relativePath()));
    }

    ConnectionSettings settings() {
        return scripts.values().iterator().next().connection();
    }

    int port() {
        return meter.port();
    }

    boolean wrapper() {
        return wrapper;
    }

    Path dir() {
        return dir;
    }

    String label() {
        return wrapper ? "WRAPPER" : "HDLC";
    }

    private String describe() {
        return "tcp 127.0.0.1:" + meter.port() + " (" + label() + ")";
    }

    private Path expectedDir() {
        return dir.resolve("expected");
    }

    private ScriptSource script(String name) {
        ScriptSource s = scripts.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no generated script " + name);
        }
        return s;
    }

    @Override
    public void close() {
        meter.close();
    }
}
