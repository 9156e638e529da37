package dlms.xmlclient.cli;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process run of the xmlclient command, with its console output and output folder. */
final class CliRun {

    final int exitCode;
    final String out;
    final String err;
    final Path outDir;
    final long elapsedMillis;

    private CliRun(int exitCode, String out, String err, Path outDir, long elapsedMillis) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
        this.outDir = outDir;
        this.elapsedMillis = elapsedMillis;
    }

    /** Runs {@code xmlclient ARGS -o outDir}. */
    static CliRun run(Path outDir, String... args) {
        return run(outDir, Map.of(), args);
    }

    /** Runs {@code xmlclient ARGS -o outDir} with these environment variables (and no others). */
    static CliRun run(Path outDir, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-o");
        all.add(outDir.toString());
        long start = System.nanoTime();
        int code = new XmlClientCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(all.toArray(String[]::new));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), outDir,
                (System.nanoTime() - start) / 1_000_000);
    }

    Path replyFile(String relativePath) {
        return outDir.resolve("replies").resolve(relativePath);
    }

    /** The reply elements (children of Messages) of one script's reply file. */
    List<Element> replies(String relativePath) throws Exception {
        return topElements(replyFile(relativePath));
    }

    String trace() throws Exception {
        return Files.readString(outDir.resolve("trace.txt"));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }

    static List<Element> topElements(Path file) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        List<Element> elements = new ArrayList<>();
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    static String xpath(Node node, String expression) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(expression, node, XPathConstants.STRING);
    }

    static int count(Node node, String expression) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, node, XPathConstants.NODESET))
                .getLength();
    }
}
