package dlms.xmlclient.cli;

import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.script.LineNumberedXml;
import dlms.xmlclient.script.LinkLayerSteps;
import gurux.dlms.enums.InterfaceType;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

/**
 * A folder run over WRAPPER leaves its link-layer scripts out, saying so in one line: they send
 * HDLC frames, which WRAPPER does not carry, so they are not failures of the meter nor mistakes
 * of the folder. A run of link-layer scripts only keeps them, and each is refused with its reason
 * (exit code 2): a run that tests nothing should not pass.
 */
final class WrapperSkips {

    private WrapperSkips() {
    }

    static List<ScriptSource> leaveOut(List<ScriptSource> scripts, PrintStream out) {
        List<ScriptSource> hdlcOnly = scripts.stream()
                .filter(s -> s.connection().interfaceType() == InterfaceType.WRAPPER && isLinkLayer(s)).toList();
        if (hdlcOnly.isEmpty() || hdlcOnly.size() == scripts.size()) {
            return scripts;
        }
        out.println(hdlcOnly.size() + (hdlcOnly.size() == 1 ? " link-layer script" : " link-layer scripts")
                + " left out: they send HDLC frames and this run is WRAPPER (-w): "
                + String.join(", ", hdlcOnly.stream().map(ScriptSource::displayPath).toList()));
        return scripts.stream().filter(s -> !hdlcOnly.contains(s)).toList();
    }

    /** True when the file's steps are HDLC frames; a file that does not parse is left to the loader. */
    private static boolean isLinkLayer(ScriptSource source) {
        try (InputStream in = Files.newInputStream(source.file())) {
            Element root = LineNumberedXml.parse(in).getDocumentElement();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && LinkLayerSteps.isRaw(e)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | org.xml.sax.SAXException e) {
            return false;
        }
    }
}
