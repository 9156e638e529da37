package dlms.xmlclient.docs;

import dlms.xmlclient.cli.XmlClientCommand;
import dlms.xmlclient.simulator.cli.SimulatorMain;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Pure tier: docs/options.md holds the live {@code --help} of both commands, so the reference
 * cannot drift from the code. Each is the {@code text} block under a
 * {@code <!-- generated: bin/xmlclient --help -->} line; -Ddocs.update=true rewrites them.
 */
class OptionsReferenceTest {

    private static final Path PAGE = Path.of("docs/options.md");
    private static final String MARK = "<!-- generated: ";

    @Test
    void theOptionsPageHoldsTheLiveHelpOfBothCommands() throws IOException {
        MarkdownBlocks page = new MarkdownBlocks(PAGE);
        List<String> generated = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (MarkdownBlocks.Block block : page.blocks()) {
            if (!block.precededBy().startsWith(MARK)) {
                continue;
            }
            String command = block.precededBy().substring(MARK.length(), block.precededBy().indexOf(" -->"));
            generated.add(command);
            String live = liveHelp(command);
            if (!live.equals(block.text())) {
                stale.add(command + " (block at line " + block.firstLine() + ")");
                page.replace(block, live);
            }
        }
        assertEquals(List.of("bin/xmlclient --help", "bin/xmlclient listen --help", "bin/xmlclient worker --help",
                "bin/simulator --help"), generated,
                PAGE + ": the generated blocks, each under its '" + MARK + "COMMAND -->' line");
        if (MarkdownBlocks.UPDATE) {
            page.save();
        } else if (!stale.isEmpty()) {
            fail(PAGE + " is older than " + String.join(", ", stale) + "; regenerate: " + MarkdownBlocks.REGENERATE);
        }
    }

    private static String liveHelp(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] help = {"--help"};
        int code = switch (command) {
            case "bin/xmlclient --help" -> new XmlClientCommand(print, print, Map.of()).run(help);
            case "bin/xmlclient listen --help" -> new XmlClientCommand(print, print, Map.of())
                    .run(new String[] {"listen", "--help"});
            case "bin/xmlclient worker --help" -> new XmlClientCommand(print, print, Map.of())
                    .run(new String[] {"worker", "--help"});
            case "bin/simulator --help" -> SimulatorMain.run(help, print, print);
            default -> throw new AssertionError(PAGE + ": no generator for '" + command + "'");
        };
        assertEquals(0, code, command);
        String text = out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n").stripTrailing();
        return text.lines().map(String::stripTrailing).reduce("", (all, line) -> all + line + "\n");
    }
}
