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
        XmlNode parsed = plain(xml);
        if (parsed == null) {
            parsed = parseText(xml);
        }
        return parsed == null ? null : PARSED.put(xml, parsed, 8L * xml.length());
    }

    /** The translator's plain XML without a SAX parser's set-up (see {@link PlainXml}); null for anything else. */
    static XmlNode plain(String xml) {
        Tree tree = new Tree();
        boolean read = PlainXml.read(xml, new PlainXml.Sink() {
            @Override
            public void start(String name, List<String> attributes, int line) {
                Map<String, String> map = new LinkedHashMap<>();
                for (int i = 0; i < attributes.size(); i += 2) {
                    map.put(attributes.get(i), attributes.get(i + 1));
                }
                tree.start(name, map, line);
            }

            @Override
            public void text(String text) {
                // not kept: a node is its name, attributes, children and line
            }

            @Override
            public void end() {
                tree.end();
            }
        });
        return read ? tree.root : null;
    }

    static XmlNode parseText(String xml) {
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
        return builder.tree.root;
    }

    /** The tree, from starts and ends, whoever reads the text. */
    private static final class Tree {
        private final Deque<List<XmlNode>> open = new ArrayDeque<>();
        private final Deque<Object[]> starts = new ArrayDeque<>();
        private XmlNode root;

        void start(String name, Map<String, String> attributes, int line) {
            // unmodifiable: a parsed node is shared between threads
            starts.push(new Object[] {name, Collections.unmodifiableMap(attributes), line});
            open.push(new ArrayList<>());
        }

        @SuppressWarnings("unchecked")
        void end() {
            Object[] start = starts.pop();
            XmlNode node = new XmlNode((String) start[0], (Map<String, String>) start[1], List.copyOf(open.pop()),
                    (Integer) start[2]);
            if (open.isEmpty()) {
                root = node;
            } else {
                open.peek().add(node);
            }
        }
    }

    private static final class Builder extends DefaultHandler {
        private final Tree tree = new Tree();
        private Locator locator;

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
            tree.start(qName, map, locator == null ? 0 : locator.getLineNumber());
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            tree.end();
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
