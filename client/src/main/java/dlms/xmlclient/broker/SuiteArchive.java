package dlms.xmlclient.broker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A fleet's suite as one zip, sent inside every job so that a worker on another host needs no
 * shared disk: {@code messages/<path below -x>} for each script and the {@code xmlclient.options}
 * of its folders, {@code expected/<path below -x>} for each expected file. A worker unpacks a
 * suite once, into a folder named by its SHA-256, and runs every later job of it from there.
 */
public final class SuiteArchive {

    public static final String MESSAGES = "messages";
    public static final String EXPECTED = "expected";
    /** A suite bigger than this is refused: a job is a broker message, and brokers cap those. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    /** The most a suite may unpack to: a zip that inflates past it is refused (a zip bomb). */
    static final long MAX_UNPACKED_BYTES = 1024L * 1024 * 1024;

    private final Map<String, byte[]> entries = new TreeMap<>();

    /** Adds {@code file} as the archive's {@code name} ('/'-separated, relative). */
    public SuiteArchive add(String name, Path file) throws IOException {
        return add(name, Files.readAllBytes(file));
    }

    public SuiteArchive add(String name, byte[] content) {
        entries.put(name, content.clone());
        return this;
    }

    /** The zip; the entries in name order, so that the same suite gives the same bytes. */
    public byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        if (bytes.size() > MAX_BYTES) {
            throw new IOException("the suite zips to " + bytes.size() + " bytes, over " + MAX_BYTES
                    + ": run fewer scripts per fleet (--exclude)");
        }
        return bytes.toByteArray();
    }

    public static String digest(byte[] zip) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The suite unpacked into {@code cache/<digest>}, once: a folder that is there is complete,
     * as it is moved into place only when whole.
     *
     * @throws IOException when the zip is damaged, does not match its digest, or names a path outside the folder
     */
    public static synchronized Path unpack(byte[] zip, String digest, Path cache) throws IOException {
        if (!digest.matches("[0-9a-f]{64}") || !digest(zip).equals(digest)) {
            throw new IOException("the job's suite does not match its SHA-256 " + digest);
        }
        Path dir = cache.resolve(digest);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(cache);
        Path building = Files.createTempDirectory(cache, digest.substring(0, 8) + ".");
        try {
            long unpacked = 0;
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    Path target = building.resolve(entry.getName()).normalize();
                    if (!target.startsWith(building) || entry.isDirectory()) {
                        if (!entry.isDirectory()) {
                            throw new IOException("the job's suite names a file outside its folder: "
                                    + entry.getName());
                        }
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    unpacked += copy(in, target, MAX_UNPACKED_BYTES - unpacked);
                }
            }
        } catch (IOException e) {
            delete(building);
            throw e;
        }
        try {
            Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(building);
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            // Another worker with the same -o unpacked the same suite first: it is whole, and the same.
        }
        return dir;
    }

    private static void delete(Path tree) throws IOException {
        try (var files = Files.walk(tree)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One entry into its file, at most {@code room} bytes; @return the bytes written */
    private static long copy(ZipInputStream in, Path target, long room) throws IOException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                written += n;
                if (written > room) {
                    throw new IOException("the job's suite unpacks to over " + MAX_UNPACKED_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }
}
