package dlms.xmlclient.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An XML text cut into its nodes with their character positions, so that an expected file can
 * be updated by rewriting only the characters that change: a DOM would lose the attributes'
 * order, the file's spacing inside tags and its choice of quotes. The text must be well-formed
 * (parsed once before); a document type declaration is not expected (our parsers refuse it).
 */
final class XmlSpans {

    enum Kind { DOCUMENT, ELEMENT, COMMENT, TEXT, OTHER }

    /**
     * A node: [start, end) in the text. An element also has its name, the end of its start tag,
     * its attributes and its children; a comment its content between {@code <!--} and {@code -->}.
     */
    static final class Span {
        final Kind kind;
        final int start;
        int end;
        int tagEnd;
        String name = "";
        String content = "";
        final List<Attribute> attributes = new ArrayList<>();
        final List<Span> children = new ArrayList<>();
        Span parent;

        Span(Kind kind, int start) {
            this.kind = kind;
            this.start = start;
        }

        List<Span> elements() {
            return children.stream().filter(c -> c.kind == Kind.ELEMENT).toList();
        }

        Attribute attribute(String attributeName) {
            return attributes.stream().filter(a -> a.name.equals(attributeName)).findFirst().orElse(null);
        }

        /** The only element child of the document. */
        Span root() {
            return elements().get(0);
        }
    }

    /** An attribute: its value as written (entities not decoded) lies at [valueStart, valueEnd). */
    record Attribute(String name, String value, char quote, int valueStart, int valueEnd) {
    }

    private final String text;
    private int at;

    private XmlSpans(String text) {
        this.text = text;
    }

    /** The document node of {@code text}; its children are the declaration, comments and the root element. */
    static Span parse(String text) {
        return new XmlSpans(text).document();
    }

    private Span document() {
        Span document = new Span(Kind.DOCUMENT, 0);
        Span open = document;
        while (at < text.length()) {
            if (text.startsWith("<!--", at)) {
                Span comment = add(open, new Span(Kind.COMMENT, at));
                int close = find("-->", at + 4);
                comment.content = text.substring(at + 4, close);
                comment.end = at = close + 3;
            } else if (text.startsWith("<![CDATA[", at)) {
                add(open, new Span(Kind.TEXT, at)).end = at = find("]]>", at) + 3;
            } else if (text.startsWith("<?", at) || text.startsWith("<!", at)) {
                add(open, new Span(Kind.OTHER, at)).end = at = find(">", at) + 1;
            } else if (text.startsWith("</", at)) {
                open.end = at = find(">", at) + 1;
                open = open.parent;
            } else if (text.charAt(at) == '<') {
                Span element = add(open, new Span(Kind.ELEMENT, at));
                if (startTag(element)) {
                    element.end = element.tagEnd;
                } else {
                    open = element;
                }
            } else {
                int next = text.indexOf('<', at);
                add(open, new Span(Kind.TEXT, at)).end = at = next < 0 ? text.length() : next;
            }
        }
        if (open != document) {
            throw new IllegalArgumentException("<" + open.name + "> is not closed");
        }
        document.end = text.length();
        return document;
    }

    /** Reads a start tag from {@code at}; true when it is an empty-element tag. */
    private boolean startTag(Span element) {
        at++;
        element.name = name();
        while (true) {
            skipSpace();
            char c = text.charAt(at);
            if (c == '/' || c == '>') {
                element.tagEnd = at = find(">", at) + 1;
                return c == '/';
            }
            String attributeName = name();
            skipSpace();
            at++; // '='
            skipSpace();
            char quote = text.charAt(at);
            int valueStart = at + 1;
            int valueEnd = find(String.valueOf(quote), valueStart);
            element.attributes.add(new Attribute(attributeName, text.substring(valueStart, valueEnd), quote,
                    valueStart, valueEnd));
            at = valueEnd + 1;
        }
    }

    private String name() {
        int start = at;
        while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && "=/>".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return text.substring(start, at);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private int find(String token, int from) {
        int found = text.indexOf(token, from);
        if (found < 0) {
            throw new IllegalArgumentException("no " + token + " after character " + from);
        }
        return found;
    }

    private static Span add(Span parent, Span child) {
        child.parent = parent;
        parent.children.add(child);
        return child;
    }
}
