package dlms.xmlclient.run;

import dlms.xmlclient.media.Link;
import gurux.dlms.internal.GXCommon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A meter played back from a recorded trace ({@code TX}/{@code RX} lines of hex): the n-th frame
 * the client sends must be the n-th frame recorded as sent (masked bytes, {@code **}, match
 * anything) and is answered with the frames recorded after it. Past the recording, or from the
 * {@link #silentFrom} frame on, it answers nothing, at once: no sockets, no waiting.
 */
final class RecordedMeter implements Link {

    private record Exchange(String sent, List<byte[]> answers) {
    }

    private final List<Exchange> exchanges;
    private final Deque<byte[]> inbound = new ArrayDeque<>();
    private final List<String> mismatches = new ArrayList<>();
    private int sends;
    private int silentFrom = Integer.MAX_VALUE;

    private RecordedMeter(List<Exchange> exchanges) {
        this.exchanges = exchanges;
    }

    static RecordedMeter of(Path trace) throws IOException {
        List<Exchange> exchanges = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            if (line.startsWith("TX ")) {
                exchanges.add(new Exchange(line.substring(3).strip(), new ArrayList<>()));
            } else if (line.startsWith("RX ")) {
                exchanges.get(exchanges.size() - 1).answers().add(GXCommon.hexToBytes(line.substring(3)));
            }
        }
        return new RecordedMeter(exchanges);
    }

    /** From the {@code frame}-th frame sent on (0 the first), the meter is silent. */
    RecordedMeter silentFrom(int frame) {
        silentFrom = frame;
        return this;
    }

    /** Frames sent that differ from the recording, one line each. */
    List<String> mismatches() {
        return mismatches;
    }

    @Override
    public void open() {
        // A recording has nothing to open.
    }

    @Override
    public void send(byte[] data) {
        if (sends < exchanges.size() && sends < silentFrom) {
            Exchange exchange = exchanges.get(sends);
            if (!matches(exchange.sent(), data)) {
                mismatches.add("frame " + sends + ": recorded " + exchange.sent() + ", sent " + GXCommon.toHex(data, true));
            }
            inbound.addAll(exchange.answers());
        }
        sends++;
    }

    @Override
    public byte[] receive(int waitMillis) {
        return inbound.poll();
    }

    @Override
    public void discardInput() {
        inbound.clear();
    }

    @Override
    public String describe() {
        return "recorded meter";
    }

    @Override
    public void close() {
        // Nothing to close.
    }

    private static boolean matches(String recorded, byte[] sent) {
        String[] expected = recorded.split(" ");
        if (expected.length != sent.length) {
            return false;
        }
        for (int i = 0; i < sent.length; i++) {
            if (!expected[i].equals("**") && Integer.parseInt(expected[i], 16) != (sent[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
