package dlms.xmlclient.verdict;

import dlms.xmlclient.decode.PlainXml;
import dlms.xmlclient.memo.BoundedMemo;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Comparison;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.DifferenceEvaluator;
import org.xmlunit.diff.DifferenceEvaluators;
import org.xmlunit.diff.ElementSelector;
import org.xmlunit.placeholder.PlaceholderDifferenceEvaluator;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a reply with its expectation using xmlunit: attributes compared, whitespace and
 * comments ignored, elements paired by position (in DLMS data, order is the meaning), Gurux
 * {@code *} wildcards and xmlunit placeholders honoured. One instance per thread.
 */
public final class ReplyComparator {

    /** Reported through the finer comparisons (child lookups, attribute names) instead. */
    private static final Set<ComparisonType> SUMMARIES = Set.of(ComparisonType.CHILD_NODELIST_LENGTH,
            ComparisonType.ELEMENT_NUM_ATTRIBUTES, ComparisonType.CHILD_NODELIST_SEQUENCE);

    /** {@code Value="*"} (and any other attribute or text that is exactly *) matches anything. */
    private static final DifferenceEvaluator WILDCARD = (comparison, outcome) -> {
        if (outcome == ComparisonResult.EQUAL) {
            return outcome;
        }
        Object control = comparison.getControlDetails().getValue();
        boolean valueType = comparison.getType() == ComparisonType.ATTR_VALUE
                || comparison.getType() == ComparisonType.TEXT_VALUE;
        return valueType && Templates.ANY.equals(control) ? ComparisonResult.EQUAL : outcome;
    };

    /** Pairs elements by position whatever their names, so a changed type is one difference. */
    private static final ElementSelector IN_ORDER = (control, test) -> true;

    private static final String PLACEHOLDER = "${xmlunit.";
    private static final Pattern STAMP = Pattern.compile(",sent=\\d+\\)}$");

    /** Expected replies, canonical, for all comparators: a run compares the same few again and again. */
    private static final BoundedMemo<String, String> CANONICAL = new BoundedMemo<>(8L << 20);
    /** Replies found the same as their expectation, canonically: a fleet's meters send the same ones. */
    private static final BoundedMemo<Same, Boolean> SAME = new BoundedMemo<>(8L << 20);

    /** Expected replies parsed, weighed at some 16 bytes a character (a DOM's nodes and strings). */
    private static final BoundedMemo<String, Document> EXPECTED = new BoundedMemo<>(32L << 20);

