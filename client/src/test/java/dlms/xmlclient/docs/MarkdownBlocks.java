package dlms.xmlclient.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The fenced code blocks of one markdown page, with where each sits, so that a test can check a
 * block against what it documents and, asked to, write the right text back in its place.
 */
final class MarkdownBlocks {

    /** Set to true to rewrite generated and quoted blocks instead of failing on them. */
    static final boolean UPDATE = Boolean.getBoolean("docs.update");
    /** What a reader (or a failing test) runs to regenerate every checked block. */
    static final String REGENERATE = "mvn -B -pl wire,simulator,client -Dtest='MessageExamplesTest,OptionsReferenceTest'"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true verify";

    /**
     * @param info       the fence's info string, e.g. {@code xml file=messages/a.xml}
     * @param firstLine  1-based line of the block's first content line
     * @param text       the content, each line ending in '\n'
     * @param precededBy the nearest non-blank line above the fence
     */
    record Block(String info, int firstLine, String text, String precededBy) {

        String language() {
            String trimmed = info.strip();
            int space = trimmed.indexOf(' ');
            return space < 0 ? trimmed : trimmed.substring(0, space);
        }

        /** The value of a {@code key=value} word in the info string, or null. */
        String attribute(String key) {
            for (String word : info.strip().split("\\s+")) {
                if (word.startsWith(key + "=")) {
                    return word.substring(key.length() + 1);
                }
            }
            return null;
        }
    }

    private final Path page;
    private final List<String> lines;
    private final List<Block> blocks = new ArrayList<>();
    private final TreeMap<Integer, String[]> pending = new TreeMap<>();

    MarkdownBlocks(Path page) throws IOException {
        this.page = page;
        this.lines = new ArrayList<>(List.of(Files.readString(page).replace("\r\n", "\n").split("\n", -1)));
        String above = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                if (!line.isBlank()) {
                    above = line;
                }
                continue;
            }
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).strip().equals("```")) {
                close++;
            }
            StringBuilder text = new StringBuilder();
            for (int j = i + 1; j < close; j++) {
                text.append(lines.get(j)).append('\n');
            }
            blocks.add(new Block(line.substring(3), i + 2, text.toString(), above));
            i = close;
        }
    }

    List<Block> blocks() {
        return blocks;
    }

    Path page() {
        return page;
    }

    /** Puts {@code text} in place of the block's content once {@link #save} writes the page. */
    void replace(Block block, String text) {
        pending.put(block.firstLine(), new String[] {block.text(), text});
    }

    /** Writes the replacements, the last block first, so that the earlier blocks' lines stay put. */
    void save() throws IOException {
        for (var entry : pending.descendingMap().entrySet()) {
            int start = entry.getKey() - 1;
            int count = entry.getValue()[0].split("\n", -1).length - 1;
            List<String> replacement = List.of(entry.getValue()[1].split("\n", -1));
            lines.subList(start, start + count).clear();
            // the text ends in '\n': its last split element is the empty rest, not a line
            lines.addAll(start, replacement.subList(0, replacement.size() - 1));
        }
        pending.clear();
        Files.writeString(page, String.join("\n", lines));
    }
}
