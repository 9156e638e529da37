package dlms.xmlclient.script;

import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.TranslatorOutputType;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The element names the Gurux translator knows, to name an unknown one. gurux.dlms 4.0.47 meets
 * an unknown element with a NullPointerException ("the return value of HashMap.get(Object) is
 * null") that does not say which: the names are read once from the translator's own table
 * (a package-private field, hence reflection; without it the library's message stands).
 */
final class GuruxTags {

    private static final Set<String> KNOWN = known();

    private GuruxTags() {
    }

    /** The first element in the subtree (the element itself included) the translator does not know. */
    static Optional<Element> unknownIn(Element element) {
        if (KNOWN.isEmpty()) {
            return Optional.empty();
        }
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

    @SuppressWarnings("unchecked")
    private static Set<String> known() {
        try {
            Field field = GXDLMSTranslator.class.getDeclaredField("tagsByName");
            field.setAccessible(true);
            return Set.copyOf(((Map<String, Integer>) field.get(new GXDLMSTranslator(TranslatorOutputType.SIMPLE_XML)))
                    .keySet());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Set.of(); // another gurux.dlms release: its own message is reported
        }
    }
}
