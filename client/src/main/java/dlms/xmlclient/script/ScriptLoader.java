package dlms.xmlclient.script;

import dlms.xmlclient.decode.ElementXml;
import gurux.dlms.GXDLMSXmlClient;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.TranslatorOutputType;
import gurux.dlms.enums.InterfaceType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads message files (Gurux XmlClient format: a root element holding request elements) into
 * {@link Script}s. Each element is handed to the Gurux XML client on its own, so that a
 * failure names the element's line.
 */
public final class ScriptLoader {

    /** Gurux XmlClient meta elements that describe the file rather than send anything. */
    private static final Set<String> META = Set.of("Description", "Error", "ErrorUrl");
    /** Replies that are not named ...Response; {@code NoReply} is ours, for SNRM/DISC on WRAPPER. */
    private static final Set<String> OTHER_REPLIES = Set.of("Ua", "DisconnectMode", "UnacceptableFrame", "NoReply",
            "RawReply", "DataNotification", "EventNotificationRequest", "NoNotification");
    /**
     * GXDLMSDirector templates write {@code <InvokeIdAndPriority Value="*"/>} in requests, which
     * gurux.dlms 4.0.47 cannot load ("For input string: *"): such a request is sent as 193
     * (high priority, confirmed, invoke id 1), what the Gurux client sends by default.
     */
    public static final String ANY_INVOKE_ID_SENT_AS = "193";

    private final GXDLMSXmlClient client;
    private final ElementXml elementXml = new ElementXml();
    private final ReusedParserLoad load;

