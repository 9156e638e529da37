package dlms.xmlclient.decode;

import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;

/** XML text to a DOM element, quietly: no DOCTYPE, nothing printed to stderr for text that is not XML. */
public final class QuietDom {

    /** A builder per thread, reset before each use: making one costs more than a short reply's parse. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(QuietDom::newBuilder);

    private QuietDom() {
    }

    /** The root element, or null when the text is not XML. */
    public static Element parse(String xml) {
        if (xml == null) {
            return null;
        }
        try {
            DocumentBuilder builder = BUILDER.get();
            builder.reset();
            builder.setErrorHandler(QUIET); // the default one prints "[Fatal Error]" to stderr
            return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception notXml) {
            return null;
        }
    }

    private static final DefaultHandler QUIET = new DefaultHandler();

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
