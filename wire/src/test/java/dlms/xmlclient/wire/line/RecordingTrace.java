package dlms.xmlclient.wire.line;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@link LinkTrace} that keeps what a medium reports, for tests to look at. */
public final class RecordingTrace implements LinkTrace {

    public final List<String> notes = new ArrayList<>();
    /** What was sent outside DLMS frames, as ASCII. */
    public final List<String> sent = new ArrayList<>();

    @Override
    public void note(String text) {
        notes.add(text);
    }

    @Override
    public void sent(byte[] data) {
        sent.add(new String(data, StandardCharsets.US_ASCII));
    }

    @Override
    public void received(byte[] data) {
        // Not needed by the tests.
    }
}
