package dlms.xmlclient.script;

import dlms.xmlclient.decode.PlainXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Parses XML into a DOM whose elements remember the line they start on, so that every error
 * about a message file can name its line. Comments are dropped; external entities are off.
 */
public final class LineNumberedXml {

    static final String LINE = "line";

    /**
     * The deepest nesting of elements a message or expected file may have. The walks over a
     * file (ours, xmlunit's, the Gurux translator's) recurse, so a file nested deeper is refused
     * at load with its line. A reply holds at most 256 levels of data (the A-XDR walk's limit)
     * plus its few wrapping elements.
     */
    public static final int MAX_DEPTH = 300;

    /** A file nested past {@link #MAX_DEPTH}: refused at the element that goes too deep. */
    public static final class TooDeep extends org.xml.sax.SAXParseException {
        private static final long serialVersionUID = 1L;

        TooDeep(Locator locator) {
            super("elements nested deeper than " + MAX_DEPTH + " levels (the most a message or expected file"
                    + " may have)", locator);
        }
    }

    /**
     * A file the parser refused, with the mistake named at the line of the broken tag (see
     * {@link XmlMistake}); the parser's own exception is its cause.
     */
    public static final class NotWellFormed extends org.xml.sax.SAXParseException {
        private static final long serialVersionUID = 1L;

        NotWellFormed(XmlMistake.Found found, org.xml.sax.SAXParseException parserSays) {
            super(found.message(), null, null, found.line(), -1, parserSays);
        }
    }

    private LineNumberedXml() {
    }

    /**
     * Parsers are costly to create and not thread-safe: a set is borrowed for one file and given
     * back (not one per thread: a fleet's meters each have a virtual thread of their own).
     */
    private static final ConcurrentLinkedQueue<Parsers> FREE = new ConcurrentLinkedQueue<>();

    /**
     * @throws NotWellFormed when the text is not XML, naming the mistake at its line
     * @throws TooDeep       when elements nest past {@link #MAX_DEPTH}
     */
    public static Document parse(InputStream in) throws IOException, SAXException {
        byte[] bytes = in.readAllBytes(); // message and expected files are small; kept to name a mistake
        Parsers parsers = FREE.poll();
        if (parsers == null) {
            parsers = new Parsers();
        }
        try {
            Document plain = plain(bytes, parsers);
            return plain != null ? plain : parsed(bytes, parsers);
        } finally {
            FREE.offer(parsers);
        }
    }

    /**
     * Plain ASCII XML (the translator's, most message and expected files) read without the SAX
     * parser's set-up for each file, into the same DOM (see {@link PlainXml}); null for anything
     * else, which the parser reads, mistakes and all. ISO-8859-1 makes each byte one character:
     * PlainXml leaves any beyond ASCII to the parser, which decodes them as the declaration says.
     */
    static Document plain(byte[] bytes, Parsers parsers) {
        return PlainXml.parse(new String(bytes, StandardCharsets.ISO_8859_1), parsers.dom, LINE);
    }

    static Document parsed(byte[] bytes, Parsers parsers) throws IOException, SAXException {
        SAXParser sax = parsers.sax();
        sax.reset();
        Document doc = parsers.dom.newDocument();
        Builder builder = new Builder(doc);
        try {
            sax.parse(new ByteArrayInputStream(bytes), builder);
        } catch (TooDeep e) {
            throw e;
        } catch (SAXParseException e) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            throw new NotWellFormed(XmlMistake.describe(text, builder.progress(), e.getLineNumber(),
                    e.getColumnNumber(), e.getMessage()), e);
        }
        return doc;
    }

    /** A DOM builder, and a SAX parser made on first use: most files are plain and never need it. */
    static final class Parsers {
        final DocumentBuilder dom;
        private SAXParser sax;

        Parsers() {
            try {
                dom = DocumentBuilderFactory.newInstance().newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }

        SAXParser sax() {
            if (sax == null) {
                try {
                    SAXParserFactory factory = SAXParserFactory.newInstance();
                    factory.setNamespaceAware(false);
                    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    sax = factory.newSAXParser();
                } catch (ParserConfigurationException | SAXException e) {
                    throw new IllegalStateException(e);
                }
            }
            return sax;
        }
    }

    public static int lineOf(Node node) {
        Object line = node.getUserData(LINE);
        return line instanceof Integer i ? i : 0;
    }

    private static final class Builder extends DefaultHandler {
        private final Document doc;
        private final Deque<Node> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;
        private String rootTag;
        private int rootClosedLine;
        private int acceptedLine = 1;
        private int acceptedColumn = 1;

        Builder(Document doc) {
            this.doc = doc;
            open.push(doc);
        }

        /** What was accepted so far: where a mistake may begin. */
        XmlMistake.Progress progress() {
            Node innermost = open.peek();
            String openTag = innermost instanceof Element e ? e.getTagName() : null;
            return new XmlMistake.Progress(openTag, lineOf(innermost), rootTag, rootClosedLine, acceptedLine,
                    acceptedColumn);
        }

        /** The parser's locator stands just after what it reported last. */
        private void accepted() {
            if (locator != null) {
                acceptedLine = locator.getLineNumber();
                acceptedColumn = locator.getColumnNumber();
            }
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (open.size() > MAX_DEPTH) { // the document and MAX_DEPTH elements are open
                throw new TooDeep(locator);
            }
            flushText();
            Element element = doc.createElement(qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                element.setAttribute(attributes.getQName(i), attributes.getValue(i));
            }
            element.setUserData(LINE, locator == null ? 0 : locator.getLineNumber(), null);
            open.peek().appendChild(element);
            open.push(element);
            rootTag = rootTag == null ? qName : rootTag;
            accepted();
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            open.pop();
            if (open.peek() == doc) {
                rootClosedLine = locator == null ? 0 : locator.getLineNumber();
            }
            accepted();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
            accepted();
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) {
            accepted();
        }

        private void flushText() {
            if (text.length() > 0 && open.peek() != doc) {
                open.peek().appendChild(doc.createTextNode(text.toString()));
            }
            text.setLength(0);
        }
    }
}
