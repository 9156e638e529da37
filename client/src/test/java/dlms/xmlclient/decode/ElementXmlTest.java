package dlms.xmlclient.decode;

import dlms.xmlclient.script.LineNumberedXml;
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
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our element writer against the JDK's identity transform, the text both must give. */
class ElementXmlTest {

    private final ElementXml ours = new ElementXml();

    @Test
    void everyElementOfTheSampleMessagesAndExpectedRepliesIsWrittenAsTheTransformWritesIt() throws Exception {
        Transformer transform = transform();
        int elements = 0;
        for (String folder : List.of("messages", "expected")) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            }
            for (Path file : files) {
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
