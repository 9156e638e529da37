package dlms.xmlclient.decode;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The XML the Gurux translator writes (ASCII elements, double- or single-quoted attributes,
 * white space with CR LF line ends, comments; no entity, no CDATA, no DOCTYPE), read straight
 * into a DOM as the JDK's parser reads it with comments ignored (a CR LF read as LF). A reply is
 * compared with its expectation as a DOM, and the JDK's parser sets itself up anew for every
 * document: for a reply of a dozen elements that set-up is most of the comparison. Text that
 * holds anything else (a reference, a lone carriage return, a control character or one beyond
 * ASCII, white space other than a space in an attribute, which a parser rewrites; markup this
 * reader does not know; a mistake) is not read here: {@link #parse} returns null and the
 * caller's parser reads it, errors and all. PlainXmlTest holds the two to the same DOM.
 */
public final class PlainXml {

    /** The declarations the translator and the samples write; any other is the parser's to read. */
    private static final String[] DECLARATIONS = {"<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?>"};

    /** This reader recurses: a tree nested deeper is left to the parser, which does not. */
    private static final int MAX_DEPTH = 64;
    /** Below the JDK parser's own limits on attributes per element (200) and name length (1,000). */
    private static final int MAX_ATTRIBUTES = 64;
    private static final int MAX_NAME = 256;

    /** What is read, as it is read; elements come whole with their attributes. */
    public interface Sink {
        /**
         * @param attributes names and values, alternately, in the text's order
         * @param line       the line the start tag ends on (where a SAX parser's locator stands)
         */
        void start(String name, List<String> attributes, int line);

        /**
         * Character data between tags, CR LF read as LF. Comments left out: the text on both sides
         * of one is one text, unless the sink takes comments.
         */
        void text(String text);

        void end();

        /** True for a sink that takes the comments, in and around the root element, as they come. */
        default boolean takesComments() {
            return false;
        }

        /** A comment's text, between {@code <!--} and {@code -->}. */
        default void comment(String text) {
        }
    }

    private final String text;
    private final Sink sink;
    /** The parser's limits where the JVM sets them lower: past them the parser refuses, so this reader leaves it. */
    private final int maxDepth = limit("jdk.xml.maxElementDepth", MAX_DEPTH);
    private final int maxAttributes = limit("jdk.xml.elementAttributeLimit", MAX_ATTRIBUTES);
    private final int maxName = limit("jdk.xml.maxXMLNameLimit", MAX_NAME);
    private int at;
    private int line = 1;
    private int counted;
    private int depth;

    private PlainXml(String text, Sink sink) {
        this.text = text;
        this.sink = sink;
    }

    /**
     * @param builder makes the document (its {@code newDocument()}); not used to parse
     * @return the document, or null when the text is not plain enough to be read here
     */
    public static Document parse(String text, DocumentBuilder builder) {
        return parse(text, builder, null);
    }

    /**
     * @param lineKey the user data key under which each element keeps the line its start tag ends
     *                on (an Integer, as a SAX locator gives it), or null
     */
    public static Document parse(String text, DocumentBuilder builder, String lineKey) {
        Document doc = builder.newDocument();
        return read(text, new DomSink(doc, lineKey)) ? doc : null;
    }

    /** @return false when the text is not plain enough to be read here (the sink has part of it) */
    public static boolean read(String text, Sink sink) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n'; // the translator's
            if (c == '&' || c < 0x20 && c != '\n' && c != '\t' && !lineEnd || c >= 0x7F) {
                return false; // a reference, a lone carriage return, a control or a character beyond ASCII
            }
        }
        return new PlainXml(text, sink).document();
    }

    private boolean document() {
        skipDeclaration();
        if (!misc()) {
            return false;
        }
        if (!text.startsWith("<", at) || !element()) {
            return false;
        }
        return misc() && at == text.length();
    }

    private void skipDeclaration() {
        for (String declaration : DECLARATIONS) {
            if (text.startsWith(declaration)) {
                at = declaration.length();
                return;
            }
        }
    }

    /** White space and comments outside the root: nothing in the DOM. */
    private boolean misc() {
        while (true) {
            skipSpace();
            if (text.startsWith("<!--", at)) {
                if (!comment()) {
                    return false;
                }
            } else {
                return true;
            }
        }
    }

    private boolean comment() {
        int end = text.indexOf("--", at + 4);
        if (end < 0 || !text.startsWith("-->", end)) {
            return false; // "--" inside a comment is not XML; the parser says so
        }
        if (sink.takesComments()) {
            sink.comment(text.substring(at + 4, end).replace("\r\n", "\n")); // a parser reads each CR LF as LF
        }
        at = end + 3;
        return true;
    }

    private static int limit(String property, int cap) {
        try {
            int set = Integer.parseInt(System.getProperty(property, "0").strip());
            return set > 0 ? Math.min(set, cap) : cap; // 0: no limit of the parser's
        } catch (NumberFormatException e) {
            return 0; // a value only the parser knows what to make of: everything is the parser's
        }
    }

    private boolean element() {
        if (++depth > maxDepth) {
            return false;
        }
        at++; // '<'
        String name = name();
        if (name == null) {
            return false;
        }
        List<String> attributes = new ArrayList<>(4);
        while (true) {
            int before = at;
            skipSpace();
            if (text.startsWith("/>", at)) {
                at += 2;
                sink.start(name, attributes, lineAt(at));
                sink.end();
                depth--;
                return true;
            }
            if (text.startsWith(">", at)) {
                at++;
                sink.start(name, attributes, lineAt(at));
                if (!content() || !endTag(name)) {
                    return false;
                }
                sink.end();
                depth--;
                return true;
            }
            if (at == before || attributes.size() >= 2 * maxAttributes || !attribute(attributes)) {
                return false; // attributes are set apart by white space
            }
        }
    }

    private boolean attribute(List<String> attributes) {
        String name = name();
        if (name == null) {
            return false;
        }
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return false; // not XML
            }
        }
        skipSpace();
        if (!text.startsWith("=", at)) {
            return false;
        }
        at++;
        skipSpace();
        if (at >= text.length() || text.charAt(at) != '"' && text.charAt(at) != '\'') {
            return false;
        }
        char quote = text.charAt(at);
        int end = text.indexOf(quote, at + 1);
        if (end < 0) {
            return false;
        }
        String value = text.substring(at + 1, end);
        if (value.indexOf('<') >= 0 || value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return false; // not XML, or white space a parser rewrites as spaces
        }
        attributes.add(name);
        attributes.add(value);
        at = end + 1;
        return true;
    }

    /** The line of a position at or after the last one asked for. */
    private int lineAt(int position) {
        for (; counted < position; counted++) {
            if (text.charAt(counted) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Children up to the end tag: elements, text (white space included), comments dropped. */
    private boolean content() {
        StringBuilder pending = new StringBuilder();
        while (at < text.length()) {
            int lt = text.indexOf('<', at);
            if (lt < 0) {
                return false;
            }
            pending.append(text, at, lt);
            at = lt;
            boolean comment = text.startsWith("<!--", at);
            if (comment && !sink.takesComments()) {
                if (!comment()) {
                    return false;
                }
                continue; // text on both sides of a dropped comment is one text node
            }
            if (pending.length() > 0) {
                if (pending.indexOf("]]>") >= 0) {
                    return false;
                }
                sink.text(pending.toString().replace("\r\n", "\n")); // a parser reads each CR LF as LF
                pending.setLength(0);
            }
            if (comment) {
                if (!comment()) {
                    return false;
                }
                continue;
            }
            if (text.startsWith("</", at)) {
                return true;
            }
            if (text.startsWith("<!", at) || text.startsWith("<?", at) || !element()) {
                return false; // CDATA, a processing instruction: the parser's
            }
        }
        return false;
    }

    private boolean endTag(String name) {
        at += 2; // "</"
        if (!text.startsWith(name, at)) {
            return false;
        }
        at += name.length();
        skipSpace();
        if (!text.startsWith(">", at)) {
            return false;
        }
        at++;
        return true;
    }

    /** An XML name of ASCII letters, digits, '_', '-', '.', ':' (no digit, '-' or '.' first); null when not one. */
    private String name() {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            boolean first = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == ':';
            boolean later = c >= '0' && c <= '9' || c == '-' || c == '.';
            if (!first && !(later && at > start)) {
                break;
            }
            at++;
        }
        if (at == start || at - start > maxName) {
            return null;
        }
        return text.substring(start, at);
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                return;
            }
            at++;
        }
    }

    /** Into a DOM, as the JDK's parser builds it with comments ignored. */
    private static final class DomSink implements Sink {
        private final Document doc;
        private final String lineKey;
        private Node current;

        DomSink(Document doc, String lineKey) {
            this.doc = doc;
            this.lineKey = lineKey;
            this.current = doc;
        }

        @Override
        public void start(String name, List<String> attributes, int line) {
            Element element = doc.createElement(name);
            for (int i = 0; i < attributes.size(); i += 2) {
                element.setAttribute(attributes.get(i), attributes.get(i + 1));
            }
            if (lineKey != null) {
                element.setUserData(lineKey, line, null);
            }
            current.appendChild(element);
            current = element;
        }

        @Override
        public void text(String text) {
            current.appendChild(doc.createTextNode(text));
        }

        @Override
        public void end() {
            current = current.getParentNode();
        }
    }
}
