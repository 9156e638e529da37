package dlms.xmlclient.script;

import gurux.dlms.GXDLMSXmlClient;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.TranslatorOutputType;
import gurux.dlms.enums.InterfaceType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads message files (Gurux XmlClient format: a root element holding request elements) into
 * {@link Script}s. Each element is handed to the Gurux XML client on its own, so that a
 * failure names the element's line.
 */
public final class ScriptLoader {

    /** Gurux XmlClient meta elements that describe the file rather than send anything. */
    private static final Set<String> META = Set.of("Description", "Error", "ErrorUrl");

    private final GXDLMSXmlClient client;
    /** One per loader: creating a Transformer costs more than serializing an element. */
    private final Transformer serializer;

    /**
     * @param interfaceType HDLC or WRAPPER: scripted SNRM/DISC frames carry the addresses
     */
    public ScriptLoader(InterfaceType interfaceType, boolean logicalNames, int clientAddress, int serverAddress) {
        client = new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML);
        client.setInterfaceType(interfaceType);
        client.setUseLogicalNameReferencing(logicalNames);
        client.setClientAddress(clientAddress);
        client.setServerAddress(serverAddress);
        try {
            serializer = TransformerFactory.newInstance().newTransformer();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
        serializer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    }

    public Script load(Path file, String relativePath) throws ScriptException {
        Document doc = parse(file, relativePath);
        Element root = doc.getDocumentElement();
        List<Step> steps = new ArrayList<>();
        long delay = 0;
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element) || META.contains(element.getTagName())) {
                continue;
            }
            int line = LineNumberedXml.lineOf(element);
            if (element.getTagName().equals("Sleep")) {
                delay += sleepMillis(element, relativePath + ":" + line);
                continue;
            }
            String xml = serialize(element);
            GXDLMSXmlPdu pdu = translate(xml, relativePath + ":" + line, element.getTagName());
            if (pdu.isRequest()) {
                steps.add(new Step(steps.size() + 1, line, pdu, null, delay));
                delay = 0;
            } else if (steps.isEmpty()) {
                throw new ScriptException(relativePath + ":" + line,
                        "<" + element.getTagName() + "> is not a request and no request comes before it", null);
            } else {
                Step previous = steps.get(steps.size() - 1);
                if (previous.inlineExpected() != null) {
                    throw new ScriptException(relativePath + ":" + line,
                            "a second response after request #" + previous.number(), null);
                }
                steps.set(steps.size() - 1, previous.withInlineExpected(xml));
            }
        }
        if (steps.isEmpty()) {
            throw new ScriptException(relativePath, "no requests in <" + root.getTagName() + ">", null);
        }
        return new Script(file, relativePath, steps);
    }

    /** {@code <Sleep Value="ms"/>}: a pause before the next request (Gurux's loader ignores its value). */
    private static long sleepMillis(Element sleep, String location) throws ScriptException {
        String value = sleep.getAttribute("Value").isEmpty() ? sleep.getTextContent() : sleep.getAttribute("Value");
        try {
            long millis = Long.parseLong(value.trim());
            if (millis < 0 || millis > 3_600_000) {
                throw new NumberFormatException();
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new ScriptException(location, "<Sleep Value=\"" + value.trim()
                    + "\"/>: expected milliseconds, 0 to 3600000", null);
        }
    }

    private static Document parse(Path file, String relativePath) throws ScriptException {
        try (InputStream in = Files.newInputStream(file)) {
            return LineNumberedXml.parse(in);
        } catch (SAXParseException e) {
            throw new ScriptException(relativePath + ":" + e.getLineNumber(), "not well-formed XML: "
                    + e.getMessage(), e);
        } catch (SAXException e) {
            throw new ScriptException(relativePath, "not XML: " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ScriptException(relativePath, "no such file", e);
        } catch (IOException e) {
            throw new ScriptException(relativePath, "cannot read: " + e.getMessage(), e);
        }
    }

    private GXDLMSXmlPdu translate(String xml, String location, String tag) throws ScriptException {
        List<GXDLMSXmlPdu> pdus;
        try {
            pdus = client.load("<Messages>" + xml + "</Messages>", null);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().trim();
            throw new ScriptException(location, "<" + tag + "> cannot be encoded: " + why, e);
        }
        if (pdus.size() != 1 || pdus.get(0).getData() == null && pdus.get(0).isRequest()) {
            throw new ScriptException(location, "<" + tag + "> is not a DLMS message the translator knows", null);
        }
        return pdus.get(0);
    }

    private String serialize(Element element) {
        try {
            StringWriter out = new StringWriter();
            serializer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
