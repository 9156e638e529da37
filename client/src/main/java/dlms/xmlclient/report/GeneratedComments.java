package dlms.xmlclient.report;

import dlms.xmlclient.report.XmlSpans.Kind;
import dlms.xmlclient.report.XmlSpans.Span;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The comments the tool writes into reply and expected files: a header before each reply
 * ({@code <!-- #2 line 17 -->}), a decoded value after a value ({@code <!-- = 1094.547 kWh -->})
 * and the note on a request that has no reply on the interface. An update takes them from the
 * new recording, element by element; every other comment is a person's and stays where it is.
 */
final class GeneratedComments {

    private static final Pattern HEADER = Pattern.compile("#\\d.*", Pattern.DOTALL);
    private static final String NO_REPLY = "none on this interface";

    /** A generated comment's place: before the element it heads, or after the one it decodes. */
    private record Anchor(boolean header, int element) {
    }

    private final String oldText;
    private final String freshText;
    private final TextEdits edits;
    private final Set<Span> replaced;
    private int count;
    private TextEdits.Edit first;

    /** @param replaced old elements replaced wholly: their comments came with the new element */
    GeneratedComments(String oldText, String freshText, TextEdits edits, Set<Span> replaced) {
        this.oldText = oldText;
        this.freshText = freshText;
        this.edits = edits;
        this.replaced = replaced;
    }

    static boolean isGenerated(Span comment) {
        String text = comment.content.strip();
        return HEADER.matcher(text).matches() || text.startsWith("= ") || text.equals(NO_REPLY);
    }

    private static boolean isHeader(Span comment) {
        return HEADER.matcher(comment.content.strip()).matches();
    }

    /**
     * Brings the generated comments of the old file in line with the fresh one, below two roots
     * whose first {@code aligned} elements are paired; tells the number in one note.
     */
    void regenerate(Span oldRoot, Span freshRoot, int aligned) {
        walk(oldRoot, freshRoot, aligned);
        if (first != null) {
            first.note = count + " generated " + (count == 1 ? "comment" : "comments")
                    + " (#N line L headers, = decoded values) regenerated";
        }
    }

    private void walk(Span oldParent, Span freshParent, int aligned) {
        Map<Anchor, List<Span>> olds = anchored(oldParent);
        Map<Anchor, List<Span>> freshes = anchored(freshParent);
        List<Span> oldElements = oldParent.elements();
        List<Span> freshElements = freshParent.elements();
        for (Map.Entry<Anchor, List<Span>> e : olds.entrySet()) {
            Span fresh = e.getKey().element() < aligned && freshes.containsKey(e.getKey())
                    ? freshes.get(e.getKey()).get(0) : null;
            List<Span> comments = e.getValue();
            if (e.getKey().element() >= aligned) {
                // The header of a reply that goes: its removal is told with the reply's.
                comments.forEach(c -> edits.delete(ExpectedUpdate.leadingSpaceStart(oldText, c), c.end));
                continue;
            }
            for (int i = 0; i < comments.size(); i++) {
                Span old = comments.get(i);
                if (i == 0 && fresh != null) {
                    if (!old.content.equals(fresh.content)) {
                        counted(edits.replace(old.start, old.end, ExpectedUpdate.slice(freshText, fresh)));
                    }
                } else {
                    counted(edits.delete(ExpectedUpdate.leadingSpaceStart(oldText, old), old.end));
                }
            }
        }
        for (Map.Entry<Anchor, List<Span>> e : freshes.entrySet()) {
            if (e.getKey().element() < aligned && !olds.containsKey(e.getKey())) {
                insert(e.getKey(), e.getValue().get(0), oldElements.get(e.getKey().element()),
                        freshElements.get(e.getKey().element()));
            }
        }
        for (int i = 0; i < aligned; i++) {
            Span old = oldElements.get(i);
            Span fresh = freshElements.get(i);
            int children = old.elements().size();
            if (!replaced.contains(old) && !ExpectedUpdate.isAnyData(old) && old.name.equals(fresh.name)
                    && children == fresh.elements().size()) {
                walk(old, fresh, children);
            }
        }
    }

    private void insert(Anchor anchor, Span comment, Span oldElement, Span freshElement) {
        String text = ExpectedUpdate.slice(freshText, comment);
        String indent = ExpectedUpdate.indentBefore(oldText, oldElement.start);
        if (anchor.header()) {
            counted(edits.insert(oldElement.start, text + (indent.isEmpty() ? " " : "\n" + indent)));
            return;
        }
        String space = freshText.substring(freshElement.end, comment.start);
        if (!space.isBlank()) {
            space = " ";
        } else if (space.contains("\n")) {
            space = indent.isEmpty() ? " " : "\n" + indent;
        }
        counted(edits.insert(oldElement.end, space + text));
    }

    private void counted(TextEdits.Edit edit) {
        count++;
        if (first == null) {
            first = edit;
        }
    }

    /** The generated comments among a parent's children, by the element each belongs to. */
    private static Map<Anchor, List<Span>> anchored(Span parent) {
        Map<Anchor, List<Span>> found = new LinkedHashMap<>();
        int elements = parent.elements().size();
        int passed = 0;
        for (Span child : parent.children) {
            if (child.kind == Kind.ELEMENT) {
                passed++;
            } else if (child.kind == Kind.COMMENT && isGenerated(child)) {
                Anchor anchor = isHeader(child) ? new Anchor(true, passed) : new Anchor(false, passed - 1);
                if (anchor.element() >= 0 && anchor.element() < elements) {
                    found.computeIfAbsent(anchor, a -> new ArrayList<>()).add(child);
                }
            }
        }
        return found;
    }
}
