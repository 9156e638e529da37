package dlms.xmlclient.simulator.device;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

import gurux.dlms.enums.ObjectType;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSProfileGeneric;
import gurux.dlms.objects.GXXmlWriterSettings;

/**
 * Device files: the XML format of GXDLMSObjectCollection.save/load. Loading adds the default
 * associations for client SAPs the file has none for (see {@link Associations}).
 */
public final class DeviceFile {

    private DeviceFile() {
    }

    /**
     * @param file device file to read
     * @return the device it describes
     * @throws DeviceFileException when the file cannot be read or is not a device file
     */
    public static GXDLMSObjectCollection load(Path file) throws DeviceFileException {
        byte[] xml = read(file);
        return parse(xml, capturePeriods(xml, file), file);
    }

    /**
     * @param file device file to read
     * @return its bytes, to {@link #parse} once or many times
     * @throws DeviceFileException when the file cannot be read
     */
    static byte[] read(Path file) throws DeviceFileException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new DeviceFileException("cannot read device file " + file, null);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DeviceFileException("cannot read device file " + file + ": " + e, e);
        }
    }

    /**
     * @param xml the bytes of a device file
     * @param periods capture periods by profile logical name (see {@link #capturePeriods})
     * @param file where the bytes come from, for the messages
     * @return a new device made from them
     * @throws DeviceFileException when it is not a device file
     */
    static GXDLMSObjectCollection parse(byte[] xml, Map<String, Integer> periods,
            Path file) throws DeviceFileException {
        GXDLMSObjectCollection objects;
        try (InputStream in = new ByteArrayInputStream(xml)) {
            objects = GXDLMSObjectCollection.load(in);
        } catch (Exception e) {
            throw new DeviceFileException("not a device file: " + file + ": " + e.getMessage(), e);
        }
        periods.forEach((ln, period) -> {
            GXDLMSObject pg = objects.findByLN(ObjectType.PROFILE_GENERIC, ln);
            if (pg != null) {
                ((GXDLMSProfileGeneric) pg).setCapturePeriod(period);
            }
        });
        Associations.addDefaults(objects);
        return objects;
    }

    /**
     * @param objects device to write
     * @param file file to (over)write
     * @throws DeviceFileException when the file cannot be written
     */
    public static void save(GXDLMSObjectCollection objects, Path file)
            throws DeviceFileException {
        try {
            // The settings must not be null: without them the profile buffer is not written.
            objects.save(file.toString(), new GXXmlWriterSettings());
        } catch (Exception e) {
            throw new DeviceFileException("cannot write device file " + file + ": " + e, e);
        }
    }

    /**
     * gurux.dlms 4.0.47 GXDLMSProfileGeneric.load reads a CapturePeriod element inside
     * SortObject, which save never writes, so a profile with a sort object comes back with
     * capture_period 0. The values are read here from the file, to be set again.
     *
     * @return capture periods by profile logical name
     */
    static Map<String, Integer> capturePeriods(byte[] xml, Path file)
            throws DeviceFileException {
        Document doc;
        try (InputStream in = new ByteArrayInputStream(xml)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws; the default one printed [Fatal Error] to stderr
            doc = builder.parse(in);
        } catch (Exception e) {
            throw new DeviceFileException("not a device file: " + file + ": " + e.getMessage(), e);
        }
        Map<String, Integer> periods = new LinkedHashMap<>();
        NodeList profiles = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i != profiles.getLength(); ++i) {
            Node node = profiles.item(i);
            if (node instanceof Element && "GXDLMSProfileGeneric".equals(node.getNodeName())) {
                String ln = childText((Element) node, "LN");
                String period = childText((Element) node, "CapturePeriod");
                if (ln != null && period != null) {
                    try {
                        periods.put(ln, Integer.parseInt(period.trim()));
                    } catch (NumberFormatException e) {
                        throw new DeviceFileException("bad CapturePeriod of " + ln + " in " + file, e);
                    }
                }
            }
        }
        return periods;
    }

    private static String childText(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && name.equals(n.getNodeName())) {
                return n.getTextContent();
            }
        }
        return null;
    }
}
