package dlms.xmlclient.decode;

import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.StringReader;
import java.util.concurrent.ConcurrentLinkedQueue;

/** XML text to a DOM element, quietly: no DOCTYPE, nothing printed to stderr for text that is not XML. */
public final class QuietDom {

    /** A builder costs more to make than a request to parse: borrowed for one parse, then given back. */
    private static final ConcurrentLinkedQueue<DocumentBuilder> FREE = new ConcurrentLinkedQueue<>();

    private QuietDom() {
    }

    /** The root element, or null when the text is not XML. */
    public static Element parse(String xml) {
        if (xml == null) {
            return null;
        }
        DocumentBuilder builder = FREE.poll();
        try {
            if (builder == null) {
                builder = newBuilder();
            }
            return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception notXml) {
            return null;
        } finally {
            if (builder != null) {
                builder.reset();
                builder.setErrorHandler(QUIET);
                FREE.offer(builder);
            }
        }
    }

    /** Throws on an error; the default handler prints "[Fatal Error]" to stderr. */
    private static final DefaultHandler QUIET = new DefaultHandler();

    private static DocumentBuilder newBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(QUIET);
        return builder;
    }
}
