package dlms.xmlclient.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every XML file of the sample messages and their expected replies: what readers and writers are held to. */
public final class SampleXmlFiles {

    private SampleXmlFiles() {
    }

    /** messages/ then expected/, each sorted (the tests run from the checkout's root). */
    public static List<Path> all() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("messages", "expected")) {
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                files.addAll(walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList());
            }
        }
        return files;
    }
}
