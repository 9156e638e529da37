package dlms.xmlclient.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The meter's invocation counter must rise with every ciphered APDU it sends (IEC 62056-5-3:
 * the same key and counter twice is a replay, or a meter reusing its nonce). Checked over the
 * association and, for the global key, over the run: the run's {@link FrameCounters} remember
 * the last counter each meter sent each client.
 */
final class ReplayCheck {

    private final FrameCounters run;
    private final ConnectionSettings settings;
    /** The association's last counter under its dedicated key, or -1. */
    private long lastDedicated = -1;

    ReplayCheck(FrameCounters run, ConnectionSettings settings) {
        this.run = run;
        this.settings = settings;
    }

    /** @return a finding for each APDU whose counter does not rise; the counters are remembered */
    List<String> check(List<byte[]> apdus, String meterSystemTitle) {
        List<String> found = new ArrayList<>();
        for (byte[] apdu : apdus) {
            CipheredCounter.Found c = CipheredCounter.of(apdu);
            if (c == null) {
                continue;
            }
            long last = c.key() == CipheredCounter.Key.GLOBAL ? run.lastFromMeter(settings, meterSystemTitle)
                    : lastDedicated;
            if (c.counter() <= last) {
                found.add("security: the meter's invocation counter " + c.counter() + " (" + String.format("%08X",
                        c.counter()) + ") does not rise above " + last + ", the last one it sent"
                        + (c.key() == CipheredCounter.Key.GLOBAL ? " this client in this run" : " in this association")
                        + ": a replayed reply, or a meter that reuses its counter");
            }
            if (c.key() == CipheredCounter.Key.GLOBAL) {
                run.fromMeter(settings, meterSystemTitle, c.counter());
            } else {
                lastDedicated = Math.max(lastDedicated, c.counter());
            }
        }
        return found;
    }
}
