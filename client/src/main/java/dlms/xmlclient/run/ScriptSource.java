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
 * @param sources      where each setting of {@code connection} was set, for the hints of its failures
 */
public record ScriptSource(Path file, String relativePath, ConnectionSettings connection, SettingSources sources) {

    public ScriptSource(Path file, String relativePath) {
        this(file, relativePath, null);
    }

    public ScriptSource(Path file, String relativePath, ConnectionSettings connection) {
        this(file, relativePath, connection, SettingSources.UNKNOWN);
    }

    /** The same script over another connection, its settings set where they were. */
    public ScriptSource withConnection(ConnectionSettings settings) {
        return new ScriptSource(file, relativePath, settings, sources);
    }

    /** The script over this connection, whose settings were set {@code where} says. */
    public ScriptSource withConnection(ConnectionSettings settings, SettingSources where) {
        return new ScriptSource(file, relativePath, settings, where);
    }

    /** The file as the user named it, '/'-separated: what reports show. */
    public String displayPath() {
        return file.toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
