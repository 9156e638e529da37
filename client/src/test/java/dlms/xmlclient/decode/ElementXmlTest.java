package dlms.xmlclient.decode;

import dlms.xmlclient.script.LineNumberedXml;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our element writer against the JDK's identity transform, the text both must give. */
class ElementXmlTest {

    private final ElementXml ours = new ElementXml();

    @Test
    void everyElementOfTheSampleMessagesAndExpectedRepliesIsWrittenAsTheTransformWritesIt() throws Exception {
        Transformer transform = transform();
        int elements = 0;
        for (Path file : SampleXmlFiles.all()) {
            Document doc;
            try (InputStream in = Files.newInputStream(file)) {
                doc = LineNumberedXml.parse(in);
            }
            NodeList all = doc.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                assertEquals(transformed(transform, e), ours.toXml(e), file + ", " + e.getTagName());
                elements++;
            }
        }
        assertTrue(elements > 5000, "only " + elements + " elements in the samples");
    }

    @Test
    void everyCharacterInAttributesAndTextIsEscapedAsTheTransformEscapesIt() throws Exception {
        Transformer transform = transform();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        List<String> differ = new ArrayList<>();
        List<String> characters = new ArrayList<>();
        for (char c = 1; c < 0x3100; c++) {
            if ((c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && !Character.isSurrogate(c)) {
                characters.add(String.valueOf(c));
            }
        }
        characters.addAll(List.of("\u2029", "\uFFFD", "\uD83D\uDE00", "]]>", "&amp;"));
        for (String c : characters) {
            Element e = doc.createElement("Data");
            e.setAttribute("Value", "a" + c + "b");
            e.appendChild(doc.createTextNode("a" + c + "b"));
            if (!transformed(transform, e).equals(ours.toXml(e))) {
                differ.add(c.codePoints().mapToObj(Integer::toHexString).toList() + ": " + transformed(transform, e)
                        + " against " + ours.toXml(e));
            }
        }
        assertEquals(List.of(), differ);
    }

    @Test
    void commentsCdataAndProcessingInstructionsAreWrittenAsTheTransformWritesThem() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element root = doc.createElement("Data");
        root.setAttribute("A", "");
        root.appendChild(doc.createElement("Empty"));
        root.appendChild(doc.createComment(" a comment <with> & marks "));
        root.appendChild(doc.createCDATASection("plain <cdata> & text"));
        root.appendChild(doc.createProcessingInstruction("target", "data here"));
        root.appendChild(doc.createProcessingInstruction("bare", ""));
        assertEquals(transformed(transform(), root), ours.toXml(root));
    }

    @Test
    void cdataTheWriterDoesNotKnowHowToSplitGoesToTheTransform() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element root = doc.createElement("Data");
        root.appendChild(doc.createCDATASection("one ]]> two \u0085"));
        assertEquals(transformed(transform(), root), ours.toXml(root));
    }

    @Test
    void whatTheTransformWritesByRulesOfItsOwnIsLeftToIt() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        List<Element> cases = new ArrayList<>();
        Element declared = doc.createElement("A");
        declared.setAttribute("Value", "1");
        declared.setAttribute("xmlns", "urn:x");
        cases.add(declared);
        Element empty = doc.createElement("A");
        empty.setAttribute("xmlns", "");
        cases.add(empty);
        Element prefixed = doc.createElement("A");
        prefixed.appendChild(doc.createElementNS("urn:p", "p:B"));
        cases.add(prefixed);
        Element cdata = doc.createElement("A");
        cdata.appendChild(doc.createCDATASection(""));
        cases.add(cdata);
        Element comment = doc.createElement("A");
        comment.appendChild(doc.createComment("a -- b -"));
        cases.add(comment);
        Element spaced = doc.createElement("A");
        spaced.appendChild(doc.createProcessingInstruction("pi", " data"));
        cases.add(spaced);
        Element escaping = doc.createElement("A");
        escaping.appendChild(doc.createProcessingInstruction("javax.xml.transform.disable-output-escaping", ""));
        escaping.appendChild(doc.createTextNode("<raw>"));
        cases.add(escaping);
        Transformer transform = transform();
        for (Element e : cases) {
            assertEquals(transformed(transform, e), ours.toXml(e));
        }
    }

    @Test
    @Tag("integration")
    void aLineFeedInTextIsWrittenAsTheLineSeparatorAsTheTransformWritesIt() throws Exception {
        // The JVM's line separator is fixed at its start: a JVM of its own, as on Windows.
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Dline.separator=\r\n", "-cp", System.getProperty("java.class.path"),
                CrLfSeparator.class.getName()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
    }

    /** Exits 0 when ElementXml writes a text's line feeds as the transform does in this JVM. */
    public static final class CrLfSeparator {
        public static void main(String[] args) throws Exception {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element e = doc.createElement("A");
            e.appendChild(doc.createTextNode("\n  line1\nline2\n"));
            e.setAttribute("Value", "a\nb");
            String jdk = transformed(transform(), e);
            String ours = new ElementXml().toXml(e);
            if (!jdk.equals(ours) || !jdk.contains("\r\n")) {
                System.out.println("the JDK's " + jdk.replace("\r", "\\r") + " against " + ours.replace("\r", "\\r"));
                System.exit(1);
            }
        }
    }

    private static Transformer transform() throws Exception {
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        return t;
    }

    private static String transformed(Transformer t, Element e) throws Exception {
        StringWriter out = new StringWriter();
        t.transform(new DOMSource(e), new StreamResult(out));
        return out.toString();
    }
}
