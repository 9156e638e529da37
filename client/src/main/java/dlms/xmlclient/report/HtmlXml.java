package dlms.xmlclient.report;

import dlms.xmlclient.decode.PlainXml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders an XML element as indented lines (2 spaces, attributes in document order,
 * {@code <X A="v" />} for empty elements) and marks the start-tag lines of the elements that
 * XPaths name, so a reply shows where it differs. XML that cannot be parsed is shown as it is.
 * The result depends on the arguments only; one instance per thread.
 */
final class HtmlXml {

    /** A trailing attribute or text step: the element that owns it is what gets marked. */
    private static final Pattern LEAF_STEP = Pattern.compile("/(@[^/\\[\\]]+|text\\(\\)(\\[\\d+])?)$");
    private static final String INDENT = "  ";

    private final boolean plainReader;
    private final SAXParserFactory sax;
    private final DocumentBuilderFactory dom;
    private final XPath xpath;
    /** Made on first use and reset before each (this instance is one thread's). */
    private DocumentBuilder builder;
    private SAXParser parser;

    HtmlXml() {
        this(true);
    }

    /** @param plainReader false to read every document with the JDK's parser, as tests compare */
    HtmlXml(boolean plainReader) {
        this.plainReader = plainReader;
        try {
            sax = SAXParserFactory.newInstance();
            sax.setNamespaceAware(false);
            sax.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            sax.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            dom = DocumentBuilderFactory.newInstance();
            dom.setNamespaceAware(false);
            dom.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            XPathFactory xpaths = XPathFactory.newInstance();
            xpaths.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            xpath = xpaths.newXPath();
        } catch (ParserConfigurationException | SAXException | XPathFactoryConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rendered lines, as plain text (not yet escaped), and which of them are marked.
     *
     * @param parsed false when the XML could not be parsed and the lines are the text as given
     */
    record Rendering(List<String> lines, BitSet marked, boolean parsed) {

        Rendering {
            lines = List.copyOf(lines);
            marked = (BitSet) marked.clone();
        }

        int size() {
            return lines.size();
        }

        /**
         * Lines {@code from} (inclusive) to {@code to} (exclusive) as HTML, one per text line,
         * each marked line's text (not its indentation) in {@code <mark>}.
         */
        /** An escaped line with its comment, from {@code <!--} on, in a span of its own colour. */
        private static String comments(String escaped) {
            int at = escaped.indexOf("&lt;!--");
            return at < 0 ? escaped : escaped.substring(0, at) + "<span class=\"cm\">" + escaped.substring(at) + "</span>";
        }

        String html(int from, int to) {
            StringBuilder out = new StringBuilder();
            for (int i = from; i < to; i++) {
                String line = lines.get(i);
                if (marked.get(i)) {
                    int text = 0;
                    while (text < line.length() && line.charAt(text) == ' ') {
                        text++;
                    }
                    int comment = line.indexOf(" <!--", text);
                    int end = comment < 0 ? line.length() : comment;
                    out.append(line, 0, text).append("<mark>").append(Html.escape(line.substring(text, end)))
                            .append("</mark>").append(comments(Html.escape(line.substring(end))));
                } else {
                    out.append(comments(Html.escape(line)));
                }
                if (i + 1 < to) {
                    out.append('\n');
                }
            }
            return out.toString();
        }

        String html() {
            return html(0, lines.size());
        }
    }

    /** The XML rendered with nothing marked. */
    Rendering render(String xml) {
        return render(xml, List.of());
    }

    /**
     * @param xml    one element (a reply, request or expectation)
     * @param xpaths paths into it ({@code /GetResponse/…/UInt8[2]/@Value}); a trailing
     *               {@code /@Attr} or {@code /text()} marks the element that owns it; a path
     *               that selects nothing marks nothing
     */
    Rendering render(String xml, Collection<String> xpaths) {
        Parsed parsed;
        try {
            parsed = parse(xml);
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            return new Rendering(xml.replace("\r\n", "\n").replace('\r', '\n').strip().lines().toList(),
                    new BitSet(), false);
        }
        Set<Element> marks = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String path : xpaths) {
            marks.addAll(select(parsed.document, path));
        }
        List<String> lines = new ArrayList<>();
        BitSet marked = new BitSet();
        for (Node n = parsed.document.getFirstChild(); n != null; n = n.getNextSibling()) {
            write(n, 0, parsed.attributeOrder, marks, lines, marked);
        }
        return new Rendering(lines, marked, true);
    }

    /** The elements a path names; none when it is not a valid path or selects nothing. */
    List<Element> select(Document document, String path) {
        if (path == null) {
            return List.of();
        }
        String elementPath = LEAF_STEP.matcher(path.strip()).replaceFirst("");
        if (elementPath.isEmpty()) {
            return List.of();
        }
        NodeList nodes;
        try {
            nodes = (NodeList) xpath.evaluate(elementPath, document, XPathConstants.NODESET);
        } catch (XPathExpressionException | RuntimeException e) {
            return List.of();
        }
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            Node owner = n instanceof Attr a ? a.getOwnerElement() : n instanceof Element ? n : n.getParentNode();
            if (owner instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static void write(Node node, int depth, Map<Element, List<String>> attributeOrder, Set<Element> marks,
                              List<String> lines, BitSet marked) {
        String indent = INDENT.repeat(depth);
        switch (node.getNodeType()) {
            case Node.COMMENT_NODE -> {
                String comment = "<!--" + node.getNodeValue() + "-->";
                if (node.getNodeValue().startsWith(" = ") && !lines.isEmpty()) {
                    // A decoded value's meaning stays on the line of the value it explains.
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + comment);
                } else {
                    lines.add(indent + comment);
                }
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                String text = node.getNodeValue().strip();
                if (!text.isEmpty()) {
                    lines.add(indent + escapeXml(text, false));
                }
            }
            case Node.ELEMENT_NODE -> {
                Element element = (Element) node;
                StringBuilder start = new StringBuilder(indent).append('<').append(element.getTagName());
                for (String name : attributeOrder.getOrDefault(element, List.of())) {
                    start.append(' ').append(name).append("=\"")
                            .append(escapeXml(element.getAttribute(name), true)).append('"');
                }
                if (marks.contains(element)) {
                    marked.set(lines.size());
                }
                List<Node> children = significantChildren(element);
                String end = "</" + element.getTagName() + ">";
                if (children.isEmpty()) {
                    lines.add(start.append(" />").toString());
                } else if (children.stream().allMatch(HtmlXml::isText)) {
                    StringBuilder text = new StringBuilder();
                    children.forEach(c -> text.append(c.getNodeValue()));
                    lines.add(start.append('>').append(escapeXml(text.toString().strip(), false)).append(end)
                            .toString());
                } else {
                    lines.add(start.append('>').toString());
                    for (Node child : children) {
                        write(child, depth + 1, attributeOrder, marks, lines, marked);
                    }
                    lines.add(indent + end);
                }
            }
            default -> {
                // Processing instructions: not part of what a reply means.
            }
        }
    }

    private static boolean isText(Node node) {
        return node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE;
    }

    private static List<Node> significantChildren(Element element) {
        List<Node> children = new ArrayList<>();
        for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!isText(c) || !c.getNodeValue().isBlank()) {
                children.add(c);
            }
        }
        return children;
    }

