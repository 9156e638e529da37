package dlms.xmlclient.decode;

import org.w3c.dom.Element;
import org.xml.sax.XMLFilter;

import javax.xml.transform.ErrorListener;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Result;
import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.URIResolver;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TemplatesHandler;
import javax.xml.transform.sax.TransformerHandler;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The JAXP transformer factory of our command ({@link #install}): gurux.dlms writes every request
 * element back to text before it encodes it, through a transformer factory and a transformer made
 * for that one element, and the JDK's transformer sets itself up at each (its first use in a JVM
 * also reads a table of every charset the JDK has: some 10 ms of a one-script run). An identity
 * transformer asked for exactly that, an element to a writer without the XML declaration, writes
 * it with {@link ElementXml}, the same text (ElementTransformerFactoryTest); anything else, a
 * stylesheet, another output property, another source or result, goes to the JDK's own.
 */
public final class ElementTransformerFactory extends SAXTransformerFactory {

    static final String PROPERTY = "javax.xml.transform.TransformerFactory";

    private SAXTransformerFactory jdk;

    /**
     * Made this process's factory, unless a system property names one already (a user's -D wins;
     * a jaxp.properties file or a provider on the class path does not).
     */
    public static void install() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ElementTransformerFactory.class.getName());
        }
    }

    /** The JDK's factory (a SAX one, as it says), with the features and attributes set on this one. */
    private SAXTransformerFactory jdk() {
        if (jdk == null) {
            jdk = (SAXTransformerFactory) TransformerFactory.newDefaultInstance();
        }
        return jdk;
    }

    @Override
    public TransformerHandler newTransformerHandler(Source source) throws TransformerConfigurationException {
        return jdk().newTransformerHandler(source);
    }

    @Override
    public TransformerHandler newTransformerHandler(Templates templates) throws TransformerConfigurationException {
        return jdk().newTransformerHandler(templates);
    }

    @Override
    public TransformerHandler newTransformerHandler() throws TransformerConfigurationException {
        return jdk().newTransformerHandler();
    }

    @Override
    public TemplatesHandler newTemplatesHandler() throws TransformerConfigurationException {
        return jdk().newTemplatesHandler();
    }

    @Override
    public XMLFilter newXMLFilter(Source source) throws TransformerConfigurationException {
        return jdk().newXMLFilter(source);
    }

    @Override
    public XMLFilter newXMLFilter(Templates templates) throws TransformerConfigurationException {
        return jdk().newXMLFilter(templates);
    }

    @Override
    public Transformer newTransformer() {
        return new ElementTransformer(this);
    }

    @Override
    public Transformer newTransformer(Source source) throws TransformerConfigurationException {
        return jdk().newTransformer(source);
    }

    @Override
    public Templates newTemplates(Source source) throws TransformerConfigurationException {
        return jdk().newTemplates(source);
    }

    @Override
    public Source getAssociatedStylesheet(Source source, String media, String title, String charset)
            throws TransformerConfigurationException {
        return jdk().getAssociatedStylesheet(source, media, title, charset);
    }

    @Override
    public void setURIResolver(URIResolver resolver) {
        jdk().setURIResolver(resolver);
    }

    @Override
    public URIResolver getURIResolver() {
        return jdk().getURIResolver();
    }

    @Override
    public void setFeature(String name, boolean value) throws TransformerConfigurationException {
        jdk().setFeature(name, value);
    }

    @Override
    public boolean getFeature(String name) {
        return jdk().getFeature(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        jdk().setAttribute(name, value);
    }

    @Override
    public Object getAttribute(String name) {
        return jdk().getAttribute(name);
    }

    @Override
    public void setErrorListener(ErrorListener listener) {
        jdk().setErrorListener(listener);
    }

    @Override
    public ErrorListener getErrorListener() {
        return jdk().getErrorListener();
    }

    /**
     * The identity transformer: its settings kept, and handed to the JDK's transformer (made the
     * first time one is needed) whenever it is not the element-to-writer case.
     */
    private static final class ElementTransformer extends Transformer {

        private final ElementTransformerFactory factory;
        private final Properties output = new Properties();
        private final Map<String, Object> parameters = new HashMap<>();
        private URIResolver resolver;
        private ErrorListener listener;
        private Transformer jdk;
        private ElementXml writer;

        ElementTransformer(ElementTransformerFactory factory) {
            this.factory = factory;
        }

        @Override
        public void transform(Source source, Result result) throws TransformerException {
            if (source instanceof DOMSource dom && dom.getNode() instanceof Element element
                    && result instanceof StreamResult stream && stream.getWriter() != null && onlyOmitsDeclaration()) {
                if (writer == null) {
                    writer = new ElementXml();
                }
                try {
                    stream.getWriter().write(writer.toXml(element));
                    stream.getWriter().flush(); // as the JDK's does
                } catch (IOException e) {
                    throw new TransformerException(e);
                }
                return;
            }
            jdk().transform(source, result);
        }

        private boolean onlyOmitsDeclaration() {
            return output.size() == 1 && "yes".equals(output.getProperty(OutputKeys.OMIT_XML_DECLARATION));
        }

        private Transformer jdk() throws TransformerConfigurationException {
            if (jdk == null) {
                jdk = factory.jdk().newTransformer();
                jdk.setOutputProperties(output);
                parameters.forEach(jdk::setParameter);
                if (resolver != null) {
                    jdk.setURIResolver(resolver);
                }
                if (listener != null) {
                    jdk.setErrorListener(listener);
                }
            }
            return jdk;
        }

        /** The JDK's transformer for a getter, which answers with its defaults too. */
        private Transformer jdkForReading() {
            try {
                return jdk();
            } catch (TransformerConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void setParameter(String name, Object value) {
            parameters.put(name, value);
            if (jdk != null) {
                jdk.setParameter(name, value);
            }
        }

        @Override
        public Object getParameter(String name) {
            return parameters.get(name);
        }

        @Override
        public void clearParameters() {
            parameters.clear();
            if (jdk != null) {
                jdk.clearParameters();
            }
        }

        @Override
        public void setURIResolver(URIResolver resolver) {
            this.resolver = resolver;
            if (jdk != null) {
                jdk.setURIResolver(resolver);
            }
        }

        @Override
        public URIResolver getURIResolver() {
            return resolver != null ? resolver : jdkForReading().getURIResolver(); // the factory's, else
        }

        @Override
        public void setOutputProperties(Properties properties) {
            boolean onlyOurs = properties == null || properties.stringPropertyNames().stream()
                    .allMatch(OutputKeys.OMIT_XML_DECLARATION::equals);
            if (jdk != null || !onlyOurs) {
                jdkForReading().setOutputProperties(properties); // refuses an unknown property, as ever
            }
            output.clear();
            if (properties != null) {
                properties.stringPropertyNames().forEach(k -> output.setProperty(k, properties.getProperty(k)));
            }
        }

        @Override
        public Properties getOutputProperties() {
            return jdkForReading().getOutputProperties();
        }

        @Override
        public void setOutputProperty(String name, String value) {
            if (jdk != null || !OutputKeys.OMIT_XML_DECLARATION.equals(name)) {
                jdkForReading().setOutputProperty(name, value); // refuses an unknown property, as ever
            }
            output.setProperty(name, value);
        }

        @Override
        public String getOutputProperty(String name) {
            return jdkForReading().getOutputProperty(name);
        }

        @Override
        public void setErrorListener(ErrorListener listener) {
            this.listener = listener;
            if (jdk != null) {
                jdk.setErrorListener(listener);
            }
        }

        @Override
        public ErrorListener getErrorListener() {
            return listener != null ? listener : jdkForReading().getErrorListener();
        }

        @Override
        public void reset() {
            output.clear();
            parameters.clear();
            resolver = null;
            listener = null;
            if (jdk != null) {
                jdk.reset();
            }
        }
    }
}
