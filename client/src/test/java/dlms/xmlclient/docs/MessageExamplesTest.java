package dlms.xmlclient.docs;

import dlms.xmlclient.script.Script;
import dlms.xmlclient.script.ScriptException;
import dlms.xmlclient.script.ScriptLoader;
import gurux.dlms.enums.InterfaceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Pure tier: every {@code xml} block of docs/messages.md is a message file the client loads, the
 * page shows every kind of request, and a block that quotes a sample ({@code xml file=PATH}) is
 * that file as it is now.
 */
class MessageExamplesTest {

    private static final Path PAGE = Path.of("docs/messages.md");

    @TempDir
    Path dir;

    @Test
    void everyXmlExampleLoadsAsAMessageFile() throws IOException {
        List<String> problems = new ArrayList<>();
        for (MarkdownBlocks.Block block : xmlBlocks()) {
            Path file = dir.resolve("line-" + block.firstLine() + ".xml");
            Files.writeString(file, block.text());
            // Short-name services load only with short-name referencing, as in a folder with -r sn.
            boolean logicalNames = !block.text().contains("<ReadRequest") && !block.text().contains("<WriteRequest");
            try {
                Script script = new ScriptLoader(InterfaceType.HDLC, logicalNames, 16, 1).load(file, "");
                assertTrue(script.steps().size() > 0);
            } catch (ScriptException e) {
                problems.add(PAGE + pageLine(block, e.getMessage()));
            }
        }
        assertEquals(List.of(), problems, "examples in " + PAGE + " that the client cannot load");
    }

    @Test
    void everyKindOfRequestHasAnExample() throws IOException {
        String examples = String.join("", xmlBlocks().stream().map(MarkdownBlocks.Block::text).toList());
        for (String kind : List.of("<GetRequestNormal>", "<AccessSelector Value=\"1\" />",
                "<AccessSelector Value=\"2\" />", "<SetRequestNormal>", "<MethodInvocationParameters>",
                "<GetRequestWithList>", "<ReadRequest", "<ParameterisedAccess>", "<WriteRequest>",
                "<SetRequestWithList>", "<ActionRequestWithList>", "<AccessRequest>", "<ReleaseRequest>")) {
            assertTrue(examples.contains(kind), PAGE + " has no example with " + kind);
        }
    }

    @Test
    void aQuotedSampleIsTheFileAsItIs() throws IOException {
        MarkdownBlocks page = new MarkdownBlocks(PAGE);
        List<String> stale = new ArrayList<>();
        int quoted = 0;
        for (MarkdownBlocks.Block block : page.blocks()) {
            String source = block.attribute("file");
            if (source == null) {
                continue;
            }
            quoted++;
            String actual = Files.readString(Path.of(source)).replace("\r\n", "\n").stripTrailing() + "\n";
            if (!actual.equals(block.text())) {
                stale.add(source + " (block at line " + block.firstLine() + ")");
                page.replace(block, actual);
            }
        }
        assertTrue(quoted > 0, PAGE + " quotes no sample");
        if (MarkdownBlocks.UPDATE) {
            page.save();
        } else if (!stale.isEmpty()) {
            fail(PAGE + " quotes an older version of " + String.join(", ", stale) + "; regenerate: "
                    + MarkdownBlocks.REGENERATE);
        }
    }

    /** The loader's ":LINE: why" is a line of the block: named as a line of the page. */
    private static String pageLine(MarkdownBlocks.Block block, String message) {
        Matcher located = Pattern.compile("^:(\\d+): ").matcher(message);
        if (!located.find()) {
            return " (the xml block at line " + block.firstLine() + ")" + message;
        }
        return ":" + (block.firstLine() + Integer.parseInt(located.group(1)) - 1) + ": "
                + message.substring(located.end());
    }

    private static List<MarkdownBlocks.Block> xmlBlocks() throws IOException {
        List<MarkdownBlocks.Block> xml = new MarkdownBlocks(PAGE).blocks().stream()
                .filter(b -> b.language().equals("xml")).toList();
        assertTrue(xml.size() >= 8, PAGE + " has " + xml.size() + " xml examples");
        return xml;
    }
}
