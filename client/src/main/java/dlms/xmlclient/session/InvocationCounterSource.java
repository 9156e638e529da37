package dlms.xmlclient.session;

import gurux.dlms.enums.ObjectType;

import java.util.OptionalLong;

/**
 * Where an association's invocation counter starts: after the last one this run sent to the
 * meter, else after the meter's own counter object (read through the public client, on the same
 * link), else the configured start, else 0.
 */
final class InvocationCounterSource {

    private static final long MAX_INVOCATION_COUNTER = 0xFFFFFFFFL;

    private final Connection connection;
    private final FrameCounters counters;

    /** @param counters the run's invocation counters, shared by its sessions */
    InvocationCounterSource(Connection connection, FrameCounters counters) {
        this.connection = connection;
        this.counters = counters;
    }

    long first() throws SessionException {
        ConnectionSettings settings = connection.settings;
        OptionalLong known = counters.next(settings);
        if (known.isPresent()) {
            return known.getAsLong();
        }
        String ln = settings.security().invocationCounterObject();
        if (ln != null) {
            long value = read(ln);
            connection.trace.note("invocation counter " + ln + " reads " + value + ": continuing from " + (value + 1));
            return unexhausted(value + 1);
        }
        return unexhausted(Math.max(0, settings.security().initialInvocationCounter()));
    }

    /**
     * An association sends at least three ciphered APDUs (AARQ, HLS pass 3, a request); the
     * counter is 32 bits and must never wrap (the same key and nonce twice).
     */
    private static long unexhausted(long first) throws SessionException {
        if (first + 3 > MAX_INVOCATION_COUNTER) {
            throw new SessionException(SessionException.Kind.ASSOCIATE, "invocation counter exhausted (" + first
                    + " of " + MAX_INVOCATION_COUNTER + "): the meter's keys must be renewed");
        }
        return first;
    }

    /** Reads the meter's invocation counter object as the public client, released again before we associate. */
    private long read(String ln) throws SessionException {
        Connection publicClient = new Connection(connection.settings.publicClient(), connection.link, connection.trace,
                counters, connection.interruption);
        String failure = "cannot read the invocation counter " + ln + " through the public client "
                + publicClient.settings.clientAddress() + ": ";
        try {
            new Association(publicClient).establish(true, true);
            ReceivedReply reply = publicClient.reader.exchange(publicClient.client.read(ln, ObjectType.DATA, 2));
            if (reply.serviceError != null || reply.data.getError() != 0 || !(reply.data.getValue() instanceof Number)) {
                throw new SessionException(SessionException.Kind.ASSOCIATE, failure + "the meter answered "
                        + (reply.serviceError != null ? ServiceErrors.describe(reply.serviceError)
                        : reply.data.getError() != 0 ? ServiceErrors.dataAccessResult(reply.data.getError())
                        : "a value that is not a number"), Hint.check(Setting.INVOCATION_COUNTER_OBJECT));
            }
            return ((Number) reply.data.getValue()).longValue();
        } catch (SessionException e) {
            throw e.getMessage().startsWith(failure) ? e
                    : new SessionException(SessionException.Kind.ASSOCIATE, failure + e.getMessage(), e.hint(), e);
        } catch (Exception e) {
            connection.trace.note("gurux.dlms: " + Session.oneLine(e));
            throw new SessionException(SessionException.Kind.ASSOCIATE, failure + "its reply cannot be decoded (the"
                    + " decoder's reason is in trace.txt)", e);
        } finally {
            Release.end(publicClient);
        }
    }
}
