package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.run.StopSignal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeterPoolTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private MeterPool pool(int parallel) {
        return new MeterPool(parallel, "test", new StopSignal(), new PrintStream(err, true, StandardCharsets.UTF_8),
                "meter");
    }

    @Test
    void noMoreThanParallelMetersRunAtOnceAndAllOfThemRun() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch fullHouse = new CountDownLatch(5);
        try (MeterPool pool = pool(5)) {
            for (int i = 0; i < 40; i++) {
                pool.submit("m" + i, () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    fullHouse.countDown();
                    try {
                        // The first five wait for each other: five at once is reached, not just allowed.
                        fullHouse.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    done.incrementAndGet();
                    return ExitCode.OK;
                });
            }
            assertEquals(ExitCode.OK, pool.awaitAll());
        }
        assertEquals(40, done.get());
        assertEquals(5, most.get());
    }

    @Test
    void metersStartInTheOrderTheyWereSubmitted() {
        List<Integer> order = new CopyOnWriteArrayList<>();
        try (MeterPool pool = pool(1)) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                pool.submit("m" + i, () -> {
                    order.add(n);
                    return ExitCode.OK;
                });
            }
            pool.awaitAll();
        }
        assertEquals(java.util.stream.IntStream.range(0, 50).boxed().toList(), order);
    }

    @Test
    void theWorstExitCodeWinsAndADefectInOneMeterLeavesTheOthersRunning() {
        AtomicInteger done = new AtomicInteger();
        int code;
        try (MeterPool pool = pool(4)) {
            pool.submit("failing", () -> ExitCode.FAILED);
            pool.submit("broken", () -> {
                throw new IllegalStateException("a defect of ours");
            });
            for (int i = 0; i < 10; i++) {
                pool.submit("fine" + i, () -> done.incrementAndGet() > 0 ? ExitCode.OK : ExitCode.OK);
            }
            code = pool.awaitAll();
        }
        assertEquals(10, done.get());
        assertEquals(ExitCode.worst(ExitCode.FAILED, ExitCode.NO_CONNECTION), code);
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("xmlclient: meter broken: internal error: java.lang.IllegalStateException: a defect"
                + " of ours"), said);
    }
}