    /**
     * @param interfaceType HDLC or WRAPPER: scripted SNRM/DISC frames carry the addresses
     */
    public ScriptLoader(InterfaceType interfaceType, boolean logicalNames, int clientAddress, int serverAddress) {
        client = new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML);
        client.setInterfaceType(interfaceType);
        client.setUseLogicalNameReferencing(logicalNames);
        client.setClientAddress(clientAddress);
        client.setServerAddress(serverAddress);
        load = new ReusedParserLoad(client);
    }

    /**
     * Loads the next scripts for another meter's association: scripted SNRM and DISC frames carry
     * the addresses. Cheaper than a new loader, whose Gurux client builds its translator tables.
     */
    public void address(int clientAddress, int serverAddress) {
        client.setClientAddress(clientAddress);
        client.setServerAddress(serverAddress);
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
            if (NotificationSteps.isWait(element.getTagName())) {
                steps.add(NotificationSteps.waitStep(element, steps.size() + 1, relativePath, elementXml.toXml(element),
                        delay));
                delay = 0;
                continue;
            }
            if (isReply(element.getTagName())) {
                // An expectation (GXDLMSDirector layout): compared as XML, never encoded, so it
                // may hold wildcards and placeholders.
                if (steps.isEmpty()) {
                    throw new ScriptException(relativePath + ":" + line,
                            "<" + element.getTagName() + "> is a reply and no request comes before it", null);
                }
                Step previous = steps.get(steps.size() - 1);
                if (previous.inlineExpected() != null) {
                    throw new ScriptException(relativePath + ":" + line,
                            "a second reply after request #" + previous.number(), null);
                }
                steps.set(steps.size() - 1, previous.withInlineExpected(elementXml.toXml(element), line));
                continue;
            }
            GXDLMSXmlPdu pdu = LinkLayerSteps.isRaw(element) ? LinkLayerSteps.checked(element, relativePath)
                    : encode(element, relativePath);
            steps.add(new Step(steps.size() + 1, line, pdu, elementXml.toXml(element), null, 0, delay));
            delay = 0;
        }
        if (steps.isEmpty()) {
            throw new ScriptException(relativePath, "no requests in <" + root.getTagName() + ">", null);
        }
        LinkLayerSteps.checkScript(steps, relativePath, client.getInterfaceType());
        return new Script(file, relativePath, steps);
    }

    /**
     * One request element of a message file, checked and encoded as it is sent: its logical
     * names in hex, its values checked at their lines, values the translator gets wrong spliced
     * in exactly. The element is changed (logical names, any invoke id); its text after this is
     * what the script shows.
     */
    public GXDLMSXmlPdu encode(Element element, String relativePath) throws ScriptException {
        String location = relativePath + ":" + LineNumberedXml.lineOf(element);
        anyInvokeIdToDefault(element, location);
        logicalNamesToHex(element, relativePath);
        Optional<Integer> own = ListRequests.commandOf(element);
        if (own.isPresent()) {
            return new OwnEncoding(this::translate, elementXml).encode(element, own.get(), relativePath);
        }
        Optional<Element> unknown = GuruxTags.unknownIn(element);
        if (unknown.isPresent()) {
            throw new ScriptException(relativePath + ":" + LineNumberedXml.lineOf(unknown.get()), "unknown element <"
                    + unknown.get().getTagName() + "> (not a name the Gurux translator knows: check its spelling)",
                    null);
        }
        RequestValues values = RequestValues.check(element, relativePath);
        GXDLMSXmlPdu pdu = translate(elementXml.toXml(values.forTranslator()), location, element.getTagName());
        if (!pdu.isRequest()) {
            throw new ScriptException(location, "<" + element.getTagName() + "> is not a request", null);
        }
        pdu.setData(values.splice(pdu.getData()));
        return pdu;
    }

    /** True for reply elements: the names the Gurux translator gives replies. */
    public static boolean isReply(String tag) {
        return tag.endsWith("Response") || tag.endsWith("ConfirmedServiceError") || OTHER_REPLIES.contains(tag);
    }

    private static void anyInvokeIdToDefault(Element request, String location) throws ScriptException {
        substituteAnyInvokeId(request);
        // A walk by sibling links, in document order: linear in the elements, and no recursion.
        for (Element e : descendants(request)) {
            if ("*".equals(e.getAttribute("Value"))) {
                throw new ScriptException(location, "<" + e.getTagName() + " Value=\"*\"/>: a request cannot send"
                        + " a wildcard (only InvokeIdAndPriority may be *, and is sent as "
                        + ANY_INVOKE_ID_SENT_AS + ")", null);
            }
        }
    }

    /**
     * Every {@code <InstanceId>} as the 6 bytes of hex the translator encodes; a dotted or
     * A-B:C.D.E.F code is converted, anything else stops the script at that element's line.
     */
    private static void logicalNamesToHex(Element request, String relativePath) throws ScriptException {
        for (Element e : descendants(request)) {
            if (!e.getTagName().equals("InstanceId")) {
                continue;
            }
            String value = e.getAttribute("Value");
            Optional<String> hex = ObisCode.hex(value);
            if (hex.isEmpty()) {
                throw new ScriptException(relativePath + ":" + LineNumberedXml.lineOf(e), "<InstanceId Value=\""
                        + value + "\"/>: not a logical name (OBIS code); write " + ObisCode.FORMS, null);
            }
            e.setAttribute("Value", hex.get());
        }
    }

    /** The element's descendant elements in document order, found without recursion. */
    public static List<Element> descendants(Element root) {
        List<Element> found = new ArrayList<>();
        Node node = root.getFirstChild();
        while (node != null && node != root) {
            if (node instanceof Element e) {
                found.add(e);
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != root && node.getNextSibling() == null) {
                node = node.getParentNode();
            }
            node = node == root ? null : node.getNextSibling();
        }
        return found;
    }

    /** Gives every {@code <InvokeIdAndPriority Value="*"/>} in the element the value it is sent with. */
    public static void substituteAnyInvokeId(Element element) {
        for (Element id : descendants(element)) {
            if (!id.getTagName().equals("InvokeIdAndPriority")) {
                continue;
            }
            if ("*".equals(id.getAttribute("Value").strip())) {
                id.setAttribute("Value", ANY_INVOKE_ID_SENT_AS);
            }
        }
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
        } catch (LineNumberedXml.TooDeep e) {
            throw new ScriptException(relativePath + ":" + e.getLineNumber(), e.getMessage(), e);
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

    GXDLMSXmlPdu translate(String xml, String location, String tag) throws ScriptException {
        List<GXDLMSXmlPdu> pdus;
        try {
            pdus = load.load("<Messages>" + xml + "</Messages>");
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().trim();
            throw new ScriptException(location, "<" + tag + "> cannot be encoded: " + why, e);
        }
        if (pdus.size() != 1 || pdus.get(0).getData() == null && pdus.get(0).isRequest()) {
            throw new ScriptException(location, "<" + tag + "> is not a DLMS message the translator knows", null);
        }
        return pdus.get(0);
    }

}