    private static String escapeXml(String text, boolean attribute) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return attribute ? escaped.replace("\"", "&quot;") : escaped;
    }

    private record Parsed(Document document, Map<Element, List<String>> attributeOrder) {
    }

    /**
     * A DOM built from the reader's events, with each element's attribute names in the text's
     * order: the JDK's DOM keeps attributes sorted by name, and the page shows them in the order
     * the meter sent them. The translator's plain XML is read by {@link PlainXml} (the JDK's
     * parser sets itself up anew for every document), anything else by the JDK's SAX parser.
     */
    private Parsed parse(String xml) throws SAXException, IOException, ParserConfigurationException {
        if (builder == null) {
            builder = dom.newDocumentBuilder();
        }
        builder.reset();
        if (plainReader) {
            PlainSink plain = new PlainSink(builder.newDocument());
            if (PlainXml.read(xml, plain)) {
                plain.document.normalize();
                return new Parsed(plain.document, plain.order);
            }
        }
        if (parser == null) {
            parser = sax.newSAXParser();
        }
        parser.reset();
        Document document = builder.newDocument();
        Map<Element, List<String>> order = new IdentityHashMap<>();
        Deque<Node> open = new ArrayDeque<>();
        open.push(document);
        DefaultHandler2 handler = new DefaultHandler2() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                Element element = document.createElement(qName);
                List<String> names = new ArrayList<>(attributes.getLength());
                for (int i = 0; i < attributes.getLength(); i++) {
                    element.setAttribute(attributes.getQName(i), attributes.getValue(i));
                    names.add(attributes.getQName(i));
                }
                order.put(element, names);
                open.peek().appendChild(element);
                open.push(element);
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                open.pop();
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (open.peek() != document) {
                    open.peek().appendChild(document.createTextNode(new String(ch, start, length)));
                }
            }

            @Override
            public void comment(char[] ch, int start, int length) {
                open.peek().appendChild(document.createComment(new String(ch, start, length)));
            }
        };
        XMLReader reader = parser.getXMLReader();
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        reader.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
        reader.parse(new InputSource(new StringReader(xml)));
        document.normalize();
        return new Parsed(document, order);
    }

    /** The DOM and attribute order, as the SAX handler above builds them, from PlainXml's events. */
    private static final class PlainSink implements PlainXml.Sink {
        final Document document;
        final Map<Element, List<String>> order = new IdentityHashMap<>();
        private Node current;

        PlainSink(Document document) {
            this.document = document;
            this.current = document;
        }

        @Override
        public void start(String name, List<String> attributes, int line) {
            Element element = document.createElement(name);
            List<String> names = new ArrayList<>(attributes.size() / 2);
            for (int i = 0; i < attributes.size(); i += 2) {
                element.setAttribute(attributes.get(i), attributes.get(i + 1));
                names.add(attributes.get(i));
            }
            order.put(element, names);
            current.appendChild(element);
            current = element;
        }

        @Override
        public void text(String text) {
            current.appendChild(document.createTextNode(text));
        }

        @Override
        public void end() {
            current = current.getParentNode();
        }

        @Override
        public boolean takesComments() {
            return true;
        }

        @Override
        public void comment(String text) {
            current.appendChild(document.createComment(text));
        }
    }
}
