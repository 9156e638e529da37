package dlms.xmlclient.cli;

import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.run.ScriptSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pure tier: the exit codes have one source, and docs/exit-codes.md and --help say what it says. */
class ExitCodeTest {

    @Test
    void theDocsTableListsExactlyTheCodes() throws IOException {
        String page = Files.readString(Path.of("docs/exit-codes.md"));
        String section = page.substring(page.indexOf("## Exit codes"));
        int next = section.indexOf("\n## ", 1);
        section = next < 0 ? section : section.substring(0, next);
        List<Integer> listed = new ArrayList<>();
        Matcher row = Pattern.compile("^\\| (\\d+) \\|", Pattern.MULTILINE).matcher(section);
        while (row.find()) {
            listed.add(Integer.parseInt(row.group(1)));
        }
        assertEquals(List.copyOf(ExitCode.MEANINGS.keySet()), listed);
    }

    @Test
    void helpNamesEveryCode() {
        assertEquals("Exit codes: 0 every checked reply passed, 1 a reply failed or a script broke off, 2 bad input,"
                + " 3 no connection, 4 a report or reply file could not be written (named on stderr), 130 Ctrl-C,"
                + " 143 SIGTERM (the reports hold what ran); the highest that applies.", ExitCode.HELP);
    }

    @Test
    void theWorstOutcomeGivesTheCode() {
        assertEquals(ExitCode.OK, ExitCode.of(List.of()));
        assertEquals(ExitCode.FAILED, ExitCode.of(List.of(outcome(Status.NOT_RUN))), "a script not run did not pass");
        assertEquals(ExitCode.BAD_INPUT, ExitCode.of(List.of(outcome(Status.NOT_RUN), outcome(Status.BAD_INPUT))));
        assertEquals(ExitCode.NO_CONNECTION, ExitCode.of(List.of(outcome(Status.NO_CONNECTION),
                outcome(Status.BAD_INPUT))));
        assertEquals(ExitCode.FAILED, ExitCode.of(List.of(outcome(Status.BROKEN))));
        assertEquals(ExitCode.INTERRUPTED, ExitCode.worst(ExitCode.INTERRUPTED, ExitCode.CANNOT_WRITE));
    }

    private static ScriptOutcome outcome(Status status) {
        return new ScriptOutcome(new ScriptSource(Path.of("a.xml"), "a.xml"), null, status,
                List.of(), status == Status.COMPLETED ? null : "why", 0, "");
    }
}
