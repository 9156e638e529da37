package dlms.xmlclient.session;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a script against a replayed meter: the scenario (client settings), the script, the
 * chunks that answer each frame the client sends, and the HLS challenges the client must use
 * (pinned where the recording's random one was). Written as text for regression files:
 * <pre>
 * # comment
 * scenario: hdlc
 * script: get-serial-number.xml
 * challenge 1: 0011…
 * reply 0: 7EA0…7E | 7EA0…7E      (the chunks of one answer, "|" between them; empty: none)
 * </pre>
 */
record FuzzCase(FuzzScenario scenario, String script, List<List<byte[]>> replies, Map<Integer, byte[]> challenges) {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    FuzzCase withReplies(List<List<byte[]>> newReplies) {
        return new FuzzCase(scenario, script, newReplies, challenges);
    }

    /** Every chunk, as {send index, chunk index}. */
    List<int[]> chunkPositions() {
        List<int[]> positions = new ArrayList<>();
        for (int s = 0; s < replies.size(); s++) {
            for (int c = 0; c < replies.get(s).size(); c++) {
                positions.add(new int[] {s, c});
            }
        }
        return positions;
    }

    String toText(String comment) {
        StringBuilder b = new StringBuilder();
        for (String line : comment.split("\n")) {
            b.append("# ").append(line).append('\n');
        }
        b.append("scenario: ").append(scenario.id).append('\n');
        b.append("script: ").append(script).append('\n');
        challenges.forEach((i, c) -> b.append("challenge ").append(i).append(": ").append(HEX.formatHex(c))
                .append('\n'));
        for (int s = 0; s < replies.size(); s++) {
            List<String> chunks = new ArrayList<>();
            for (byte[] chunk : replies.get(s)) {
                chunks.add(HEX.formatHex(chunk));
            }
            b.append("reply ").append(s).append(": ").append(String.join(" | ", chunks)).append('\n');
        }
        return b.toString();
    }

    static FuzzCase parse(String text) {
        FuzzScenario scenario = null;
        String script = null;
        List<List<byte[]>> replies = new ArrayList<>();
        Map<Integer, byte[]> challenges = new TreeMap<>();
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("scenario")) {
                scenario = FuzzScenario.byId(value);
            } else if (key.equals("script")) {
                script = value;
            } else if (key.startsWith("challenge ")) {
                challenges.put(Integer.parseInt(key.substring(10)), bytes(value));
            } else if (key.startsWith("reply ")) {
                if (Integer.parseInt(key.substring(6)) != replies.size()) {
                    throw new IllegalArgumentException("replies out of order: " + line);
                }
                List<byte[]> chunks = new ArrayList<>();
                for (String chunk : value.split("\\|")) {
                    if (!chunk.isBlank()) {
                        chunks.add(bytes(chunk));
                    }
                }
                replies.add(chunks);
            } else {
                throw new IllegalArgumentException("unknown line: " + line);
            }
        }
        if (scenario == null || script == null) {
            throw new IllegalArgumentException("a fuzz case needs a scenario and a script");
        }
        return new FuzzCase(scenario, script, replies, challenges);
    }

    private static byte[] bytes(String hex) {
        return HEX.parseHex(hex.replaceAll("\\s+", ""));
    }
}
