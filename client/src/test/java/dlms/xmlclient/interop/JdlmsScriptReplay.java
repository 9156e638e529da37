package dlms.xmlclient.interop;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.openmuc.jdlms.DlmsConnection;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import dlms.xmlclient.script.Script;
import dlms.xmlclient.script.ScriptLoader;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.verdict.Difference;
import dlms.xmlclient.verdict.Expectations;
import dlms.xmlclient.verdict.ReplyComparator;
import gurux.dlms.enums.InterfaceType;

/**
 * Plays a sample script of messages/ through jDLMS's client and compares each reply, as jDLMS
 * decoded it, with the script's expected file under expected/, the way bin/xmlclient compares
 * (the project's own loader, expectations and comparator: placeholders and wildcards alike).
 */
final class JdlmsScriptReplay {

    private static final Path MESSAGES = Path.of("messages");
    private static final Path EXPECTED = Path.of("expected");
    /** jDLMS picks and hides its invoke ids (see {@link JdlmsRequest}). */
    private static final String INVOKE_ID = "<InvokeIdAndPriority\\s[^>]*/>";

    private JdlmsScriptReplay() {
    }

    /**
     * @param connection an open association
     * @param relativePath a script under messages/, e.g. "load-profile/whole.xml"
     * @return one line per request whose reply differs from the expected one; empty when all match
     */
    static List<String> mismatches(DlmsConnection connection, String relativePath)
            throws Exception {
        Script script = load(relativePath);
        List<String> expected = new Expectations(EXPECTED).forScript(script);
        ReplyComparator comparator = new ReplyComparator();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i != script.steps().size(); ++i) {
            Step step = script.steps().get(i);
            String where = relativePath + " #" + step.number();
            if (expected.get(i) == null) {
                mismatches.add(where + ": nothing expected");
                continue;
            }
            Instant sent = Instant.now();
            String actual = JdlmsRequest.send(connection, element(step.requestXml()));
            List<Difference> differences = comparator.compare(
                    expected.get(i).replaceAll(INVOKE_ID, ""), actual, sent);
            if (!differences.isEmpty()) {
                mismatches.add(where + ": " + differences + "\n    jDLMS got " + abridged(actual));
            }
        }
        return mismatches;
    }

    /**
     * @param relativePath a script under messages/
     * @return the objects its requests address (see {@link JdlmsRequest#object})
     */
    static List<String> objects(String relativePath) throws Exception {
        List<String> objects = new ArrayList<>();
        for (Step step : load(relativePath).steps()) {
            objects.add(JdlmsRequest.object(element(step.requestXml())));
        }
        return objects;
    }

    private static Script load(String relativePath) throws Exception {
        // The loader's addresses and framing only matter to frames it would build; none here.
        return new ScriptLoader(InterfaceType.WRAPPER, true, 16, 1)
                .load(MESSAGES.resolve(relativePath), relativePath);
    }

    private static Element element(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setIgnoringComments(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                .getDocumentElement();
    }

    private static String abridged(String xml) {
        return xml.length() <= 600 ? xml : xml.substring(0, 600) + "...";
    }
}
