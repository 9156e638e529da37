package dlms.xmlclient.memo;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure: what a memo keeps, shares and lets go. */
class BoundedMemoTest {

    @Test
    void aResultIsComputedOnceAndSharedAfter() {
        BoundedMemo<String, String> memo = new BoundedMemo<>(1000);
        AtomicInteger computed = new AtomicInteger();
        String first = memo.get("a", k -> k + computed.incrementAndGet(), 10);
        String second = memo.get("a", k -> k + computed.incrementAndGet(), 10);
        assertEquals("a1", first);
        assertSame(first, second);
        assertEquals(1, computed.get());
    }

    @Test
    void theFirstResultKeptWinsSoEveryoneSharesOneInstance() {
        BoundedMemo<String, String> memo = new BoundedMemo<>(1000);
        String kept = new String("x");
        assertSame(kept, memo.put("k", kept, 1));
        assertSame(kept, memo.put("k", new String("x"), 1));
    }

    @Test
    void passingItsBoundEmptiesItAndKeepsTheNewResult() {
        BoundedMemo<Integer, String> memo = new BoundedMemo<>(160);
        for (int i = 0; i < 16; i++) {
            memo.put(i, "v" + i, 10);
        }
        assertEquals(16, memo.size());
        memo.put(99, "new", 10);
        assertEquals(1, memo.size());
        assertEquals("new", memo.get(99));
        assertNull(memo.get(0));
    }

    @Test
    void aResultHeavierThanASixteenthOfTheBoundIsNotKept() {
        BoundedMemo<String, String> memo = new BoundedMemo<>(160);
        memo.put("small", "s", 10);
        assertEquals("big", memo.put("big", "big", 11));
        assertNull(memo.get("big"));
        assertEquals("s", memo.get("small"));
        assertTrue(memo.size() == 1);
    }

    @Test
    void aBoundOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedMemo<String, String>(0));
    }
}
