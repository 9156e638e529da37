package dlms.xmlclient.session;

import java.util.ArrayList;
import java.util.List;

/**
 * A quick well-formedness check for the XML the translator writes: elements with names of
 * letters, digits, '_', '-' and '.', attributes in double quotes, text, comments and the five
 * predefined entities (or character references). It answers true only for text that is surely
 * well-formed; anything it does not know (another construct, a character outside printable ASCII
 * and plain Unicode, a name of another shape) or finds wrong answers false, and the XML parser
 * then decides ({@link WellFormedXml}). A reply's XML is checked once per exchange: this walk
 * costs a fraction of a parser's.
 */
final class PlainXmlScan {

    private final String s;
    private int i;
    private final List<String> open = new ArrayList<>();
    private final List<String> attributes = new ArrayList<>();

    private PlainXmlScan(String s) {
        this.s = s;
    }

    /** True when {@code xml} is surely well-formed; false when it is not, or when this cannot tell. */
    static boolean surelyWellFormed(String xml) {
        return new PlainXmlScan(xml).document();
    }

    private boolean document() {
        boolean rootSeen = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (s.startsWith("<!--", i)) {
                if (!comment()) {
                    return false;
                }
            } else if (c == '<' && !rootSeen) {
                if (!element()) {
                    return false;
                }
                rootSeen = true;
            } else {
                return false;
            }
        }
        return rootSeen;
    }

    /** From '<' of a start tag to the end of its element, iteratively (no recursion). */
    private boolean element() {
        if (!startTag()) {
            return false;
        }
        while (!open.isEmpty()) {
            if (i >= s.length()) {
                return false;
            }
            char c = s.charAt(i);
            if (c == '<') {
                if (s.startsWith("</", i)) {
                    i += 2;
                    String name = name();
                    if (name == null || !name.equals(open.remove(open.size() - 1))) {
                        return false;
                    }
                    skipSpace();
                    if (i >= s.length() || s.charAt(i) != '>') {
                        return false;
                    }
                    i++;
                } else if (s.startsWith("<!--", i)) {
                    if (!comment()) {
                        return false;
                    }
                } else if (!startTag()) {
                    return false;
                }
            } else if (!textChar(c, false)) {
                return false;
            }
        }
        return true;
    }

    /** A start tag or an empty-element tag; pushes the name of a start tag. */
    private boolean startTag() {
        i++; // '<'
        String name = name();
        if (name == null) {
            return false;
        }
        attributes.clear();
        while (true) {
            int before = i;
            skipSpace();
            if (i >= s.length()) {
                return false;
            }
            char c = s.charAt(i);
            if (c == '>') {
                i++;
                open.add(name);
                return true;
            }
            if (s.startsWith("/>", i)) {
                i += 2;
                return true;
            }
            if (i == before) {
                return false; // an attribute must follow white space
            }
            String attribute = name();
            if (attribute == null || attributes.contains(attribute)) {
                return false;
            }
            attributes.add(attribute);
            skipSpace();
            if (i >= s.length() || s.charAt(i) != '=') {
                return false;
            }
            i++;
            skipSpace();
            if (i >= s.length() || s.charAt(i) != '"') {
                return false;
            }
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                if (!textChar(s.charAt(i), true)) {
                    return false;
                }
            }
            if (i >= s.length()) {
                return false;
            }
            i++; // closing quote
        }
    }

    /** One character of text or of an attribute value (advancing past it), or an entity. */
    private boolean textChar(char c, boolean inAttribute) {
        if (c == '<' || c == ']' && s.startsWith("]]>", i)) {
            return false;
        }
        if (c == '&') {
            return reference();
        }
        if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c > 0x7E && (c < 0xA0 || c > 0xD7FF)) {
            return false; // controls, and anything past the Basic Multilingual Plane's plain part: the parser decides
        }
        i++;
        return true;
    }

    /** {@code &amp;}, {@code &lt;}, {@code &gt;}, {@code &quot;}, {@code &apos;}, or a decimal or hex character reference. */
    private boolean reference() {
        for (String entity : new String[] {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}) {
            if (s.startsWith(entity, i)) {
                i += entity.length();
                return true;
            }
        }
        return false; // character references and anything else: the parser decides
    }

    private boolean comment() {
        int end = s.indexOf("-->", i + 4);
        if (end < 0 || s.substring(i + 4, end).contains("--") || s.charAt(end - 1) == '-' && end - 1 >= i + 4) {
            return false;
        }
        for (int k = i + 4; k < end; k++) {
            char c = s.charAt(k);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c > 0x7E && (c < 0xA0 || c > 0xD7FF)) {
                return false;
            }
        }
        i = end + 3;
        return true;
    }

    /** A name of letters, digits, '_', '-', '.' starting with a letter or '_' (ASCII), or null. */
    private String name() {
        int start = i;
        if (i >= s.length() || !(Character.isLetter(s.charAt(i)) && s.charAt(i) < 0x80 || s.charAt(i) == '_')) {
            return null;
        }
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                i++;
            } else {
                break;
            }
        }
        return s.substring(start, i);
    }

    private void skipSpace() {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
