package dlms.xmlclient.script;

import org.w3c.dom.Element;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;

/** One element of a message or expected file back to XML text. Not thread-safe; one per loader. */
public final class ElementXml {

    /** Creating a Transformer costs more than serializing an element: one per instance. */
    private final Transformer serializer;

    public ElementXml() {
        try {
            serializer = TransformerFactory.newInstance().newTransformer();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
        serializer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    }

    public String toXml(Element element) {
        try {
            StringWriter out = new StringWriter();
            serializer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
