package dlms.xmlclient.run;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reports' own thread: same events, same order, all handled by the run's end, failures told in the run's thread. */
class QueuedListenerTest {

    private static final RunPlan PLAN = new RunPlan(List.of(), Path.of("out"), null, false);

    @Test
    void everyEventReachesTheListenerInOrderOnAnotherThreadBeforeRunFinishedReturns() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        RunListener slow = new RunListener() {
            @Override
            public void runStarted(RunPlan plan) {
                heard.add("started");
                threads.add(Thread.currentThread());
            }

            @Override
            public void scriptStarted(ScriptSource source) {
                pause(); // slower than the run: the queue fills and waits
                heard.add(source.relativePath());
            }

            @Override
            public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
                heard.add("finished");
            }
        };
        QueuedListener queued = new QueuedListener(slow);
        queued.runStarted(PLAN);
        List<String> expected = new ArrayList<>(List.of("started"));
        for (int i = 0; i < 40; i++) { // more than the queue holds
            String name = "s" + i + ".xml";
            queued.scriptStarted(new ScriptSource(Path.of(name), name));
            expected.add(name);
        }
        queued.runFinished(List.of(), 0);
        expected.add("finished");
        assertEquals(expected, heard);
        assertNotEquals(Thread.currentThread(), threads.get(0));
        assertTrue(!threads.get(0).isAlive(), "the reports' thread ends with the run");
    }

    @Test
    void aListenerThatFailsStopsTheRunAtItsNextEventWithTheSameException() throws Exception {
        IllegalStateException broken = new IllegalStateException("disk gone");
        CountDownLatch failed = new CountDownLatch(1);
        QueuedListener queued = new QueuedListener(new RunListener() {
            @Override
            public void scriptStarted(ScriptSource source) {
                failed.countDown();
                throw broken;
            }
        });
        queued.runStarted(PLAN);
        queued.scriptStarted(new ScriptSource(Path.of("a.xml"), "a.xml"));
        assertTrue(failed.await(10, TimeUnit.SECONDS));
        // The failure is recorded just after the listener threw: the run meets it at an event soon after.
        IllegalStateException thrown = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thrown == null && System.nanoTime() < deadline) {
            try {
                queued.scriptStarted(new ScriptSource(Path.of("b.xml"), "b.xml"));
                Thread.sleep(1);
            } catch (IllegalStateException e) {
                thrown = e;
            }
        }
        assertSame(broken, thrown);
    }

    @Test
    void aFailureInTheLastEventsIsThrownByRunFinishedOnceTheReportsThreadHasEnded() {
        Error broken = new AssertionError("report bug");
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        QueuedListener queued = new QueuedListener(new RunListener() {
            @Override
            public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
                threads.add(Thread.currentThread());
                throw broken;
            }
        });
        queued.runStarted(PLAN);
        assertSame(broken, assertThrows(AssertionError.class, () -> queued.runFinished(List.of(), 0)));
        assertTrue(!threads.get(0).isAlive());
    }

    @Test
    void aFailureIsNotThrownAtARequestWhichTheRunnerWouldBlame() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        QueuedListener queued = new QueuedListener(new RunListener() {
            @Override
            public void scriptStarted(ScriptSource source) {
                failed.countDown();
                throw new IllegalStateException("report bug");
            }
        });
        queued.runStarted(PLAN);
        ScriptSource a = new ScriptSource(Path.of("a.xml"), "a.xml");
        queued.scriptStarted(a);
        assertTrue(failed.await(10, TimeUnit.SECONDS));
        Thread.sleep(20);
        queued.requestFinished(a, null); // the failure waits for the script's end
        assertThrows(IllegalStateException.class, () -> queued.runFinished(List.of(), 0));
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
