package dlms.xmlclient.script;

import dlms.xmlclient.decode.PlainXml;
import gurux.dlms.GXDLMSXmlClient;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.GXXmlLoadSettings;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GXDLMSXmlClient.load(String, null)} with the XML parser made once: gurux.dlms 4.0.47
 * makes a new {@code DocumentBuilderFactory} and {@code DocumentBuilder} for every request it
 * encodes, which costs more than the encoding itself in a short run. This parses the text as that
 * method does (a builder with secure processing, errors as a RuntimeException with the parser's
 * message) and hands the document to the method it then calls, {@code load(Document,
 * GXXmlLoadSettings)}, which is private: when it cannot be reached (another gurux.dlms), the
 * public method does the whole. That method first drops the document's comments, so the text is
 * read by {@link PlainXml} where it can (the parser sets itself up for every document too), and
 * the private method is called through a method handle (a reflective call builds an accessor
 * class at its first use, milliseconds of a one-script run).
 * <p>
 * A Get, Set or Action request's text, once encoded, is kept (up to {@value #KEPT}) and a copy
 * of its PDU handed out when the same text comes again: the translator encodes such a request
 * from its text and the loader's settings alone, and suites repeat the same requests (the clock,
 * the energy registers) from script to script. Other requests (an AARQ, a release, anything
 * ciphered or link-layer) are encoded every time. Not thread-safe; one per loader.
 */
final class ReusedParserLoad {

    private static final MethodHandle LOAD_DOCUMENT = loadDocument();
    static final int KEPT = 256;
    private static final List<String> KEPT_REQUESTS = List.of("<Messages><GetRequest>", "<Messages><SetRequest>",
            "<Messages><ActionRequest>");

    private final Map<String, GXDLMSXmlPdu> encoded = new HashMap<>();

    private final GXDLMSXmlClient client;
    private DocumentBuilder builder;

    ReusedParserLoad(GXDLMSXmlClient client) {
        this.client = client;
    }

    List<GXDLMSXmlPdu> load(String xml) {
        GXDLMSXmlPdu known = encoded.get(xml);
        if (known != null) {
            return List.of(copy(known));
        }
        List<GXDLMSXmlPdu> pdus = translate(xml);
        if (pdus.size() == 1 && pdus.get(0).getData() != null && KEPT_REQUESTS.stream().anyMatch(xml::startsWith)) {
            if (encoded.size() >= KEPT) {
                encoded.clear();
            }
            encoded.put(xml, copy(pdus.get(0)));
        }
        return pdus;
    }

    /** A PDU of its own (the loader splices values into its data); the XML node is only read, so shared. */
    private static GXDLMSXmlPdu copy(GXDLMSXmlPdu pdu) {
        GXDLMSXmlPdu copy = new GXDLMSXmlPdu(pdu.getCommand(), pdu.getXmlNode(), pdu.getData().clone());
        copy.setDescription(pdu.getDescription());
        copy.setError(pdu.getError());
        copy.setErrorUrl(pdu.getErrorUrl());
        copy.setSleep(pdu.getSleep());
        return copy;
    }

    @SuppressWarnings("unchecked")
    private List<GXDLMSXmlPdu> translate(String xml) {
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
            document = PlainXml.parse(xml, builder);
            if (document == null) {
                document = builder.parse(new InputSource(new StringReader(xml)));
            }
        } catch (Exception e) {
            throw new RuntimeException(e.getMessage()); // as gurux.dlms says it
        }
        try {
            return (List<GXDLMSXmlPdu>) LOAD_DOCUMENT.invokeExact(client, document, (GXXmlLoadSettings) null);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle loadDocument() {
        try {
            return MethodHandles.privateLookupIn(GXDLMSXmlClient.class, MethodHandles.lookup()).findVirtual(
                    GXDLMSXmlClient.class, "load", MethodType.methodType(List.class, Document.class,
                            GXXmlLoadSettings.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
