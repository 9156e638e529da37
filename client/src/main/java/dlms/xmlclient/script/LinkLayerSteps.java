package dlms.xmlclient.script;

import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.enums.InterfaceType;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Link-layer scripts: message files whose steps are HDLC frames ({@code <RawFrame>},
 * {@code <HdlcFrame>}) rather than DLMS requests. Such a script drives the link itself, frame by
 * frame (the run opens the medium and nothing more), so it holds no DLMS request, and it needs
 * HDLC: WRAPPER has no frames to send.
 */
public final class LinkLayerSteps {

    private static final Set<String> TAGS = Set.of("RawFrame", "HdlcFrame");

    private LinkLayerSteps() {
    }

    public static boolean isRaw(Element element) {
        return TAGS.contains(element.getTagName());
    }

    /** True when the step sends a frame of the script's own (its request is no DLMS PDU). */
    public static boolean isRaw(Step step) {
        return step.request() == null && TAGS.stream().anyMatch(t -> step.requestXml().startsWith("<" + t));
    }

    public static boolean isLinkLayer(Script script) {
        return !script.steps().isEmpty() && isRaw(script.steps().get(0));
    }

    /**
     * Checks a raw step's element as it is loaded; a raw step has no PDU.
     *
     * @return null, the raw step's request
     */
    static GXDLMSXmlPdu checked(Element element, String relativePath) throws ScriptException {
        LinkLayerFrame.of(element, relativePath + ":" + LineNumberedXml.lineOf(element), 16, 1);
        return null;
    }

    /** A script is all frames or all DLMS requests, and its frames need HDLC. */
    static void checkScript(List<Step> steps, String relativePath, InterfaceType interfaceType)
            throws ScriptException {
        long raw = steps.stream().filter(LinkLayerSteps::isRaw).count();
        if (raw == 0) {
            return;
        }
        for (Step s : steps) {
            if (!isRaw(s)) {
                throw new ScriptException(relativePath + ":" + s.line(), "a DLMS request in a link-layer script"
                        + " (one with <RawFrame> or <HdlcFrame> steps): it drives the link frame by frame; send the"
                        + " request as an I-frame, or put it in a script of its own", null);
            }
        }
        if (interfaceType != InterfaceType.HDLC) {
            throw new ScriptException(relativePath, "a link-layer script sends HDLC frames, and this run is "
                    + interfaceType + " (-w): run it over HDLC", null);
        }
    }

    /** The frame a raw step sends, the run's addresses filling in those it does not name. */
    public static LinkLayerFrame frame(Step step, int clientAddress, int serverAddress) {
        try {
            Element e = LineNumberedXml.parse(new ByteArrayInputStream(step.requestXml()
                    .getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            return LinkLayerFrame.of(e, "request #" + step.number(), clientAddress, serverAddress);
        } catch (ScriptException | IOException | SAXException e) {
            // Checked when the script was loaded: only the addresses differ now.
            throw new IllegalStateException("link-layer step #" + step.number() + ": " + e.getMessage(), e);
        }
    }
}
