package dlms.xmlclient.report;

import dlms.xmlclient.report.XmlSpans.Attribute;
import dlms.xmlclient.report.XmlSpans.Kind;
import dlms.xmlclient.report.XmlSpans.Span;
import dlms.xmlclient.verdict.ReplyComparator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code --record=update} of one expected file: each reply is paired by position with the new
 * one. A reply that still matches (placeholders, {@code *} and templates included) stays as it
 * is; a reply of the same structure keeps every value that still matches and gets the new
 * value where one does not; a reply whose structure changed is replaced wholly, the comments a
 * person wrote inside it kept above it. Comments the tool generates are taken from the new
 * recording ({@link GeneratedComments}); all other text stays as written.
 */
final class ExpectedUpdate {

    /** An expected file that cannot be updated; the message names the line. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(int line, String message) {
            super(line + ": " + message);
        }
    }

    private static final Set<String> DATA_CONTAINERS = Set.of("Data", "Array", "Structure", "CompactArray");
    private static final String PLACEHOLDER = "${xmlunit.";

    private final ReplyComparator comparator;
    private final String oldText;
    private final String freshText;
    private final String actualText;
    private final List<Instant> sentAt;
    private final TextEdits edits = new TextEdits();
    private final Set<Span> replaced = new HashSet<>();

    /**
     * @param oldText    the expected file as it is
     * @param freshText  the file recording writes now: clock placeholders in, generated comments
     * @param actualText the same replies as the meter sent them, in the same layout
     * @param sentAt     when each request was sent: the reference of clock placeholders
     */
    ExpectedUpdate(ReplyComparator comparator, String oldText, String freshText, String actualText,
            List<Instant> sentAt) {
        this.comparator = comparator;
        this.oldText = oldText;
        this.freshText = freshText;
        this.actualText = actualText;
        this.sentAt = sentAt;
    }

    /** The updated text (the old text itself when nothing changed) and a note per change. */
    TextEdits.Result result() throws Refused {
        Span oldRoot = XmlSpans.parse(oldText).root();
        Span freshRoot = XmlSpans.parse(freshText).root();
        List<Span> olds = oldRoot.elements();
        List<Span> freshes = freshRoot.elements();
        List<Span> actuals = XmlSpans.parse(actualText).root().elements();
        if (oldRoot.end == oldRoot.tagEnd) {
            edits.replace(0, oldText.length(), freshText).note = "written anew: it held no replies";
            return edits.applyTo(oldText);
        }
        int common = Math.min(olds.size(), freshes.size());
        for (int i = 0; i < common; i++) {
            reply(i, olds.get(i), freshes.get(i), actuals.get(i));
        }
        new GeneratedComments(oldText, freshText, edits, replaced).regenerate(oldRoot, freshRoot, common);
        for (int i = common; i < olds.size(); i++) {
            Span o = olds.get(i);
            edits.delete(leadingSpaceStart(oldText, o), o.end).note = "#" + (i + 1) + " <" + o.name
                    + "> removed (it was at line " + line(oldText, o.start) + "): the script has "
                    + requests(freshes.size()) + " now";
        }
        if (freshes.size() > common) {
            addReplies(oldRoot, olds, freshRoot, freshes, common);
        }
        return edits.isEmpty() ? new TextEdits.Result(oldText, List.of()) : edits.applyTo(oldText);
    }

    private void reply(int index, Span old, Span fresh, Span actual) throws Refused {
        Instant sent = sentAt.get(index);
        try {
            if (comparator.compare(slice(oldText, old), slice(actualText, actual), sent).isEmpty()) {
                return;
            }
        } catch (RuntimeException e) {
            throw new Refused(line(oldText, old.start), "#" + (index + 1) + ": " + e.getMessage());
        }
        String why = structureDifference(old, fresh, "/" + old.name);
        if (why == null) {
            values(old, fresh, actual, sent);
        } else {
            replaceWhole(index, old, fresh, why);
        }
    }

