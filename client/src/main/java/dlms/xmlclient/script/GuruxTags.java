package dlms.xmlclient.script;

import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.TranslatorOutputType;
import gurux.dlms.TranslatorTagNames;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The element names the Gurux translator knows, to name an unknown one. gurux.dlms 4.0.47 meets
 * an unknown element with a NullPointerException ("the return value of HashMap.get(Object) is
 * null") that does not say which: the names are read once from the translator's own table
 * (package-private, read by {@link TranslatorTagNames} in the library's package).
 */
final class GuruxTags {

    private static final Set<String> KNOWN = known();

    private GuruxTags() {
    }

    /** The first element in the subtree (the element itself included) the translator does not know. */
    static Optional<Element> unknownIn(Element element) {
        if (!KNOWN.contains(element.getTagName().toLowerCase(Locale.ROOT))) { // the table is lower case
            return Optional.of(element);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                Optional<Element> unknown = unknownIn(e);
                if (unknown.isPresent()) {
                    return unknown;
                }
            }
        }
        return Optional.empty();
    }

    private static Set<String> known() {
        return TranslatorTagNames.of(new GXDLMSTranslator(TranslatorOutputType.SIMPLE_XML));
    }
}
