package dlms.xmlclient.script;

import java.util.ArrayList;
import java.util.List;

/** Lines of a text as the XML parser counts them (LF, CR LF or CR ends one), to and from offsets. */
final class TextLines {

    private final List<Integer> starts = new ArrayList<>();
    private final int length;

    TextLines(String text) {
        length = text.length();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\r' || c == '\n') {
                starts.add(i + 1);
            }
        }
    }

    /** The offset of a 1-based line and column, kept inside the text. */
    int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > starts.size()) {
            return length;
        }
        return Math.max(0, Math.min(length, starts.get(line - 1) + column - 1));
    }

    /** The 1-based line an offset is on. */
    int lineOf(int offset) {
        int low = 0;
        int high = starts.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts.get(mid) <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low + 1;
    }
}
