package dlms.xmlclient.session;

import dlms.xmlclient.media.Links;
import dlms.xmlclient.media.Medium;
import dlms.xmlclient.script.Script;
import dlms.xmlclient.script.ScriptException;
import dlms.xmlclient.script.ScriptLoader;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.verdict.Expectations;
import dlms.xmlclient.verdict.ReplyComparator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real sessions with the simulator, kept as {@link FuzzCase}s: every chunk the meter sent, in
 * answer to which frame, and the client's HLS challenges; and replays of such cases through
 * a {@link ReplayLink}.
 */
final class FuzzCorpus {

    private static final String HOST = "127.0.0.1";
    static final ReplyLimits RECORDING = new ReplyLimits(5000, 5000, 0, ReplyLimits.DEFAULT_MAX_REPLY_BYTES);
    /** An in-memory link answers at once or never: no waiting, no resending. */
    static final ReplyLimits REPLAY = new ReplyLimits(1, 1, 0, ReplyLimits.DEFAULT_MAX_REPLY_BYTES);
    private static final Expectations EXPECTED = new Expectations(Path.of("expected"));

    /** A recorded session and what the client made of it. */
    record Entry(FuzzCase recorded, ScriptReplay.Outcome outcome) {
    }

    /** The scripts and expectations of one thread (a loaded request is not shared between threads). */
    static final class Scripts {
        private final Map<String, Script> scripts = new HashMap<>();
        private final Map<String, List<String>> expected = new HashMap<>();

        Script script(FuzzScenario scenario, String relativePath) {
            return scripts.computeIfAbsent(scenario.id + "/" + relativePath, k -> load(scenario, relativePath));
        }

        List<String> expected(FuzzScenario scenario, String relativePath) {
            return expected.computeIfAbsent(scenario.id + "/" + relativePath, k -> {
                try {
                    return EXPECTED.forScript(script(scenario, relativePath));
                } catch (ScriptException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        }

        private static Script load(FuzzScenario scenario, String relativePath) {
            ConnectionSettings s = scenario.settings(HOST, 0, REPLAY);
            try {
                return new ScriptLoader(s.interfaceType(), s.logicalNames(), s.clientAddress(), s.serverAddress())
                        .load(scenario.scriptDir().resolve(relativePath), relativePath);
            } catch (ScriptException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    private FuzzCorpus() {
    }

    /** Runs every scenario's scripts against a simulator of its own and keeps what the meter sent. */
    static List<Entry> record(Scripts scripts, ReplyComparator comparator) throws Exception {
        List<Entry> entries = new ArrayList<>();
        for (FuzzScenario scenario : FuzzScenario.values()) {
            try (MeterSimulator meter = MeterSimulator.start(scenario.simulator())) {
                for (String relativePath : scenario.scripts) {
                    Map<Integer, byte[]> challenges = new TreeMap<>();
                    RecordingLink[] link = new RecordingLink[1];
                    byte[][] last = new byte[1][];
                    ScriptReplay.Outcome outcome = ScriptReplay.run(scenario.settings(HOST, meter.port(), RECORDING),
                            scripts.script(scenario, relativePath), scripts.expected(scenario, relativePath),
                            onSend -> link[0] = new RecordingLink(Links.forMedium(Medium.tcp(HOST, meter.port()), 5000, null), onSend),
                            (index, client) -> {
                                byte[] challenge = client.getCtoSChallenge();
                                if (challenge != null && !Arrays.equals(challenge, last[0])) {
                                    challenges.put(index, challenge.clone());
                                    last[0] = challenge.clone();
                                }
                            }, comparator);
                    List<List<byte[]>> replies = new ArrayList<>();
                    for (List<byte[]> chunks : link[0].replies) {
                        replies.add(List.copyOf(chunks));
                    }
                    entries.add(new Entry(new FuzzCase(scenario, relativePath, List.copyOf(replies),
                            Map.copyOf(challenges)), outcome));
                }
            }
        }
        return entries;
    }

    /** Runs the case's script against its replies, with the case's challenges pinned. */
    static ScriptReplay.Outcome replay(FuzzCase c, Scripts scripts, ScriptReplay.Verdicts verdicts) {
        return ScriptReplay.run(c.scenario().settings(HOST, 0, REPLAY), scripts.script(c.scenario(), c.script()),
                scripts.expected(c.scenario(), c.script()), onSend -> new ReplayLink(c.replies(), onSend),
                (index, client) -> {
                    byte[] challenge = c.challenges().get(index);
                    if (challenge != null) {
                        // gurux.dlms 4.0.47 keeps a challenge it already has when a custom one is
                        // set; clearing it first lets the recorded one in.
                        client.setCtoSChallenge(null);
                        client.setCtoSChallenge(challenge.clone());
                    }
                }, verdicts);
    }
}
