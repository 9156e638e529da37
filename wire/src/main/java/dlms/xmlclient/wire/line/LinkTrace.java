package dlms.xmlclient.wire.line;

/** Where a medium reports what it does below the DLMS frames: handshakes, line switches, fallbacks. */
public interface LinkTrace {

    /** A line for the trace, e.g. the meter's IEC identification. */
    void note(String text);

    /** Bytes sent that are not DLMS frames (the IEC 62056-21 handshake). */
    void sent(byte[] data);

    /** Bytes received that are not DLMS frames. */
    void received(byte[] data);

    /** A trace that drops everything. */
    LinkTrace NONE = new LinkTrace() {
        @Override
        public void note(String text) {
        }

        @Override
        public void sent(byte[] data) {
        }

        @Override
        public void received(byte[] data) {
        }
    };
}
