package dlms.xmlclient.verdict;

/**
 * XML text with the layout taken out: whitespace between tags dropped, whitespace inside a tag
 * (outside attribute values) reduced to the single space between attributes, and comments
 * dropped. Two texts with the same canonical form are the same document as the comparison sees
 * it (it ignores whitespace-only text and comments), so a reply whose canonical text is its
 * expectation's passes without being parsed at all. Different texts prove nothing: the
 * comparison decides then. Attribute values and text are copied as they are.
 */
final class CanonicalXml {

    private CanonicalXml() {
    }

    static String of(String xml) {
        StringBuilder out = new StringBuilder(xml.length());
        int n = xml.length();
        int i = 0;
        while (i < n) {
            char c = xml.charAt(i);
            if (c == '<' && xml.startsWith("<!--", i)) {
                int end = xml.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
            } else if (c == '<' && (xml.startsWith("<![CDATA[", i) || xml.startsWith("<?", i))) {
                // Content, not layout: copied as it is.
                int end = xml.indexOf(xml.charAt(i + 1) == '?' ? "?>" : "]]>", i);
                int stop = end < 0 ? n : end + (xml.charAt(i + 1) == '?' ? 2 : 3);
                out.append(xml, i, stop);
                i = stop;
            } else if (c == '<') {
                i = tag(xml, i, out);
            } else {
                int next = xml.indexOf('<', i);
                int end = next < 0 ? n : next;
                if (!IdenticalXml.isXmlSpace(xml.substring(i, end))) {
                    out.append(xml, i, end);
                }
                i = end;
            }
        }
        return out.toString();
    }

    /** Copies the tag starting at {@code i}; returns the index after it. */
    private static int tag(String xml, int i, StringBuilder out) {
        int n = xml.length();
        char quote = 0;
        boolean space = false;
        for (; i < n; i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (IdenticalXml.isXmlSpace(c)) {
                space = true;
            } else {
                if (space && c != '>' && c != '/' && c != '=' && out.charAt(out.length() - 1) != '=') {
                    out.append(' ');
                }
                space = false;
                out.append(c);
                if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i + 1;
                }
            }
        }
        return n;
    }
}
