package dlms.xmlclient.script;

import gurux.dlms.GXDLMSXmlClient;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.GXXmlLoadSettings;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * {@code GXDLMSXmlClient.load(String, null)} with the XML parser made once: gurux.dlms 4.0.47
 * makes a new {@code DocumentBuilderFactory} and {@code DocumentBuilder} for every request it
 * encodes, which costs more than the encoding itself in a short run. This parses the text as that
 * method does (a builder with secure processing, errors as a RuntimeException with the parser's
 * message) and hands the document to the method it then calls, {@code load(Document,
 * GXXmlLoadSettings)}, which is private: when it cannot be reached (another gurux.dlms), the
 * public method does the whole. Not thread-safe; one per loader.
 */
final class ReusedParserLoad {

    private static final Method LOAD_DOCUMENT = loadDocument();

    private final GXDLMSXmlClient client;
    private DocumentBuilder builder;

    ReusedParserLoad(GXDLMSXmlClient client) {
        this.client = client;
    }

    @SuppressWarnings("unchecked")
    List<GXDLMSXmlPdu> load(String xml) {
        if (LOAD_DOCUMENT == null) {
            return client.load(xml, null);
        }
        Document document;
        try {
            if (builder == null) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                builder = factory.newDocumentBuilder();
            }
            builder.reset();
            document = builder.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new RuntimeException(e.getMessage()); // as gurux.dlms says it
        }
        try {
            return (List<GXDLMSXmlPdu>) LOAD_DOCUMENT.invoke(client, document, null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            return client.load(xml, null);
        }
    }

    private static Method loadDocument() {
        try {
            Method m = GXDLMSXmlClient.class.getDeclaredMethod("load", Document.class, GXXmlLoadSettings.class);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
