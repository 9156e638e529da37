package dlms.xmlclient.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dlms.xmlclient.verdict.ReplyComparator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 6: random and mutated reply frames thrown at the reply path (frame parser, block
 * transfer and HDLC segments, reply XML, verdict). Real sessions with the simulator are recorded
 * first; each case replays one of them through an in-memory link with one or two of the meter's
 * chunks mutated ({@link ReplyMutator}). Every case must end in a verdict: a verdict for each
 * request, or a session error (the script's ERROR verdict), within the per-case deadline, and
 * never an uncaught exception or error.
 *
 * <p>{@code -Dfuzz.seed=N} (or {@code random}) and {@code -Dfuzz.cases=N} change the run;
 * {@code -Dfuzz.case=I} runs case I of the seed only. Each case's randomness comes from the seed
 * and its number alone, so a case is the same whichever thread runs it. Crashers are written to
 * {@code target/fuzz-crashers/} and kept, once fixed, in {@code src/test/resources/fuzz/}, which
 * {@link #keptCrashersEndInAVerdict()} replays on every build.
 */
@Tag("fuzz")
class ReplyPathFuzzTest {

    private static final long DEFAULT_SEED = 0x6D1F_2026L;
    private static final int DEFAULT_CASES = 100_000;
    /**
     * A case takes milliseconds (the in-memory link never waits), except where gurux.dlms 4.0.47
     * allocates what a length field in a ciphered APDU says (up to 2 GB, 1.5 to 5 s on this
     * 2-core machine under load, more on a busy CI host): one still running after six times the
     * session's default wait time (what a silent meter costs with its three retries, and more)
     * is hanging.
     */
    private static final long HANG_MILLIS = 6L * ReplyLimits.DEFAULT.waitTimeMillis();
    private static final int CRASHERS_SHOWN = 5;
    private static final Path CRASHER_DIR = Path.of("client", "target", "fuzz-crashers");
    /** The regression cases: one file per crasher, listed in the index. */
    private static final String KEPT = "/fuzz/";

    /** Held so that the level set stays set (the logging keeps loggers weakly). */
    private static final Logger GURUX_LOG = Logger.getLogger("gurux");
    private static Level guruxLevel;
    private static List<FuzzCorpus.Entry> corpus;
    private static List<byte[]> donors;

    @BeforeAll
    static void recordTheCorpus() throws Exception {
        // gurux.dlms logs every frame it rejects; a hundred thousand broken frames would flood the build log.
        guruxLevel = GURUX_LOG.getLevel();
        GURUX_LOG.setLevel(Level.OFF);
        corpus = FuzzCorpus.record(new FuzzCorpus.Scripts(), new ReplyComparator());
        donors = new ArrayList<>();
        for (FuzzCorpus.Entry e : corpus) {
            donors.addAll(FuzzFrames.apdus(e.recorded().replies(), e.recorded().scenario().wrapper()));
        }
    }

    @AfterAll
    static void restoreLogging() {
        GURUX_LOG.setLevel(guruxLevel);
    }

    @Test
    void recordedSessionsReplayAsRecorded() {
        FuzzCorpus.Scripts scripts = new FuzzCorpus.Scripts();
        ReplyComparator comparator = new ReplyComparator();
        for (FuzzCorpus.Entry e : corpus) {
            FuzzCase recorded = e.recorded();
            ScriptReplay.Outcome live = e.outcome();
            ScriptReplay.Outcome replayed = FuzzCorpus.replay(recorded, scripts,
                    (expected, xml, sentAt) -> ScriptReplay.check(expected, xml, sentAt, comparator));
            String what = recorded.scenario().id + " " + recorded.script();
            assertEquals(live.replies(), replayed.replies(), what);
            assertEquals(live.error(), replayed.error(), what);
            assertTrue(replayed.comparatorFailures().isEmpty(), what + ": " + replayed.comparatorFailures());
        }
    }

    @Test
    void theCorpusCoversTheReplyKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("AARE", "61");
        kinds.put("ReleaseResponse", "63");
        kinds.put("GetResponseNormal", "C401");
        kinds.put("GetResponseWithDatablock", "C402");
        kinds.put("SetResponseNormal", "C501");
        kinds.put("ActionResponseNormal", "C701");
        kinds.put("ReadResponse", "0C");
        kinds.put("WriteResponse", "0D");
        kinds.put("ExceptionResponse", "D8");
        kinds.put("glo-ActionResponse (HLS pass 4)", "CF");
        kinds.put("general-glo-ciphering", "DB");
        Set<String> apdus = new HashSet<>();
        boolean segments = false;
        boolean ua = false;
        for (FuzzCorpus.Entry e : corpus) {
            boolean wrapper = e.recorded().scenario().wrapper();
            for (byte[] apdu : FuzzFrames.apdus(e.recorded().replies(), wrapper)) {
                apdus.add(HexFormat.of().withUpperCase().formatHex(apdu));
            }
            for (List<byte[]> chunks : e.recorded().replies()) {
                for (byte[] chunk : chunks) {
                    segments |= !wrapper && chunk.length > 3 && (chunk[1] & 0x08) != 0;
                    ua |= !wrapper && chunk.length > 8 && chunk[0] == 0x7E && (chunk[5] & 0xFF) == 0x73;
                }
            }
        }
        kinds.forEach((name, tag) -> assertTrue(apdus.stream().anyMatch(a -> a.startsWith(tag)),
                name + " in the corpus"));
        assertTrue(segments, "HDLC segments in the corpus");
        assertTrue(ua, "a UA in the corpus");
        assertTrue(corpus.stream().anyMatch(e -> e.recorded().scenario().ciphered() && e.outcome().error() == null
                && !e.outcome().replies().isEmpty()), "a ciphered session that gets past HLS pass 4");
        assertTrue(corpus.stream().anyMatch(e -> e.outcome().replies().stream().anyMatch(
                x -> x != null && x.contains("<DataAccessError"))), "a data-access error in the corpus");
    }

    @Test
    void fuzzedRepliesAlwaysEndInAVerdict() throws Exception {
        String seedProperty = System.getProperty("fuzz.seed", "");
        long seed = seedProperty.isBlank() ? DEFAULT_SEED
                : seedProperty.equals("random") ? new Random().nextLong() : Long.decode(seedProperty);
        int cases = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
        Integer only = Integer.getInteger("fuzz.case");
        int first = only == null ? 0 : only;
        int end = only == null ? cases : only + 1;
        int threads = Integer.getInteger("fuzz.threads", Math.max(2, Runtime.getRuntime().availableProcessors()));
        clearCrashers();

        FuzzRun run = new FuzzRun(corpus, donors, seed, first, end, Long.getLong("fuzz.hangMillis", HANG_MILLIS));
        run.run(threads);
        System.out.printf("reply-path fuzz: seed %d (-Dfuzz.seed=%d), %d cases in %d ms on %d threads, %d recorded"
                + " sessions; verdicts %s (%d comparisons made, the rest known); %d cases ended by a session"
                + " error; the longest case took %s%n", seed, seed, run.ran(), run.millis, threads, corpus.size(),
                run.verdicts, run.comparisons.sum(), run.sessionErrors.sum(), run.slowest());
        if (run.hang != null) {
            save(run.hang, "hang");
            fail("a fuzz case hangs:\n" + run.hang);
        }
        for (int i = 0; i < run.failures.size(); i++) {
            save(run.failures.get(i), "crasher-" + i);
        }
        assertEquals(0, run.failureCount.sum(), () -> run.failureCount.sum() + " of " + run.ran()
                + " fuzz cases did not end in a verdict (the first in " + CRASHER_DIR + "); the first:\n"
                + String.join("\n", run.failures.subList(0, Math.min(CRASHERS_SHOWN, run.failures.size()))));
        assertEquals(end - first, run.ran());
    }

    /** Crashers found by earlier runs, fixed: each must end in a verdict, in time. */
    @TestFactory
    Stream<DynamicTest> keptCrashersEndInAVerdict() throws IOException {
        List<String> names;
        try (InputStream index = getClass().getResourceAsStream(KEPT + "index.txt")) {
            assertNotNull(index, "fuzz/index.txt");
            names = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String text;
            try (InputStream in = getClass().getResourceAsStream(KEPT + name)) {
                assertNotNull(in, name);
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // "expect: TEXT" lines: what the outcome (verdicts, then the session error) must say.
            List<String> expected = text.lines().filter(l -> l.startsWith("expect:"))
                    .map(l -> l.substring(7).strip()).toList();
            FuzzCase c = FuzzCase.parse(text.lines().filter(l -> !l.startsWith("expect:"))
                    .reduce("", (a, b) -> a + b + "\n"));
            FuzzCorpus.Scripts scripts = new FuzzCorpus.Scripts();
            ScriptReplay.Outcome outcome = assertTimeoutPreemptively(Duration.ofMillis(HANG_MILLIS),
                    () -> FuzzCorpus.replay(c, scripts, new MemoVerdicts()));
            assertEquals(null, FuzzRun.problem(c, scripts, outcome), outcome.summary());
            for (String e : expected) {
                assertTrue(outcome.summary().contains(e), "\"" + e + "\" in " + outcome.summary());
            }
        }));
    }

    private static void clearCrashers() throws IOException {
        if (Files.isDirectory(CRASHER_DIR)) {
            try (Stream<Path> old = Files.list(CRASHER_DIR)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void save(String report, String name) {
        try {
            Files.createDirectories(CRASHER_DIR);
            Files.writeString(CRASHER_DIR.resolve(name + ".txt"), report);
        } catch (IOException e) {
            System.err.println("cannot save a crasher: " + e);
        }
    }
}
