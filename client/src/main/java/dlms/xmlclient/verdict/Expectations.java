package dlms.xmlclient.verdict;

import dlms.xmlclient.decode.ElementXml;
import dlms.xmlclient.script.LineNumberedXml;
import dlms.xmlclient.script.Script;
import dlms.xmlclient.script.ScriptException;
import dlms.xmlclient.script.Step;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what each request of a script is expected to get: a reply element in
 * {@code <expected dir>/<relative path>} (one per request, in order), or the reply elements the
 * message file itself puts after its requests. Both for one script is an input error.
 */
public final class Expectations {

    private final Path expectedDir;
    private final Placeholders placeholders = new Placeholders();
    private final ElementXml elementXml = new ElementXml();

    /** @param expectedDir the -e folder, or null when only inline expectations count */
    public Expectations(Path expectedDir) {
        this.expectedDir = expectedDir;
    }

    /** The expected file of a script, whether or not it exists; null without -e. */
    public Path fileFor(String relativePath) {
        return expectedDir == null ? null : expectedDir.resolve(relativePath);
    }

    /**
     * @return one entry per request, in order: the expected reply XML, or null where nothing is
     *         expected (no expected file and no inline reply)
     */
    public List<String> forScript(Script script) throws ScriptException {
        Path file = fileFor(script.relativePath());
        boolean inline = script.steps().stream().anyMatch(s -> s.inlineExpected() != null);
        if (file != null && Files.isRegularFile(file)) {
            if (inline) {
                throw new ScriptException(script.relativePath(), "has replies inline and an expected file "
                        + file + ": keep one of them", null);
            }
            return fromFile(file, script.steps().size());
        }
        List<String> expected = new ArrayList<>();
        for (Step step : script.steps()) {
            if (step.inlineExpected() != null) {
                check(step.inlineExpected(), script.relativePath() + ":" + step.inlineExpectedLine());
            }
            expected.add(step.inlineExpected());
        }
        return expected;
    }

    /**
     * Checks an expected file as a run loads it (well-formed, every placeholder valid), whatever
     * its number of replies: {@code --record=update} keeps its placeholders.
     */
    public void checkFile(Path file) throws ScriptException {
        replyElements(file);
    }

    private List<String> fromFile(Path file, int requests) throws ScriptException {
        List<Element> elements = replyElements(file);
        if (elements.size() != requests) {
            int firstExtraLine = elements.size() > requests ? LineNumberedXml.lineOf(elements.get(requests)) : 0;
            throw new ScriptException(file + (firstExtraLine > 0 ? ":" + firstExtraLine : ""), "holds "
                    + elements.size() + " expected " + (elements.size() == 1 ? "reply" : "replies") + " for " + requests + " "
                    + (requests == 1 ? "request" : "requests") + " (one reply element per request, in order)", null);
        }
        List<String> replies = new ArrayList<>();
        for (Element reply : elements) {
            replies.add(elementXml.toXml(reply));
        }
        return replies;
    }

    /** The reply elements of an expected file, their placeholders checked. */
    private List<Element> replyElements(Path file) throws ScriptException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = LineNumberedXml.parse(in);
        } catch (LineNumberedXml.TooDeep e) {
            throw new ScriptException(file + ":" + e.getLineNumber(), e.getMessage(), e);
        } catch (SAXParseException e) {
            throw new ScriptException(file + ":" + e.getLineNumber(), "not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new ScriptException(file.toString(), "not XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ScriptException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        List<Element> replies = new ArrayList<>();
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element reply) {
                try {
                    placeholders.validate(reply);
                } catch (RuntimeException e) {
                    throw new ScriptException(file + ":" + LineNumberedXml.lineOf(reply), e.getMessage(), e);
                }
                replies.add(reply);
            }
        }
        return replies;
    }

    private void check(String xml, String location) throws ScriptException {
        try (InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
            placeholders.validate(LineNumberedXml.parse(in).getDocumentElement());
        } catch (RuntimeException e) {
            throw new ScriptException(location, e.getMessage(), e);
        } catch (LineNumberedXml.TooDeep e) {
            throw new ScriptException(location, e.getMessage(), e);
        } catch (IOException | SAXException e) {
            throw new ScriptException(location, "not well-formed XML: " + e.getMessage(), e);
        }
    }

}
