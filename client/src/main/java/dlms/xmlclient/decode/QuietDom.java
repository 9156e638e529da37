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

    private QuietDom() {
    }

    /** The root element, or null when the text is not XML. */
    public static Element parse(String xml) {
        if (xml == null) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // the default one prints "[Fatal Error]" to stderr
            return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception notXml) {
            return null;
        }
    }
}
