package dlms.xmlclient.session;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Recorded-replay tier: meters that deviate from the standard (src/test/resources/deviations),
 * each replayed through the session and the verdicts, and the outcome held to the exact words
 * the client must use. The replies' check sequences are made again, so a file can be edited.
 */
class MeterDeviationReplayTest {

    private static final Path CASES = Path.of("client/src/test/resources/deviations");

    @TestFactory
    Stream<DynamicTest> eachDeviationIsNamedExactly() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CASES)) {
            files = list.filter(p -> p.toString().endsWith(".txt") && !p.endsWith("README.txt")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no cases in " + CASES);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> expected = text.lines().filter(l -> l.startsWith("expect:"))
                    .map(l -> l.substring(7).strip()).toList();
            FuzzCase recorded = FuzzCase.parse(text.lines().filter(l -> !l.startsWith("expect:"))
                    .reduce("", (a, b) -> a + b + "\n"));
            FuzzCase c = recorded.withReplies(refreshed(recorded.replies()));
            ScriptReplay.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> FuzzCorpus.replay(c, new FuzzCorpus.Scripts(), new MemoVerdicts()));
            assertEquals(1, expected.size(), file + ": one expect line");
            assertEquals(expected.get(0), outcome.summary());
        }));
    }

    private static List<List<byte[]>> refreshed(List<List<byte[]>> replies) {
        List<List<byte[]>> out = new ArrayList<>();
        for (List<byte[]> chunks : replies) {
            out.add(chunks.stream().map(FuzzFrames::refreshChecks).toList());
        }
        return out;
    }
}