    private record Same(String expected, String actual) {
        // equals and hashCode written out: a record's own bootstrap through ObjectMethods on first call,
        // milliseconds of a cold start (docs/developer-notes.md).
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && Objects.equals(s.expected, expected) && Objects.equals(s.actual, actual);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(expected) + Objects.hashCode(actual);
        }
    }

    private final DocumentBuilderFactory factory;
    private final DocumentBuilder parser;
    private final DifferenceEvaluator evaluator = DifferenceEvaluators.chain(DifferenceEvaluators.Default,
            WILDCARD, new PlaceholderDifferenceEvaluator());

    public ReplyComparator() {
        try {
            factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // Comments are dropped here, not by xmlunit's ignoreComments(), which runs an XSLT
            // transform (compiled anew) for every comparison: about 6 ms each, most of a script's time.
            factory.setIgnoringComments(true);
            parser = factory.newDocumentBuilder();
            parser.setErrorHandler(new DefaultHandler()); // throws; the default one prints [Fatal Error] to stderr
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param expectedXml one expected reply element
     * @param actualXml   the reply as received, or null when none came
     * @param sentAt      when the request was sent: the reference of {@code ${xmlunit.clock(…)}}
     * @return the differences; empty when the reply matches
     */
    public List<Difference> compare(String expectedXml, String actualXml, Instant sentAt) {
        if (actualXml != null && sameText(expectedXml, actualXml)) {
            return List.of();
        }
        Element expected = expectedCopy(expectedXml).getDocumentElement();
        if (actualXml == null) {
            return expected.getTagName().equals("NoReply") ? List.of()
                    : List.of(new Difference("/", "<" + expected.getTagName() + ">", "no reply"));
        }
        Element actual = parse(actualXml).getDocumentElement();
        Placeholders.stampClocks(expected, sentAt);
        Templates.expand(expected, actual);
        RawBytes.expand(expected, actual);
        if (IdenticalXml.same(expected, actual, this::valuesMatch)) {
            return List.of();
        }
        // In place of xmlunit's ignoreWhitespace(), which copies both documents through a new
        // DocumentBuilderFactory for every comparison: the documents are ours and freshly parsed.
        IdenticalXml.stripWhitespace(expected);
        IdenticalXml.stripWhitespace(actual);
        List<Difference> differences = new ArrayList<>();
        // Below an element whose type changed, attributes and entries are not comparable: the
        // type difference says it all.
        Set<Node> retyped = new HashSet<>();
        DiffBuilder.compare(expected).withTest(actual)
                .withDocumentBuilderFactory(factory) // else xmlunit configures a new one for every diff
                .withNodeMatcher(new DefaultNodeMatcher(IN_ORDER))
                .withDifferenceEvaluator(evaluator)
                .withComparisonListeners((comparison, outcome) -> {
                    if (outcome != ComparisonResult.DIFFERENT || SUMMARIES.contains(comparison.getType())
                            || within(retyped, comparison.getControlDetails().getTarget())
                            || within(retyped, comparison.getTestDetails().getTarget())) {
                        return;
                    }
                    differences.add(describe(comparison));
                    if (comparison.getType() == ComparisonType.ELEMENT_TAG_NAME) {
                        retyped.add(comparison.getControlDetails().getTarget());
                        retyped.add(comparison.getTestDetails().getTarget());
                    }
                })
                .build();
        return differences;
    }

    /** The same text but for layout and comments: the same document, no parse needed. */
    private static boolean sameText(String expectedXml, String actualXml) {
        Same pair = new Same(expectedXml, actualXml);
        if (SAME.get(pair) != null) {
            return true;
        }
        String expected = CANONICAL.get(expectedXml, CanonicalXml::of, 2L * expectedXml.length());
        if (!CanonicalXml.of(actualXml).equals(expected)) {
            return false;
        }
        SAME.put(pair, Boolean.TRUE, 2L * actualXml.length());
        return true;
    }

    /**
     * A value as the full comparison would judge it: equal, {@code *}, or a placeholder whose
     * handler accepts the value (asked through the same evaluators, so the answer is the same).
     */
    private boolean valuesMatch(Node expected, String expectedValue, Node actual, String actualValue) {
        if (IdenticalXml.LITERAL.match(expected, expectedValue, actual, actualValue)) {
            return true;
        }
        if (!expectedValue.contains(PLACEHOLDER)) {
            return false;
        }
        ComparisonType type = expected instanceof Attr ? ComparisonType.ATTR_VALUE : ComparisonType.TEXT_VALUE;
        Comparison c = new Comparison(type, expected, null, expectedValue, null, actual, null, actualValue, null);
        return evaluator.evaluate(c, ComparisonResult.DIFFERENT) == ComparisonResult.EQUAL;
    }

    private static boolean within(Set<Node> elements, Node node) {
        Node n = node instanceof Attr a ? a.getOwnerElement() : node;
        for (; n != null; n = n.getParentNode()) {
            if (elements.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The expected reply as a document of the caller's own (the comparison changes it): copied
     * from one parsed once for all comparators, which is cheaper than parsing it again. The
     * parsed one is only read, under its lock: a DOM builds its nodes as they are first read.
     */
    private Document expectedCopy(String expectedXml) {
        Document parsed = EXPECTED.get(expectedXml, this::parse, 16L * expectedXml.length());
        synchronized (parsed) {
            return (Document) parsed.cloneNode(true);
        }
    }

    private Document parse(String xml) {
        Document plain = PlainXml.parse(xml, parser); // the translator's XML, without the parser's set-up
        if (plain != null) {
            return plain;
        }
        try {
            return parser.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            // Both sides were checked for well-formedness when they were loaded or received.
            throw new IllegalStateException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Difference describe(Comparison c) {
        Comparison.Detail control = c.getControlDetails();
        Comparison.Detail test = c.getTestDetails();
        Node where = test.getTarget() != null ? test.getTarget() : control.getTarget();
        return switch (c.getType()) {
            case ATTR_VALUE, TEXT_VALUE -> valueDifference(ReadableXPath.of(test.getTarget()),
                    text(control.getValue()), text(test.getValue()));
            case ELEMENT_TAG_NAME -> new Difference(ReadableXPath.of(test.getTarget()),
                    "<" + control.getValue() + ">", "<" + test.getValue() + ">");
            case CHILD_LOOKUP -> new Difference(ReadableXPath.of(where),
                    control.getTarget() == null ? "nothing" : describeNode(control.getTarget()),
                    test.getTarget() == null ? "nothing" : describeNode(test.getTarget()));
            case ATTR_NAME_LOOKUP -> attributeLookup(c);
            default -> new Difference(ReadableXPath.of(where), c.getType().getDescription() + " "
                    + text(control.getValue()), text(test.getValue()));
        };
    }

    /** A clock check shows the placeholder as written and the date-time the meter sent, decoded. */
    private static Difference valueDifference(String xpath, String expected, String actual) {
        Matcher stamped = STAMP.matcher(expected);
        if (!stamped.find()) {
            return new Difference(xpath, expected, actual);
        }
        String decoded = DlmsClockReading.parse(actual).map(t -> actual + " (" + t + ")").orElse(actual);
        return new Difference(xpath, stamped.replaceFirst(")}"), decoded);
    }

    private static Difference attributeLookup(Comparison c) {
        // One side's element has an attribute the other lacks; the value names it.
        Comparison.Detail control = c.getControlDetails();
        Comparison.Detail test = c.getTestDetails();
        boolean missingInReply = control.getValue() != null;
        Element owner = (Element) (test.getTarget() != null ? test.getTarget() : control.getTarget());
        String name = String.valueOf(missingInReply ? control.getValue() : test.getValue());
        String xpath = ReadableXPath.of(owner) + "/@" + name;
        if (missingInReply) {
            return new Difference(xpath, ((Element) control.getTarget()).getAttribute(name), "nothing");
        }
        return new Difference(xpath, "nothing", ((Element) test.getTarget()).getAttribute(name));
    }

    private static String describeNode(Node node) {
        return node instanceof Attr a ? a.getName() : node instanceof Element e ? "<" + e.getTagName() + ">"
                : text(node.getNodeValue());
    }

    private static String text(Object value) {
        return value == null ? "nothing" : value.toString();
    }
}
