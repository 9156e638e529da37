package dlms.xmlclient.session;

import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.Verdict;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fuzz cases {@code first} to {@code end - 1} of a seed, on worker threads, each case watched by
 * a deadline. Case i takes its randomness from the seed and i alone (whichever thread runs it):
 * which recorded session, which chunks, which mutations. A case fails when it does not end in a
 * verdict: it throws, hangs, leaves a request without a verdict, or gets the comparator's "cannot
 * compare" (reply XML the verdict stage cannot read).
 */
final class FuzzRun {

    /** The failures kept whole; the rest are counted. */
    private static final int FAILURES_KEPT = 50;

    private final List<FuzzCorpus.Entry> corpus;
    private final List<byte[]> donors;
    private final long seed;
    private final int first;
    private final int end;
    private final long hangMillis;
    private final AtomicInteger next;

    final Map<Verdict, LongAdder> verdicts = new EnumMap<>(Verdict.class);
    final LongAdder sessionErrors = new LongAdder();
    final LongAdder comparisons = new LongAdder();
    final LongAdder failureCount = new LongAdder();
    /** Regression-file texts of the first failing cases. */
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    /** The regression-file text of a case that hung, or null. */
    volatile String hang;
    /** The longest case: its number and milliseconds. */
    private final long[] slowest = {-1, 0};
    long millis;

    FuzzRun(List<FuzzCorpus.Entry> corpus, List<byte[]> donors, long seed, int first, int end, long hangMillis) {
        this.corpus = corpus;
        this.donors = donors;
        this.seed = seed;
        this.first = first;
        this.end = end;
        this.hangMillis = hangMillis;
        this.next = new AtomicInteger(first);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, new LongAdder());
        }
    }

    /** The case a worker is running, for the watchdog. */
    private static final class Current {
        long started;
        int number;
        FuzzCase fuzzCase;
        String mutation;
    }

    /** Runs the cases; stops early only when one hangs. */
    void run(int threads) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        List<Current> current = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Current c = new Current();
            current.add(c);
            Thread t = new Thread(() -> work(c), "fuzz-" + w);
            t.setDaemon(true); // a hanging case must not keep the JVM alive
            workers.add(t);
            t.start();
        }
        while (hang == null && workers.stream().anyMatch(Thread::isAlive)) {
            for (Thread t : workers) {
                t.join(100);
            }
            for (int w = 0; w < threads; w++) {
                Current c = current.get(w);
                synchronized (c) {
                    if (c.started != 0 && System.nanoTime() - c.started > hangMillis * 1_000_000) {
                        hang = report(c.number, c.fuzzCase, c.mutation, "hangs (still running after " + hangMillis
                                + " ms)", stackOf(workers.get(w)));
                    }
                }
            }
        }
        millis = (System.nanoTime() - start) / 1_000_000;
    }

    /** The longest case, e.g. "12 ms (case 345)". */
    String slowest() {
        synchronized (slowest) {
            return slowest[1] + " ms (case " + slowest[0] + ")";
        }
    }

    /** How many cases were started. */
    int ran() {
        return Math.min(next.get(), end) - first;
    }

    private void work(Current current) {
        FuzzCorpus.Scripts scripts = new FuzzCorpus.Scripts();
        MemoVerdicts verdictsOf = new MemoVerdicts();
        for (int i = next.getAndIncrement(); i < end && hang == null; i = next.getAndIncrement()) {
            Random random = new Random(caseSeed(seed, i));
            FuzzCase recorded = corpus.get(random.nextInt(corpus.size())).recorded();
            FuzzScenario scenario = recorded.scenario();
            ReplyMutator mutator = new ReplyMutator(random, scenario.wrapper(), scenario.ciphered(), donors);
            FuzzCase fuzzed = recorded.withReplies(mutator.mutate(recorded.replies()));
            synchronized (current) {
                current.number = i;
                current.fuzzCase = fuzzed;
                current.mutation = mutator.description();
                current.started = System.nanoTime();
            }
            try {
                ScriptReplay.Outcome outcome = FuzzCorpus.replay(fuzzed, scripts, verdictsOf);
                String problem = problem(fuzzed, scripts, outcome);
                if (problem != null) {
                    fail(report(i, fuzzed, mutator.description(), problem, null));
                }
                for (Check c : outcome.checks()) {
                    verdicts.get(c.verdict()).increment();
                }
                if (outcome.error() != null) {
                    sessionErrors.increment();
                }
            } catch (Throwable e) {
                fail(report(i, fuzzed, mutator.description(), "uncaught " + e, e));
            } finally {
                long caseMillis;
                synchronized (current) {
                    caseMillis = (System.nanoTime() - current.started) / 1_000_000;
                    current.started = 0;
                }
                synchronized (slowest) {
                    if (caseMillis > slowest[1]) {
                        slowest[0] = i;
                        slowest[1] = caseMillis;
                    }
                }
            }
        }
        comparisons.add(verdictsOf.compared());
    }

    private void fail(String report) {
        failureCount.increment();
        if (failures.size() < FAILURES_KEPT) {
            failures.add(report);
        }
    }

    /**
     * Null when the case ended in a verdict: one for every request sent, the rest stopped by a
     * session error (the script's ERROR), and no comparison that could not be made.
     */
    static String problem(FuzzCase c, FuzzCorpus.Scripts scripts, ScriptReplay.Outcome outcome) {
        int requests = scripts.script(c.scenario(), c.script()).steps().size();
        if (outcome.checks().size() != outcome.replies().size()) {
            return "replies without a verdict: " + outcome.summary();
        }
        if (outcome.error() == null && outcome.checks().size() != requests) {
            return "requests neither answered nor stopped by an error: " + outcome.summary();
        }
        if (outcome.error() != null && outcome.error().isBlank()) {
            return "a session error without a message";
        }
        if (!outcome.comparatorFailures().isEmpty()) {
            return "verdict ERROR, " + outcome.comparatorFailures().get(0);
        }
        return null;
    }

    /** Case i's seed: the run's seed and the case number, mixed (SplitMix64). */
    static long caseSeed(long seed, int i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The case as a regression file, its comment saying how to run it again and what went wrong. */
    private String report(int i, FuzzCase c, String mutation, String what, Throwable e) {
        StringWriter stack = new StringWriter();
        if (e != null) {
            e.printStackTrace(new PrintWriter(stack));
        }
        String trimmed = String.join("\n", stack.toString().lines().limit(25).toList());
        return c.toText("fuzz case " + i + " of seed " + seed + " (-Dfuzz.seed=" + seed + " -Dfuzz.case=" + i + "): "
                + what + "\nmutation: " + mutation + (e == null ? "" : "\n" + trimmed));
    }

    private static Throwable stackOf(Thread t) {
        Throwable where = new Throwable("stack of " + t.getName());
        where.setStackTrace(t.getStackTrace());
        return where;
    }
}
