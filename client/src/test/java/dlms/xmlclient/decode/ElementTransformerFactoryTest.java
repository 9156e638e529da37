package dlms.xmlclient.decode;

import dlms.xmlclient.script.LineNumberedXml;
import gurux.dlms.GXDLMSXmlClient;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.TranslatorOutputType;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Source;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our transformer factory: the element-to-text case written by us, everything else by the JDK, the same output. */
class ElementTransformerFactoryTest {

    private final TransformerFactory ours = new ElementTransformerFactory();
    private final TransformerFactory jdk = TransformerFactory.newDefaultInstance();

    @Test
    void guruxDlmsMakesATransformerFactoryForEveryRequestItEncodes() throws Exception {
        String three = "<Messages>" + request("0000600100FF") + request("0000010000FF") + request("0100010800FF")
                + "</Messages>";
        String before = System.getProperty(ElementTransformerFactory.PROPERTY);
        System.setProperty(ElementTransformerFactory.PROPERTY, CountingFactory.class.getName());
        CountingFactory.MADE.set(0);
        try {
            assertEquals(3, new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML).load(three, null).size());
        } finally {
            if (before == null) {
                System.clearProperty(ElementTransformerFactory.PROPERTY);
            } else {
                System.setProperty(ElementTransformerFactory.PROPERTY, before);
            }
        }
        assertEquals(3, CountingFactory.MADE.get(), "factories made for three requests");
    }

    @Test
    void requestsEncodeToTheSameBytesThroughOurFactoryAsThroughTheJdks() throws Exception {
        String before = System.getProperty(ElementTransformerFactory.PROPERTY);
        try {
            for (Path file : List.of(Path.of("messages/get-serial-number.xml"), Path.of("messages/set-data-value.xml"),
                    Path.of("messages/with-list/2-set-with-list.xml"), Path.of("messages/clock/3-adjust-to-quarter.xml"),
                    Path.of("messages/instantaneous.xml"))) {
                String xml = Files.readString(file);
                System.setProperty(ElementTransformerFactory.PROPERTY, ElementTransformerFactory.class.getName());
                List<GXDLMSXmlPdu> viaOurs = new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML).load(xml, null);
                System.clearProperty(ElementTransformerFactory.PROPERTY);
                List<GXDLMSXmlPdu> viaJdk = new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML).load(xml, null);
                assertEquals(viaJdk.size(), viaOurs.size(), file.toString());
                for (int i = 0; i < viaJdk.size(); i++) {
                    assertArrayEquals(viaJdk.get(i).getData(), viaOurs.get(i).getData(), file + " #" + (i + 1));
                }
            }
        } finally {
            if (before == null) {
                System.clearProperty(ElementTransformerFactory.PROPERTY);
            } else {
                System.setProperty(ElementTransformerFactory.PROPERTY, before);
            }
        }
    }

    @Test
    void anythingButAnElementToAWriterWithoutDeclarationIsTheJdksOutput() throws Exception {
        Document doc = LineNumberedXml.parse(new ByteArrayInputStream(
                ("<Messages>" + request("0000600100FF") + "</Messages>").getBytes(StandardCharsets.UTF_8)));
        Element element = (Element) doc.getDocumentElement().getFirstChild();
        // As gurux.dlms asks: our writer.
        assertEquals(text(jdk, element, true, null), text(ours, element, true, null));
        // With the declaration, indented, a whole document, to a stream: the JDK's transformer.
        assertEquals(text(jdk, element, false, null), text(ours, element, false, null));
        assertEquals(text(jdk, element, true, "yes"), text(ours, element, true, "yes"));
        assertEquals(text(jdk, doc, true, null), text(ours, doc, true, null));
        assertEquals(bytes(jdk, element), bytes(ours, element));
        // A stylesheet.
        String xslt = "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                + "<xsl:output omit-xml-declaration=\"yes\"/><xsl:template match=\"/\"><n><xsl:value-of"
                + " select=\"count(//*)\"/></n></xsl:template></xsl:stylesheet>";
        assertEquals(styled(jdk, xslt, doc), styled(ours, xslt, doc));
        // The JDK's answers to questions and mistakes.
        assertEquals(jdk.newTransformer().getOutputProperty(OutputKeys.METHOD),
                ours.newTransformer().getOutputProperty(OutputKeys.METHOD));
        assertThrows(IllegalArgumentException.class, () -> ours.newTransformer().setOutputProperty("no-such", "x"));
        Properties unknown = new Properties();
        unknown.setProperty("no-such", "x");
        assertThrows(IllegalArgumentException.class, () -> ours.newTransformer().setOutputProperties(unknown));
        // A SAX transformer factory, as the JDK's says it is.
        assertEquals(jdk.getFeature(SAXTransformerFactory.FEATURE), ours.getFeature(SAXTransformerFactory.FEATURE));
        assertTrue(ours instanceof SAXTransformerFactory);
        assertTrue(((SAXTransformerFactory) ours).newTransformerHandler() != null);
        // The text reaches a buffered writer's destination, as with the JDK's.
        StringWriter destination = new StringWriter();
        Transformer t = ours.newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        t.transform(new DOMSource(element), new StreamResult(new BufferedWriter(destination)));
        assertEquals(text(jdk, element, true, null), destination.toString());
    }

    private static String request(String logicalName) {
        return "<GetRequest><GetRequestNormal><InvokeIdAndPriority Value=\"193\" /><AttributeDescriptor>"
                + "<ClassId Value=\"1\" /><InstanceId Value=\"" + logicalName + "\" /><AttributeId Value=\"2\" />"
                + "</AttributeDescriptor></GetRequestNormal></GetRequest>";
    }

    private static String text(TransformerFactory factory, org.w3c.dom.Node node, boolean omitDeclaration, String indent)
            throws TransformerException {
        Transformer t = factory.newTransformer();
        if (omitDeclaration) {
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        }
        if (indent != null) {
            t.setOutputProperty(OutputKeys.INDENT, indent);
        }
        StringWriter out = new StringWriter();
        t.transform(new DOMSource(node), new StreamResult(out));
        return out.toString();
    }

    private static String bytes(TransformerFactory factory, Element element) throws TransformerException {
        Transformer t = factory.newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(element), new StreamResult(out));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String styled(TransformerFactory factory, String xslt, Document doc) throws TransformerException {
        Source sheet = new StreamSource(new StringReader(xslt));
        StringWriter out = new StringWriter();
        factory.newTransformer(sheet).transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    /** Counts the factories JAXP makes; its transformers are the JDK's. */
    public static final class CountingFactory extends TransformerFactory {
        static final AtomicInteger MADE = new AtomicInteger();
        private final TransformerFactory jdk = TransformerFactory.newDefaultInstance();

        public CountingFactory() {
            MADE.incrementAndGet();
        }

        @Override
        public Transformer newTransformer() throws javax.xml.transform.TransformerConfigurationException {
            return jdk.newTransformer();
        }

        @Override
        public Transformer newTransformer(Source source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public javax.xml.transform.Templates newTemplates(Source source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Source getAssociatedStylesheet(Source source, String media, String title, String charset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setURIResolver(javax.xml.transform.URIResolver resolver) {
            jdk.setURIResolver(resolver);
        }

        @Override
        public javax.xml.transform.URIResolver getURIResolver() {
            return jdk.getURIResolver();
        }

        @Override
        public void setFeature(String name, boolean value) throws javax.xml.transform.TransformerConfigurationException {
            jdk.setFeature(name, value);
        }

        @Override
        public boolean getFeature(String name) {
            return jdk.getFeature(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            jdk.setAttribute(name, value);
        }

        @Override
        public Object getAttribute(String name) {
            return jdk.getAttribute(name);
        }

        @Override
        public void setErrorListener(javax.xml.transform.ErrorListener listener) {
            jdk.setErrorListener(listener);
        }

        @Override
        public javax.xml.transform.ErrorListener getErrorListener() {
            return jdk.getErrorListener();
        }
    }
}
