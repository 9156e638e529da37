package dlms.xmlclient.session;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invocation counters (frame counters) a run has sent, per meter and client, and those the
 * meters sent back. A meter keeps
 * the last counter it accepted from a client and refuses anything not above it, so every
 * association of a run continues where the one before it stopped, across scripts.
 */
public final class FrameCounters {

    private final Map<String, Long> next = new ConcurrentHashMap<>();
    /** The highest invocation counter each meter sent each client under its global key. */
    private final Map<String, Long> fromMeter = new ConcurrentHashMap<>();

    /** @return the next counter to send to this meter as this client, if the run has used one */
    OptionalLong next(ConnectionSettings s) {
        Long value = next.get(key(s));
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Records the counter the next association must start from (never lowers it). */
    void sent(ConnectionSettings s, long nextCounter) {
        next.merge(key(s), nextCounter, Math::max);
    }

    /** @return the highest counter this meter (by its system title) sent this client in the run, or -1 */
    long lastFromMeter(ConnectionSettings s, String meterSystemTitle) {
        return fromMeter.getOrDefault(meterKey(s, meterSystemTitle), -1L);
    }

    /** Records a counter the meter sent (never lowers the highest). */
    void fromMeter(ConnectionSettings s, String meterSystemTitle, long counter) {
        fromMeter.merge(meterKey(s, meterSystemTitle), counter, Math::max);
    }

    /**
     * A counter belongs to its key: a script that changes the global key (key transfer) may
     * start the meter's counter again, so the key (its hash, held in memory only) is part of it.
     */
    private static String meterKey(ConnectionSettings s, String meterSystemTitle) {
        String key = s.security().blockCipherKey();
        return key(s) + "/" + meterSystemTitle + "/" + (key == null ? 0 : key.toUpperCase(java.util.Locale.ROOT).hashCode());
    }

    private static String key(ConnectionSettings s) {
        String meter = s.medium().serial() != null ? s.medium().serial().port() : s.host() + ":" + s.port();
        return meter + "/" + s.interfaceType() + "/" + s.serverAddress() + "/"
                + s.clientAddress() + "/" + s.security().clientSystemTitle();
    }
}
