package dlms.xmlclient.discover;

import dlms.xmlclient.decode.DomElements;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What a reply says, for the access-rights check: the data read, or the result of a refusal or a Set. */
final class ReplyData {

    private ReplyData() {
    }

    /** The one data element of a GetResponse, as XML without comments; null when there is none. */
    static String data(String replyXml) {
        Element data = DomElements.find(DomXml.parse(replyXml), "Data");
        if (data == null) {
            return null;
        }
        for (Node n = data.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                strip(e);
                return DomXml.write(e);
            }
        }
        return null;
    }

    /** The data-access-result of a refused Get, or the Result of a Set or an Action (e.g. "ReadWriteDenied", "Success"); null when none. */
    static String result(String replyXml) {
        Element root = DomXml.parse(replyXml);
        Element error = DomElements.find(root, "DataAccessError");
        if (error != null) {
            return error.getAttribute("Value");
        }
        Element result = DomElements.find(root, "Result");
        if (result != null && result.hasAttribute("Value")) {
            return result.getAttribute("Value");
        }
        // Not the reply the request asks for: a confirmed-service-error, an exception-response…
        return root == null || DomElements.find(root, "Data") != null ? null : root.getTagName();
    }

    private static void strip(Element e) {
        Node n = e.getFirstChild();
        while (n != null) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.COMMENT_NODE
                    || n.getNodeType() == Node.TEXT_NODE && n.getTextContent().isBlank()) {
                e.removeChild(n);
            } else if (n instanceof Element child) {
                strip(child);
            }
            n = next;
        }
    }
}
