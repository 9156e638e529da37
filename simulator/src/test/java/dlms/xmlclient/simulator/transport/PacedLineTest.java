package dlms.xmlclient.simulator.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A paced line on its own real scheduler, writing to a recording target. */
class PacedLineTest {

    /** Records what is written, and when, in order. */
    private static final class Recorder implements MeterAccess.Replies {
        final List<Integer> firstBytes = Collections.synchronizedList(new ArrayList<>());
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        final CountDownLatch done;
        volatile long lastWrite;
        final CountDownLatch hung = new CountDownLatch(1);
        volatile boolean hungUpAfterAll;

        Recorder(int expectedWrites) {
            done = new CountDownLatch(expectedWrites);
        }

        @Override
        public synchronized void send(byte[] reply) {
            firstBytes.add(reply[0] & 0xFF);
            all.writeBytes(reply);
            lastWrite = System.nanoTime();
            done.countDown();
        }

        @Override
        public void hangUp() {
            hungUpAfterAll = done.getCount() == 0;
            hung.countDown();
        }
    }

    @Test
    void repliesKeepTheirOrderWhateverTheJitter() throws Exception {
        PacedLine line = PacedLine.own(new ReplyPacing(20, 20, 0), "test pacing", false);
        Recorder target = new Recorder(40);
        try {
            long now = System.nanoTime();
            for (int i = 0; i != 40; ++i) {
                line.after(now, target).send(new byte[] {(byte) i});
            }
            line.after(now, target).hangUp();
            assertTrue(target.done.await(10, TimeUnit.SECONDS));
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i != 40; ++i) {
                expected.add(i);
            }
            assertEquals(expected, target.firstBytes);
            assertTrue(target.hung.await(10, TimeUnit.SECONDS));
            assertTrue(target.hungUpAfterAll, "hang-up after every reply");
        } finally {
            line.close();
        }
    }

    @Test
    void aReplyIsWrittenWholeButSpreadOverItsLineTime() throws Exception {
        PacedLine line = PacedLine.own(new ReplyPacing(0, 0, 9600), "test pacing", false);
        byte[] reply = new byte[480]; // 0.5 s at 9600 baud
        for (int i = 0; i != reply.length; ++i) {
            reply[i] = (byte) i;
        }
        Recorder target = new Recorder((480 + 18) / 19);
        try {
            long start = System.nanoTime();
            line.after(start, target).send(reply);
            assertTrue(target.done.await(10, TimeUnit.SECONDS));
            assertEquals(java.util.Arrays.toString(reply),
                    java.util.Arrays.toString(target.all.toByteArray()));
            assertTrue(target.lastWrite - start >= TimeUnit.MILLISECONDS.toNanos(500),
                    "the last bytes leave after 480 * 10 / 9600 s");
        } finally {
            line.close();
        }
    }
}
