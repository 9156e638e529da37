package dlms.xmlclient.discover;

import dlms.xmlclient.decode.DomElements;
import org.w3c.dom.Comment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.List;



/**
 * Makes a recorded expected file of the discovered suite as loose as its values need: first by
 * each attribute's {@link Looseness}, then, given the replies of a second read, wherever a value
 * changed between the two reads (a number becomes any number, anything else any value). Values
 * already written as placeholders (a clock window the recorder wrote) are kept.
 */
public final class ExpectedLoosening {

    /** The loosened text and how many values each step loosened. */
    public record Result(String xml, int byClass, int bySecondRead) {
    }

    private static final String IS_NUMBER = "${xmlunit.isNumber}";
    private static final String IGNORE = "${xmlunit.ignore}";

    private int byClass;
    private int bySecondRead;

    private ExpectedLoosening() {
    }

    /**
     * @param expectedXml the recorded expected file
     * @param rules       one per reply, in order
     * @param secondRead  the replies of a second read, in order, or null (one may be null: not read)
     */
    public static Result loosen(String expectedXml, List<Looseness> rules, List<String> secondRead) {
        Element root = DomXml.parse(expectedXml);
        if (root == null) {
            throw new IllegalArgumentException("the recorded expected file is not XML");
        }
        ExpectedLoosening run = new ExpectedLoosening();
        List<Element> replies = DomElements.children(root);
        for (int i = 0; i < replies.size(); i++) {
            Element data = DomElements.find(replies.get(i), "Data");
            Element value = data == null ? null : first(DomElements.children(data));
            int before = run.byClass + run.bySecondRead;
            if (value != null && i < rules.size()) {
                value = run.apply(value, rules.get(i));
            }
            String again = secondRead == null || i >= secondRead.size() ? null : secondRead.get(i);
            if (value != null && again != null) {
                Element other = DomElements.find(DomXml.parse(again), "Data");
                Element otherValue = other == null ? null : first(DomElements.children(other));
                if (otherValue != null) {
                    run.merge(value, otherValue);
                }
            }
            if (value != null && (run.byClass + run.bySecondRead > before || isLoose(value))) {
                markDecodedAsDiscovered(value);
            }
        }
        return new Result("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + DomXml.write(root) + "\n", run.byClass,
                run.bySecondRead);
    }

    private Element apply(Element value, Looseness rule) {
        if (isPlaceholder(value.getAttribute("Value")) || "*".equals(value.getAttribute("Qty"))) {
            return value;
        }
        switch (rule) {
            case NUMBER -> {
                if (Looseness.NUMBERS.contains(value.getTagName())) {
                    value.setAttribute("Value", IS_NUMBER);
                    byClass++;
                }
            }
            case ANY -> {
                byClass++;
                return replaceWithAny(value);
            }
            case ENTRIES -> {
                if (value.getTagName().equals("Array")) {
                    anyEntries(value);
                    byClass++;
                }
            }
            default -> {
            }
        }
        return value;
    }

    /** Loosens {@code expected} where the second read differs from it. */
    private void merge(Element expected, Element actual) {
        if (isPlaceholder(expected.getAttribute("Value")) || "*".equals(expected.getAttribute("Qty"))
                || expected.getTagName().equals("None") && "*".equals(expected.getAttribute("Value"))) {
            return;
        }
        if (!expected.getTagName().equals(actual.getTagName())) {
            replaceWithAny(expected);
            bySecondRead++;
            return;
        }
        List<Element> mine = DomElements.children(expected);
        List<Element> theirs = DomElements.children(actual);
        if (mine.size() != theirs.size() || !expected.getAttribute("Qty").equals(actual.getAttribute("Qty"))) {
            if (expected.getTagName().equals("Array")) {
                anyEntries(expected);
            } else {
                replaceWithAny(expected);
            }
            bySecondRead++;
            return;
        }
        if (!expected.getAttribute("Value").equals(actual.getAttribute("Value"))) {
            expected.setAttribute("Value", Looseness.NUMBERS.contains(expected.getTagName()) ? IS_NUMBER : IGNORE);
            bySecondRead++;
        }
        for (int i = 0; i < mine.size(); i++) {
            merge(mine.get(i), theirs.get(i));
        }
    }

    private static boolean isLoose(Element value) {
        return value.getTagName().equals("None") || isPlaceholder(value.getAttribute("Value"))
                || "*".equals(value.getAttribute("Qty"));
    }

    /**
     * The decoded value the recorder put beside a value ({@code <!-- = 1094547 Wh -->}) is what
     * was read while discovering, not what is expected now: it says so.
     */
    private static void markDecodedAsDiscovered(Element value) {
        Node next = value.getNextSibling();
        while (next != null && next.getNodeType() == Node.TEXT_NODE && next.getTextContent().isBlank()) {
            next = next.getNextSibling();
        }
        if (next instanceof Comment c && c.getData().startsWith(" = ")) {
            c.setData(" read while discovering: " + c.getData().substring(3));
        }
    }

    private static boolean isPlaceholder(String value) {
        return value.startsWith("${") || value.equals("*");
    }

    private static Element replaceWithAny(Element value) {
        Element any = value.getOwnerDocument().createElement("None");
        any.setAttribute("Value", "*");
        value.getParentNode().replaceChild(any, value);
        return any;
    }

    private static void anyEntries(Element array) {
        while (array.getFirstChild() != null) {
            array.removeChild(array.getFirstChild());
        }
        array.setAttribute("Qty", "*");
    }

    private static Element first(List<Element> elements) {
        return elements.isEmpty() ? null : elements.get(0);
    }
}
