package dlms.xmlclient.simulator.server;

import java.util.ArrayList;
import java.util.List;

import dlms.xmlclient.simulator.device.SecurityObjects;
import gurux.dlms.GXUInt32;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSData;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;

/**
 * Replay protection: the frame (invocation) counters 0.0.43.1.e.255 of the ciphered
 * associations, each accepting only a counter greater than the last one it accepted, for the
 * life of the simulator.
 * <p>
 * gurux.dlms 4.0.47 (GXSecure.decryptAesGcm) refuses a received counter only when it is below the
 * Data object's value and then stores the received counter there, so the same counter is
 * accepted twice; it also stores it before the APDU is authenticated, so a forged APDU with a
 * huge counter would lock the real client out. Before each request the value is therefore
 * replaced by a {@link Threshold} worth last accepted + 1, which gurux.dlms compares with; after
 * the request a value gurux.dlms stored in its place is the received counter, kept only when the
 * APDU was authenticated. Reading attribute 2 gives the last accepted counter, 0 before any.
 * GXDLMSData's accessors are final, hence this wrapping instead of a subclass.
 */
final class InvocationCounters {

    /** What happened to the counters during one request. */
    record Outcome(boolean accepted, boolean refused, long expected) {
        static final Outcome NONE = new Outcome(false, false, 0);
    }

    /** The value gurux.dlms compares a received counter with; records that it did. */
    static final class Threshold extends Number {
        private static final long serialVersionUID = 1L;
        private final long value;
        private transient boolean compared;

        Threshold(long value) {
            this.value = value;
        }

        @Override
        public long longValue() {
            compared = true;
            return value;
        }

        @Override
        public int intValue() {
            return (int) longValue();
        }

        @Override
        public float floatValue() {
            return longValue();
        }

        @Override
        public double doubleValue() {
            return longValue();
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    private static final class Counter {
        private final GXDLMSData data;
        /** Last accepted counter, -1 before any. */
        private long last;
        private Threshold threshold;

        Counter(GXDLMSData data, long last) {
            this.data = data;
            this.last = last;
        }
    }

    private final List<Counter> counters = new ArrayList<>();

    /**
     * Takes over every invocation counter object of the device. A value other than 0 (from a
     * device file) is taken as the last accepted counter.
     *
     * @param device the served objects
     */
    InvocationCounters(GXDLMSObjectCollection device) {
        for (GXDLMSObject it : device.getObjects(ObjectType.DATA)) {
            if (SecurityObjects.isInvocationCounter(it.getLogicalName())) {
                GXDLMSData data = (GXDLMSData) it;
                long value = data.getValue() instanceof Number
                        ? ((Number) data.getValue()).longValue() : 0;
                data.setDataType(2, DataType.UINT32);
                counters.add(new Counter(data, value > 0 ? value : -1));
            }
        }
        arm();
    }

    /** Puts a fresh threshold in every counter; called before every request. */
    void arm() {
        for (Counter c : counters) {
            c.threshold = new Threshold(c.last + 1);
            c.data.setValue(c.threshold);
        }
    }

    /**
     * Looks at what gurux.dlms did with the counters during the request and puts the thresholds
     * back.
     *
     * @param authenticated true when the request's APDU was deciphered and authenticated; a
     *            counter gurux.dlms accepted is kept only then
     * @return accepted (a counter passed the check), refused (a counter was below the threshold)
     *         with the expected (lowest acceptable) counter, or neither
     */
    Outcome settle(boolean authenticated) {
        Outcome outcome = Outcome.NONE;
        for (Counter c : counters) {
            Object value = c.data.getValue();
            if (value != c.threshold && value instanceof Number) {
                long received = ((Number) value).longValue();
                if (authenticated) {
                    c.last = received;
                }
                outcome = new Outcome(true, false, 0);
            } else if (c.threshold.compared) {
                outcome = new Outcome(false, true, c.threshold.value);
            }
        }
        arm();
        return outcome;
    }

    /**
     * @param data an invocation counter object, or null
     * @return the lowest counter it accepts now (last accepted + 1, 0 before any), -1 when the
     *         object is not one of the counters
     */
    long expected(GXDLMSData data) {
        for (Counter c : counters) {
            if (c.data == data) {
                return c.last + 1;
            }
        }
        return -1;
    }

    /**
     * @param target an object
     * @return the last accepted counter (0 before any) when the object is one of the counters,
     *         else null
     */
    GXUInt32 lastAccepted(GXDLMSObject target) {
        for (Counter c : counters) {
            if (c.data == target) {
                return new GXUInt32(Math.max(c.last, 0));
            }
        }
        return null;
    }
}
