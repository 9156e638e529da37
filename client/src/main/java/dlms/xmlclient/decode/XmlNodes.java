package dlms.xmlclient.decode;

import dlms.xmlclient.memo.BoundedMemo;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Reads XML text into {@link XmlNode}s; text that is not XML reads as null (nothing to decode). */
public final class XmlNodes {

    private static final SAXParserFactory FACTORY = SAXParserFactory.newInstance();
    /** A parser costs more to make than a reply to parse: borrowed for one parse, then given back. */
    private static final ConcurrentLinkedQueue<SAXParser> FREE = new ConcurrentLinkedQueue<>();

    private XmlNodes() {
    }

    /**
     * Texts parsed, by their text, weighed at some 8 bytes a character: the trace, the reply
     * files and the HTML report read the same replies, and a fleet's meters send the same ones.
     */
    private static final BoundedMemo<String, XmlNode> PARSED = new BoundedMemo<>(16L << 20);

    /** The root element, or null when the text does not parse. Shared: an XmlNode is only read. */
    public static XmlNode parse(String xml) {
        if (xml == null) {
            return null;
        }
        XmlNode known = PARSED.get(xml);
        if (known != null) {
            return known;
        }
        XmlNode parsed = parseText(xml);
        return parsed == null ? null : PARSED.put(xml, parsed, 8L * xml.length());
    }

    private static XmlNode parseText(String xml) {
        Builder builder = new Builder();
        SAXParser parser = FREE.poll();
        try {
            if (parser == null) {
                parser = FACTORY.newSAXParser();
            }
            parser.parse(new InputSource(new StringReader(xml)), builder);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return null;
        } finally {
            if (parser != null) {
                parser.reset();
                FREE.offer(parser);
            }
        }
        return builder.root;
    }

    private static final class Builder extends DefaultHandler {
        private final Deque<List<XmlNode>> open = new ArrayDeque<>();
        private final Deque<Object[]> starts = new ArrayDeque<>();
        private Locator locator;
        private XmlNode root;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < attrs.getLength(); i++) {
                map.put(attrs.getQName(i), attrs.getValue(i));
            }
            map = Collections.unmodifiableMap(map); // a parsed node is shared between threads
            starts.push(new Object[] {qName, map, locator == null ? 0 : locator.getLineNumber()});
            open.push(new ArrayList<>());
        }

        @SuppressWarnings("unchecked")
        @Override
        public void endElement(String uri, String localName, String qName) {
            Object[] start = starts.pop();
            XmlNode node = new XmlNode((String) start[0], (Map<String, String>) start[1], List.copyOf(open.pop()),
                    (Integer) start[2]);
            if (open.isEmpty()) {
                root = node;
            } else {
                open.peek().add(node);
            }
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e; // not printed: the default handler would write "[Fatal Error]" to stderr
        }
    }
}
