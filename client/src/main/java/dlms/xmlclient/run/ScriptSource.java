package dlms.xmlclient.run;

import dlms.xmlclient.session.ConnectionSettings;

import java.nio.file.Path;

/**
 * A message file to run, and the association to run it over.
 *
 * @param file         the file
 * @param relativePath its path below the -x folder, '/'-separated; the key of every output
 * @param connection   the meter and association for this file (command line over folder options
 *                     files), or null until decided
 */
public record ScriptSource(Path file, String relativePath, ConnectionSettings connection) {

    public ScriptSource(Path file, String relativePath) {
        this(file, relativePath, null);
    }

    public ScriptSource withConnection(ConnectionSettings settings) {
        return new ScriptSource(file, relativePath, settings);
    }

    /** The file as the user named it, '/'-separated: what reports show. */
    public String displayPath() {
        return file.toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
