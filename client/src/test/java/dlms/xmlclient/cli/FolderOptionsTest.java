package dlms.xmlclient.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderOptionsTest {

    @TempDir
    Path root;

    @Test
    void quotesKeepSpacesAndHashStartsAComment() throws Exception {
        assertEquals(List.of("-c", "17", "-P", "pass word #1"), FolderOptions.tokens("-c 17 -P 'pass word #1'  # comment", ""));
        assertEquals(List.of(), FolderOptions.tokens("   # only a comment", ""));
        UsageException e = assertThrows(UsageException.class, () -> FolderOptions.tokens("-P \"open", "f:2: "));
        assertEquals("f:2: unclosed \"", e.getMessage());
    }

    @Test
    void aDeeperFileOverridesAShallowerOneFlagByFlag() throws Exception {
        Files.writeString(root.resolve(FolderOptions.FILE_NAME), "-c 17 -a Low\n-P 00000000\n");
        Path hls = Files.createDirectories(root.resolve("hls/deeper"));
        Files.writeString(root.resolve("hls/" + FolderOptions.FILE_NAME), "-c 18 -a High -P Gurux");
        FolderOptions options = new FolderOptions();
        FlagValues top = options.forFolder(root);
        assertEquals("17", top.get("c"));
        assertEquals("Low", top.get("a"));
        FlagValues deep = options.forFolder(hls);
        assertEquals("18", deep.get("c"));
        assertEquals("Gurux", deep.get("P"));
        assertTrue(deep.flag("c").startsWith(root.resolve("hls/" + FolderOptions.FILE_NAME) + ":1: "), deep.flag("c"));
    }

    @Test
    void theCommandLineOverridesEveryFile() throws Exception {
        Files.writeString(root.resolve(FolderOptions.FILE_NAME), "-c 17");
        FlagValues fromFile = new FolderOptions().forFolder(root);
        FlagValues cli = FlagValues.of(new org.apache.commons.cli.DefaultParser().parse(ClientOptions.definitions(),
                new String[] {"-c", "16"}));
        assertEquals("16", fromFile.overriddenBy(cli).get("c"));
        assertEquals("-c", fromFile.overriddenBy(cli).flag("c"));
    }

    @Test
    void aScriptBelowTheFolderNamedWithXStillGetsTheFilesAboveIt() throws Exception {
        Files.writeString(root.resolve(FolderOptions.FILE_NAME), "\uFEFF-c 17 -a Low # saved with a BOM\n");
        Path clock = Files.createDirectories(root.resolve("clock"));
        assertEquals("17", new FolderOptions().forFolder(clock).get("c"));
    }

    @Test
    void onlyAssociationFlagsAreAllowed() throws Exception {
        Path file = root.resolve(FolderOptions.FILE_NAME);
        Files.writeString(file, "-c 16\n\n-x other\n");
        UsageException e = assertThrows(UsageException.class, () -> FolderOptions.read(file));
        assertEquals(file + ":3: -x is not allowed in an options file (association and security flags only: -c -s -l -n -a -P --password-file -r -C -V -T -M -A -B -D -F -v --keys --findings)",
                e.getMessage());
        Files.writeString(file, "--frobnicate\n");
        e = assertThrows(UsageException.class, () -> FolderOptions.read(file));
        assertTrue(e.getMessage().startsWith(file + ":1: unknown option --frobnicate"), e.getMessage());
    }
}
