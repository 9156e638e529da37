package dlms.xmlclient.report;

import dlms.xmlclient.session.RawReplyXml;
import dlms.xmlclient.wire.hdlc.HdlcDecoder;
import dlms.xmlclient.wire.hdlc.HdlcFrame;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A link-layer step in words, for test names and report rows: {@code Frame SNRM},
 * {@code Frame SNRM wrong FCS}, {@code Frame 0x33}, {@code Frame SNRM to server 5}; a raw frame
 * by what its bytes say.
 */
final class FrameTarget {

    private FrameTarget() {
    }

    static boolean isFrame(Element root) {
        return root.getTagName().equals("RawFrame") || root.getTagName().equals("HdlcFrame");
    }

    static String describe(Element root) {
        List<String> words = new ArrayList<>(List.of("Frame"));
        if (root.getTagName().equals("RawFrame")) {
            byte[] bytes = bytes(root.getAttribute("Value"));
            HdlcFrame frame = bytes == null ? null : HdlcDecoder.whole(bytes);
            if (frame == null) {
                words.add("of " + (bytes == null ? "?" : bytes.length) + " raw bytes");
            } else {
                words.add(RawReplyXml.kindName(frame.control()));
                // Without an information field the one check sequence is the FCS.
                if (frame.hasInformation() && !frame.hasRightHcs()) {
                    words.add("wrong HCS");
                } else if (!frame.hasRightFcs()) {
                    words.add("wrong FCS");
                }
            }
            return String.join(" ", words);
        }
        String control = root.getAttribute("Control").strip().toUpperCase(Locale.ROOT);
        words.add(control.matches("[0-9A-F]{2}") ? "0x" + control : control.replace("0X", "0x"));
        if (root.hasAttribute("Server")) {
            words.add("to server " + root.getAttribute("Server").strip());
        }
        if (root.hasAttribute("Client")) {
            words.add("from client " + root.getAttribute("Client").strip());
        }
        if (root.hasAttribute("Information")) {
            byte[] info = bytes(root.getAttribute("Information"));
            words.add("with " + (info == null ? "?" : info.length) + " bytes of information");
        }
        if (root.hasAttribute("Hcs")) {
            words.add("wrong HCS");
        }
        if (root.hasAttribute("Fcs")) {
            words.add("wrong FCS");
        }
        return String.join(" ", words);
    }

    private static byte[] bytes(String hex) {
        try {
            return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