    /** Null when both have the same elements, attributes and text nodes; else where and how they differ. */
    private String structureDifference(Span old, Span fresh, String path) {
        if (isAnyData(old)) {
            return null;
        }
        if (!old.name.equals(fresh.name)) {
            return path + " is <" + fresh.name + "> now";
        }
        Set<String> oldNames = names(old);
        Set<String> freshNames = names(fresh);
        if (!oldNames.equals(freshNames)) {
            return path + " has attributes " + freshNames + " now, not " + oldNames;
        }
        List<Span> oldElements = old.elements();
        List<Span> freshElements = fresh.elements();
        if (oldElements.size() != freshElements.size()) {
            return path + " has " + freshElements.size() + " elements now, not " + oldElements.size();
        }
        if (texts(oldText, old).size() != texts(freshText, fresh).size()) {
            return path + " has text now where it had none, or none where it had text";
        }
        for (int i = 0; i < oldElements.size(); i++) {
            String why = structureDifference(oldElements.get(i), freshElements.get(i),
                    path + "/" + freshElements.get(i).name);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** Same structure: each value that no longer matches gets the new value, and is told. */
    private void values(Span old, Span fresh, Span actual, Instant sent) throws Refused {
        if (isAnyData(old)) {
            return;
        }
        for (Attribute o : old.attributes) {
            Attribute f = fresh.attribute(o.name());
            Attribute a = actual.attribute(o.name());
            if (o.value().equals(f.value()) || a != null && matches(o.value(), o.quote(), a.value(), a.quote(), sent,
                    o.valueStart())) {
                continue;
            }
            edits.replace(o.valueStart(), o.valueEnd(), requote(f.value(), o.quote())).note =
                    change(old.name + " " + o.name(), o.value(), f.value());
        }
        List<Span> oldTexts = texts(oldText, old);
        List<Span> freshTexts = texts(freshText, fresh);
        List<Span> actualTexts = texts(actualText, actual);
        for (int i = 0; i < oldTexts.size(); i++) {
            String o = oldText.substring(oldTexts.get(i).start, oldTexts.get(i).end).strip();
            String f = freshText.substring(freshTexts.get(i).start, freshTexts.get(i).end).strip();
            String a = i < actualTexts.size()
                    ? actualText.substring(actualTexts.get(i).start, actualTexts.get(i).end).strip() : null;
            if (o.equals(f) || a != null && matchesText(o, a, sent, oldTexts.get(i).start)) {
                continue;
            }
            int start = oldText.indexOf(o, oldTexts.get(i).start);
            edits.replace(start, start + o.length(), f).note = change(old.name + " text", o, f);
        }
        List<Span> oldElements = old.elements();
        List<Span> freshElements = fresh.elements();
        List<Span> actualElements = actual.elements();
        for (int i = 0; i < oldElements.size(); i++) {
            values(oldElements.get(i), freshElements.get(i), actualElements.get(i), sent);
        }
    }

    private static String change(String what, String from, String to) {
        return what + " " + from + " -> " + to
                + (from.contains(PLACEHOLDER) ? " (the placeholder no longer matches)" : "");
    }

    private boolean matches(String expected, char quote, String actual, char actualQuote, Instant sent, int at)
            throws Refused {
        return compare("<v a=" + quote + expected + quote + "/>", "<v a=" + actualQuote + actual + actualQuote + "/>",
                sent, at);
    }

    private boolean matchesText(String expected, String actual, Instant sent, int at) throws Refused {
        return compare("<v>" + expected + "</v>", "<v>" + actual + "</v>", sent, at);
    }

    private boolean compare(String expected, String actual, Instant sent, int at) throws Refused {
        try {
            return comparator.compare(expected, actual, sent).isEmpty();
        } catch (RuntimeException e) {
            throw new Refused(line(oldText, at), e.getMessage());
        }
    }

    /** The new reply in place of the old, indented as the old; comments a person wrote inside go above it. */
    private void replaceWhole(int index, Span old, Span fresh, String why) {
        String indent = indentBefore(oldText, old.start);
        List<Span> kept = userComments(old);
        for (Span comment : kept) {
            edits.insert(old.start, slice(oldText, comment) + (indent.isEmpty() ? " " : "\n" + indent));
        }
        String replacement = reindent(slice(freshText, fresh), indentBefore(freshText, fresh.start), indent);
        edits.replace(old.start, old.end, replacement).note = "#" + (index + 1) + " <" + old.name
                + "> replaced wholly: " + why + (kept.isEmpty() ? ""
                : " (" + kept.size() + (kept.size() == 1 ? " comment" : " comments") + " from inside kept above it)");
        replaced.add(old);
    }

    /** The script has more requests now: their replies (with their headers) go after the last old one. */
    private void addReplies(Span oldRoot, List<Span> olds, Span freshRoot, List<Span> freshes, int common) {
        int from = common == 0 ? freshRoot.tagEnd : freshes.get(common - 1).end;
        int to = freshes.get(freshes.size() - 1).end;
        int at = common == 0 ? oldRoot.tagEnd : olds.get(common - 1).end;
        String indent = olds.isEmpty() ? "  " : indentBefore(oldText, olds.get(0).start);
        String added = reindent(freshText.substring(from, to), indentBefore(freshText, freshes.get(0).start), indent);
        edits.insert(at, added).note = (freshes.size() - common == 1 ? "#" + freshes.size() + " added"
                : "#" + (common + 1) + " to #" + freshes.size() + " added") + ": the script has "
                + requests(freshes.size()) + " now";
    }

    private List<Span> userComments(Span element) {
        List<Span> found = new ArrayList<>();
        for (Span child : element.children) {
            if (child.kind == Kind.COMMENT && !GeneratedComments.isGenerated(child)) {
                found.add(child);
            } else if (child.kind == Kind.ELEMENT) {
                found.addAll(userComments(child));
            }
        }
        return found;
    }

    /** {@code <None Value="*"/>} where data goes: it matches any data, so it is never changed. */
    static boolean isAnyData(Span element) {
        Attribute value = element.attribute("Value");
        return element.name.equals("None") && value != null && value.value().equals("*")
                && element.parent != null && DATA_CONTAINERS.contains(element.parent.name);
    }

    private static Set<String> names(Span element) {
        return element.attributes.stream().map(Attribute::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The text nodes that are not only white space. */
    private static List<Span> texts(String text, Span element) {
        return element.children.stream().filter(c -> c.kind == Kind.TEXT && !slice(text, c).isBlank()).toList();
    }

    /** The white space right before a node, where its deletion starts (so that no empty line is left). */
    static int leadingSpaceStart(String text, Span node) {
        int i = node.start;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    static String slice(String text, Span span) {
        return text.substring(span.start, span.end);
    }

    /** The spaces and tabs from the start of the line to {@code at}; empty when other text precedes it. */
    static String indentBefore(String text, int at) {
        int i = at;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i == 0 || text.charAt(i - 1) == '\n' ? text.substring(i, at) : "";
    }

    private static String reindent(String text, String from, String to) {
        return from.equals(to) ? text : text.replace("\n" + from, "\n" + to);
    }

    /** An attribute value for the quotes the old file used around it. */
    private static String requote(String value, char quote) {
        return quote == '\'' ? value.replace("'", "&apos;") : value.replace("\"", "&quot;");
    }

    private static String requests(int n) {
        return n + (n == 1 ? " request" : " requests");
    }

    static int line(String text, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
