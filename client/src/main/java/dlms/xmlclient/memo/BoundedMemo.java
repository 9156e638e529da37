package dlms.xmlclient.memo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The results of a pure function, shared by all threads, bounded by the total weight of what it
 * holds (characters, bytes, as the caller weighs them). When a result would take it past its
 * bound it is emptied and fills again from what comes next: no bookkeeping per entry, one
 * recomputation per entry after each emptying, and never more than the bound (plus what the
 * threads put in while it was being emptied). An entry heavier than a sixteenth of the bound is
 * not kept, so one big reply cannot push out the many small ones.
 *
 * @param <K> the function's argument; its equals and hashCode must be by content
 * @param <V> the result; immutable, since every thread that asks gets the same instance
 */
public final class BoundedMemo<K, V> {

    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    private final AtomicLong weight = new AtomicLong();
    private final long maxWeight;

    /** @param maxWeight the most it holds, in the units {@link #put} is told */
    public BoundedMemo(long maxWeight) {
        if (maxWeight <= 0) {
            throw new IllegalArgumentException("maxWeight " + maxWeight);
        }
        this.maxWeight = maxWeight;
    }

    /** @return the result kept for {@code key}, or null */
    public V get(K key) {
        return entries.get(key);
    }

    /**
     * Keeps a result. Of two threads that computed the same key, the first one kept wins, so
     * later callers share one instance.
     *
     * @return the result now kept for {@code key} (the one given, or the one kept before)
     */
    public V put(K key, V value, long entryWeight) {
        if (entryWeight > maxWeight / 16) {
            return value;
        }
        if (weight.addAndGet(entryWeight) > maxWeight) {
            synchronized (this) {
                if (weight.get() > maxWeight) {
                    entries.clear();
                    weight.set(entryWeight);
                }
            }
        }
        V kept = entries.putIfAbsent(key, value);
        return kept != null ? kept : value;
    }

    /** The kept result, or {@code compute}'s, kept; computed outside any lock (it may be slow). */
    public V get(K key, Function<K, V> compute, long entryWeight) {
        V known = entries.get(key);
        return known != null ? known : put(key, compute.apply(key), entryWeight);
    }

    /** @return how many results are kept now */
    public int size() {
        return entries.size();
    }
}
