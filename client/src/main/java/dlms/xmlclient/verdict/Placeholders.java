package dlms.xmlclient.verdict;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xmlunit.placeholder.PlaceholderHandler;

import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * xmlunit placeholders ({@code ${xmlunit.within(230,5%)}}) in expectations: checked when an
 * expected file is loaded, so a typo is an input error with a line rather than a silent
 * mismatch (the library treats an unknown keyword as literal text) or a crash mid-run (it
 * throws when a placeholder shares a value with other text).
 */
final class Placeholders {

    private static final String MARK = "${xmlunit.";
    private static final Pattern WHOLE = Pattern.compile("\\$\\{xmlunit\\.(\\w+)(?:\\((.*)\\))?}");
    private static final Pattern CLOCK = Pattern.compile("\\$\\{xmlunit\\.clock\\((.*)\\)}");
    private final Set<String> keywords = new TreeSet<>();

    Placeholders() {
        for (PlaceholderHandler handler : ServiceLoader.load(PlaceholderHandler.class)) {
            keywords.add(handler.getKeyword());
        }
    }

    /** Throws with a one-line reason for the first bad placeholder in the element's attributes or text. */
    void validate(Element element) {
        rewrite(element, value -> {
            validate(value);
            return value;
        });
    }

    private void validate(String value) {
        if (!value.contains(MARK)) {
            return;
        }
        Matcher m = WHOLE.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(value + ": a placeholder must be the whole value");
        }
        String keyword = m.group(1);
        if (!keywords.contains(keyword)) {
            throw new IllegalArgumentException(value + ": unknown placeholder (known: " + String.join(", ", keywords) + ")");
        }
        String[] args = m.group(2) == null ? new String[0] : m.group(2).split(",", -1);
        for (String arg : args) {
            if (arg.isBlank()) {
                throw new IllegalArgumentException(value + ": an empty argument (a comma too many?)");
            }
        }
        try {
            switch (keyword) {
                case "within" -> WithinPlaceholderHandler.validate(args);
                case "clock" -> ClockPlaceholderHandler.validate(args);
                // The library's handlers throw on a bad argument only mid-comparison: try them now.
                case "matchesRegex" -> {
                    if (args.length != 1) {
                        throw new IllegalArgumentException(value + ": one regular expression without commas"
                                + " (the library splits arguments at commas: write {1,8} as a character class or '|')");
                    }
                    Pattern.compile(args[0]);
                }
                case "isDateTime" -> {
                    if (args.length > 0) {
                        new SimpleDateFormat(args[0]);
                    }
                }
                default -> {
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(value) ? e.getMessage()
                    : value + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(value + ": " + e.getMessage(), e);
        }
    }

    /** Gives every clock placeholder the time the request was sent, as its last argument. */
    static void stampClocks(Element element, Instant sentAt) {
        String stamp = "sent=" + sentAt.toEpochMilli();
        rewrite(element, value -> {
            Matcher m = CLOCK.matcher(value.trim());
            return m.matches() ? "${xmlunit.clock(" + m.group(1) + "," + stamp + ")}" : value;
        });
    }

    private interface ValueRewriter {
        String rewrite(String value);
    }

    /** Applies {@code rewriter} to every attribute value and text in the element, recursively. */
    private static void rewrite(Element element, ValueRewriter rewriter) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String value = rewriter.rewrite(a.getValue());
            if (!value.equals(a.getValue())) {
                a.setValue(value);
            }
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                rewrite(child, rewriter);
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                n.setNodeValue(rewriter.rewrite(n.getNodeValue()));
            }
        }
    }
}
