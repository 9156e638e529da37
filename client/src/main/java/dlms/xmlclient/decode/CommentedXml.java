package dlms.xmlclient.decode;

import java.util.Map;

/** Puts a decoding's words into XML text: comments after the lines they explain. */
public final class CommentedXml {

    private CommentedXml() {
    }

    /**
     * The text with {@code <!-- = meaning -->} after each line the decoding explains. A line the
     * text changed from the reply (a recorded placeholder in place of the value) gets no comment:
     * the meaning of a value that is no longer there would mislead.
     */
    public static String annotated(String text, String replyXml, Map<Integer, String> comments) {
        if (comments.isEmpty()) {
            return text;
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        String[] original = replyXml.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + comments.size() * 24);
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            String meaning = comments.get(i + 1);
            if (meaning != null && lines.length == original.length && lines[i].equals(original[i])) {
                out.append(" <!-- = ").append(comment(meaning)).append(" -->");
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Text that is safe inside an XML comment (no "--", no trailing "-"). */
    public static String comment(String text) {
        String safe = text.replace("--", "- -");
        return safe.endsWith("-") ? safe + " " : safe;
    }
}
