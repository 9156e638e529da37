package dlms.xmlclient.decode;

import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXDLMSConverter;
import gurux.dlms.StandardObisTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our reading of gurux.dlms's OBIS table gives what gurux's own converter gives, description for
 * description, for codes at both ends and the middle of every mask in the table, codes just
 * outside them, and random ones.
 */
class StandardObisTableTest {

    private static final StandardObisTable OURS = StandardObisTable.load();
    private static final GXDLMSConverter GURUX = new GXDLMSConverter();

    @Test
    void everyMaskOfTheTableIsDescribedAsGuruxDescribesIt() throws IOException {
        Set<String> codes = new LinkedHashSet<>();
        for (String[] mask : masks()) {
            codes.addAll(codesOf(mask));
        }
        assertTrue(codes.size() > 3000, "codes from the table's masks: " + codes.size());
        int described = 0;
        for (String code : codes) {
            String[] expected = GURUX.getDescription(code);
            assertArrayEquals(expected, OURS.descriptions(code), code);
            described += expected.length > 0 ? 1 : 0;
        }
        assertTrue(described > codes.size() / 2, "described " + described + " of " + codes.size());
    }

    @Test
    void randomCodesAreDescribedAsGuruxDescribesThem() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int i = 0; i < 3000; i++) {
            int[] small = {random.nextInt(16), random.nextInt(70), random.nextInt(256), random.nextInt(140),
                    random.nextInt(130), random.nextInt(256)};
            String code = small[0] + "." + small[1] + "." + small[2] + "." + small[3] + "." + small[4] + "." + small[5];
            assertArrayEquals(GURUX.getDescription(code), OURS.descriptions(code), code);
        }
    }

    @Test
    void aKnownCodeReadsAsTheBlueBookNamesIt() {
        String[] found = OURS.descriptions("1.0.1.8.0.255");
        assertTrue(found.length >= 1);
        assertTrue(found[0].contains("Active power+"), found[0]);
    }

    @Test
    void theWholeTableAndAMalformedCodeAreAnsweredAsGuruxAnswersThem() {
        assertArrayEquals(GURUX.getDescription(""), OURS.descriptions(""));
        assertEquals(GURUX.getDescription("").length, masks().size());
        Class<? extends RuntimeException> guruxFailure =
                assertThrows(RuntimeException.class, () -> GURUX.getDescription("1.2.3")).getClass();
        assertEquals(guruxFailure, assertThrows(RuntimeException.class, () -> OURS.descriptions("1.2.3")).getClass());
    }

    /** The table's masks, read here with plain String.split: a reading of the file independent of ours. */
    private static List<String[]> masks() {
        String text;
        try (InputStream in = GXDLMSClient.class.getResourceAsStream("/OBISCodes.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        List<String[]> masks = new ArrayList<>();
        for (String line : text.replace("\r", "").split("\n")) {
            if (!line.isEmpty()) {
                masks.add(line.substring(0, line.indexOf(';')).split("\\.", -1));
            }
        }
        return masks;
    }

    /** Low ends, high ends, middles of each group's ranges, and each group just past its mask. */
    private static List<String> codesOf(String[] mask) {
        List<int[]> choices = new ArrayList<>();
        for (String group : mask) {
            choices.add(valuesOf(group));
        }
        List<String> codes = new ArrayList<>();
        for (int pick = 0; pick < 4; pick++) {
            StringBuilder code = new StringBuilder();
            for (int[] values : choices) {
                code.append(code.isEmpty() ? "" : ".").append(values[Math.min(pick, values.length - 1)]);
            }
            codes.add(code.toString());
        }
        for (int outside = 0; outside < choices.size(); outside++) {
            StringBuilder code = new StringBuilder();
            for (int g = 0; g < choices.size(); g++) {
                int[] values = choices.get(g);
                int value = g == outside ? Math.min(255, values[values.length - 1] + 1) : values[0];
                code.append(code.isEmpty() ? "" : ".").append(value);
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** A group as concrete values: "0-64" gives 0, 64, 32; "&" 0, 1, 7; "1,3-5" 1, 3, 5, 4. */
    private static int[] valuesOf(String group) {
        if (group.equals("&")) {
            return new int[] {0, 1, 7};
        }
        List<Integer> values = new ArrayList<>();
        List<Integer> middles = new ArrayList<>();
        for (String part : group.split(",")) {
            String[] ends = part.split("-");
            int low = Integer.parseInt(ends[0].trim());
            int high = Integer.parseInt(ends[ends.length - 1].trim());
            values.add(low);
            values.add(high);
            middles.add((low + high) / 2);
        }
        values.addAll(middles);
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
