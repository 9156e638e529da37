package dlms.xmlclient.simulator.server;

import java.lang.reflect.Field;

import gurux.dlms.GXDLMSSettings;

/**
 * The HDLC send and receive sequence numbers gurux.dlms 4.0.47 keeps in its settings, saved and
 * set back so that the items of one with-list request ({@link ListServices}) are served as one
 * exchange. The library has no accessor for them (package-private fields, hence reflection).
 */
final class HdlcCounters {

    private static final Field SENDER = field("senderFrame");
    private static final Field RECEIVER = field("receiverFrame");

    private final GXDLMSSettings settings;

    HdlcCounters(GXDLMSSettings settings) {
        this.settings = settings;
    }

    GXDLMSSettings settings() {
        return settings;
    }

    short[] save() {
        try {
            return new short[] {SENDER.getShort(settings), RECEIVER.getShort(settings)};
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    void restore(short[] saved) {
        try {
            SENDER.setShort(settings, saved[0]);
            RECEIVER.setShort(settings, saved[1]);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(String name) {
        try {
            Field f = GXDLMSSettings.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("gurux.dlms has no " + name + " field: another release?", e);
        }
    }
}
