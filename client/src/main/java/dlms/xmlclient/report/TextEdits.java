package dlms.xmlclient.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of character ranges in a text, applied all at once, each optionally with a note
 * that is told with the line its new text starts on in the result.
 */
final class TextEdits {

    /** [start, end) of the old text becomes {@code replacement}; {@code note} may be null. */
    static final class Edit {
        final int start;
        final int end;
        final String replacement;
        final int order;
        String note;

        Edit(int start, int end, String replacement, int order) {
            this.start = start;
            this.end = end;
            this.replacement = replacement;
            this.order = order;
        }
    }

    /** A note on the result: the line (from 1) the edited text starts on, white space aside, and what was done. */
    record Noted(int line, String note) {
    }

    /** The new text and its notes, in the order of the text. */
    record Result(String text, List<Noted> notes) {
    }

    private final List<Edit> edits = new ArrayList<>();

    Edit replace(int start, int end, String replacement) {
        Edit edit = new Edit(start, end, replacement, edits.size());
        edits.add(edit);
        return edit;
    }

    Edit insert(int at, String text) {
        return replace(at, at, text);
    }

    Edit delete(int start, int end) {
        return replace(start, end, "");
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    /**
     * Applies the edits: by position, insertions at a position before a replacement starting
     * there, and in the order they were made when both are insertions.
     */
    Result applyTo(String text) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.<Edit>comparingInt(e -> e.start).thenComparingInt(e -> e.end > e.start ? 1 : 0)
                .thenComparingInt(e -> e.order));
        StringBuilder out = new StringBuilder(text.length() + 256);
        List<Noted> notes = new ArrayList<>();
        int line = 1;
        int copied = 0;
        for (Edit e : sorted) {
            if (e.start < copied) {
                throw new IllegalStateException("overlapping edits at character " + e.start);
            }
            line += newlines(text, copied, e.start);
            out.append(text, copied, e.start);
            if (e.note != null) {
                // The line of the new text itself, past the line break that leads into it.
                String lead = e.replacement.substring(0, e.replacement.length() - e.replacement.stripLeading().length());
                notes.add(new Noted(line + newlines(lead, 0, lead.length()), e.note));
            }
            out.append(e.replacement);
            line += newlines(e.replacement, 0, e.replacement.length());
            copied = e.end;
        }
        out.append(text, copied, text.length());
        return new Result(out.toString(), notes);
    }

    private static int newlines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
