package dlms.xmlclient.discover;

import dlms.xmlclient.decode.DomElements;
import dlms.xmlclient.decode.ElementXml;
import dlms.xmlclient.decode.QuietDom;

import org.w3c.dom.Element;


/** The DOM steps discover takes on reply and expected XML: parse and write (find and list: {@link DomElements}). */
final class DomXml {

    private DomXml() {
    }

    /** The root element, or null when the text is not XML (nothing printed to stderr). */
    static Element parse(String xml) {
        return QuietDom.parse(xml);
    }

    /** The element as XML text, without a declaration. */
    static String write(Element element) {
        return new ElementXml().toXml(element);
    }
}
