package dlms.xmlclient.verdict;

import dlms.xmlclient.decode.DomElements;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Set;

/**
 * Instantiates the Gurux template conventions of an expectation against the actual reply, so
 * that xmlunit then compares like with like:
 * <ul>
 * <li>{@code <None Value="*"/>} where data goes (in {@code Data}, an array or a structure) matches
 *     one data element of any type and content; elsewhere it is compared literally, so that it
 *     never lets an error reply pass for data;</li>
 * <li>an {@code Array} or {@code Structure} with {@code Qty="*"} matches any number of entries, each
 *     checked against the template entry at its position, the last template entry repeating (so
 *     a one-entry template describes every entry); without template entries, any entries.</li>
 * </ul>
 * {@code Value="*"} on any other element is handled by {@link ReplyComparator}'s evaluator.
 */
final class Templates {

    static final String ANY = "*";
    /** Where a data element goes in a reply. */
    private static final Set<String> DATA_CONTAINERS = Set.of("Data", "Array", "Structure", "CompactArray");

    private Templates() {
    }

    /** Rewrites {@code expected} in place, pairing elements by position with {@code actual}. */
    static void expand(Element expected, Element actual) {
        if (!expected.getTagName().equals(actual.getTagName())) {
            return;
        }
        List<Element> template = DomElements.children(expected);
        List<Element> entries = DomElements.children(actual);
        if (ANY.equals(expected.getAttribute("Qty")) && template.isEmpty()) {
            for (Element entry : entries) {
                expected.appendChild(expected.getOwnerDocument().importNode(entry, true));
            }
            return;
        }
        if (ANY.equals(expected.getAttribute("Qty"))) {
            Element last = template.get(template.size() - 1);
            while (template.size() < entries.size()) {
                Element copy = (Element) last.cloneNode(true);
                expected.appendChild(copy);
                template.add(copy);
            }
            while (template.size() > entries.size()) {
                expected.removeChild(template.remove(template.size() - 1));
            }
        }
        for (int i = 0; i < Math.min(template.size(), entries.size()); i++) {
            Element t = template.get(i);
            Element a = entries.get(i);
            if (isAnyData(t) && DATA_CONTAINERS.contains(expected.getTagName())) {
                expected.replaceChild(expected.getOwnerDocument().importNode(a, true), t);
            } else {
                expand(t, a);
            }
        }
    }

    static boolean isAnyData(Element e) {
        return e.getTagName().equals("None") && ANY.equals(e.getAttribute("Value"));
    }
}
