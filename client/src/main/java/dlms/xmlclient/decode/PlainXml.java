package dlms.xmlclient.decode;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilder;

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

    private final String text;
    private final Document doc;
    private int at;

    private PlainXml(String text, Document doc) {
        this.text = text;
        this.doc = doc;
    }

    /**
     * @param builder makes the document (its {@code newDocument()}); not used to parse
     * @return the document, or null when the text is not plain enough to be read here
     */
    public static Document parse(String text, DocumentBuilder builder) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n'; // the translator's
            if (c == '&' || c < 0x20 && c != '\n' && c != '\t' && !lineEnd || c >= 0x7F) {
                return null; // a reference, a lone carriage return, a control or a character beyond ASCII
            }
        }
        PlainXml reader = new PlainXml(text, builder.newDocument());
        return reader.document() ? reader.doc : null;
    }

    private boolean document() {
        skipDeclaration();
        if (!misc()) {
            return false;
        }
        if (!text.startsWith("<", at) || !element(doc)) {
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
        at = end + 3;
        return true;
    }

    private boolean element(Node parent) {
        at++; // '<'
        String name = name();
        if (name == null) {
            return false;
        }
        Element element = doc.createElement(name);
        parent.appendChild(element);
        while (true) {
            int before = at;
            skipSpace();
            if (text.startsWith("/>", at)) {
                at += 2;
                return true;
            }
            if (text.startsWith(">", at)) {
                at++;
                return content(element) && endTag(name);
            }
            if (at == before || !attribute(element)) {
                return false; // attributes are set apart by white space
            }
        }
    }

    private boolean attribute(Element element) {
        String name = name();
        if (name == null || element.hasAttribute(name)) {
            return false;
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
        element.setAttribute(name, value);
        at = end + 1;
        return true;
    }

    /** Children up to the end tag: elements, text (white space included), comments dropped. */
    private boolean content(Element element) {
        StringBuilder pending = new StringBuilder();
        while (at < text.length()) {
            int lt = text.indexOf('<', at);
            if (lt < 0) {
                return false;
            }
            pending.append(text, at, lt);
            at = lt;
            if (text.startsWith("<!--", at)) {
                if (!comment()) {
                    return false;
                }
                continue; // text on both sides of a dropped comment is one text node
            }
            if (pending.length() > 0) {
                if (pending.indexOf("]]>") >= 0) {
                    return false;
                }
                // A parser reads each CR LF as LF.
                element.appendChild(doc.createTextNode(pending.toString().replace("\r\n", "\n")));
                pending.setLength(0);
            }
            if (text.startsWith("</", at)) {
                return true;
            }
            if (text.startsWith("<!", at) || text.startsWith("<?", at) || !element(element)) {
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
        if (at == start) {
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
}
