package dlms.xmlclient.session;

import dlms.xmlclient.media.Medium;
import dlms.xmlclient.simulator.SimulatorOptions;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.Security;
import gurux.dlms.objects.enums.SecuritySuite;

import java.nio.file.Path;
import java.util.List;

/**
 * The associations the reply-path fuzz test records real sessions over: each names the
 * simulator it needs, the client's settings and the sample scripts (under {@code messages/})
 * whose replies make the corpus. Between them the replies cover UA, AARE, GetResponse normal,
 * with block transfer and in HDLC segments, SetResponse, ActionResponse, data-access errors,
 * ciphered replies (glo-), HLS pass 4, exception responses, ReadResponse/WriteResponse
 * (short names), WRAPPER frames, ReleaseResponse and the DISC's UA.
 */
enum FuzzScenario {

    /** The management client over HDLC with the default 128-byte information field. */
    HDLC("hdlc", InterfaceType.HDLC, true, 17, Authentication.LOW, "00000000", SecuritySettings.NONE,
            HdlcParameters.DEFAULT, List.of("get-serial-number.xml", "get-missing-object.xml", "set-data-value.xml",
                    "clock/3-adjust-to-quarter.xml", "load-profile/entries-3-to-12.xml", "disconnect-reconnect.xml",
                    "energy/a-plus.xml")),
    /** The smallest information field and a window of 7: many segments per reply. */
    HDLC_SMALL_FRAMES("hdlc-32", InterfaceType.HDLC, true, 17, Authentication.LOW, "00000000",
            SecuritySettings.NONE, new HdlcParameters(HdlcParameters.MAX_WINDOW, HdlcParameters.MIN_INFO),
            List.of("get-serial-number.xml", "load-profile/entries-3-to-12.xml", "instantaneous.xml")),
    WRAPPER("wrapper", InterfaceType.WRAPPER, true, 17, Authentication.LOW, "00000000", SecuritySettings.NONE,
            HdlcParameters.DEFAULT, List.of("get-serial-number.xml", "get-missing-object.xml", "set-data-value.xml",
                    "clock/3-adjust-to-quarter.xml", "disconnect-reconnect.xml")),
    /**
     * A script that associates itself (SNRM, AARQ, RLRQ, DISC: UA, AARE, ReleaseResponse and the
     * DISC's UA as replies, compared) and proposes 64-byte PDUs, so that a small profile read
     * comes in blocks; its script is in src/test/resources/fuzz/scripts. (The sample profile
     * reads that come in blocks hold kilobytes: each mutated one costs the comparator tens of
     * milliseconds.)
     */
    SCRIPTED("scripted", InterfaceType.HDLC, true, 17, Authentication.NONE, null, SecuritySettings.NONE,
            HdlcParameters.DEFAULT, List.of("small-blocks.xml")),
    SCRIPTED_WRAPPER("scripted-wrapper", InterfaceType.WRAPPER, true, 17, Authentication.NONE, null,
            SecuritySettings.NONE, HdlcParameters.DEFAULT, List.of("small-blocks-wrapper.xml")),
    /** The public client: a write refused. */
    PUBLIC("public", InterfaceType.HDLC, true, 16, Authentication.NONE, null, SecuritySettings.NONE,
            HdlcParameters.DEFAULT, List.of("public/set-clock-denied.xml")),
    /** Short-name referencing: ReadResponse and WriteResponse. */
    SHORT_NAMES("sn", InterfaceType.HDLC, false, 17, Authentication.LOW, "00000000", SecuritySettings.NONE,
            HdlcParameters.DEFAULT, List.of("sn/2-clock-and-energy.xml", "sn/3-profile-entries-3-to-12.xml",
                    "sn/4-write-clock-and-read.xml")),
    /**
     * HLS GMAC with authenticated encryption: every reply after the AARE is a glo- APDU. The
     * information field is large enough for the AARQ in one frame whatever the length of its
     * random challenge, so that a replay sends as many frames as the recording did.
     */
    CIPHERED("ciphered", InterfaceType.HDLC, true, 1, Authentication.HIGH_GMAC, null, Keys.SETTINGS,
            new HdlcParameters(1, 1024), List.of("secure/ciphered-exchange.xml", "get-serial-number.xml")),
    CIPHERED_WRAPPER("ciphered-wrapper", InterfaceType.WRAPPER, true, 1, Authentication.HIGH_GMAC, null,
            Keys.SETTINGS, HdlcParameters.DEFAULT, List.of("get-serial-number.xml", "set-data-value.xml"));

    /** The simulator's documented test keys (messages/secure/simulator.keys). */
    static final class Keys {
        static final String CLIENT_SYSTEM_TITLE = "4142434445464748";
        static final String METER_SYSTEM_TITLE = "4752583132333435";
        static final String AUTHENTICATION_KEY = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";
        static final String BLOCK_CIPHER_KEY = "000102030405060708090A0B0C0D0E0F";
        static final SecuritySettings SETTINGS = new SecuritySettings(Security.AUTHENTICATION_ENCRYPTION,
                SecuritySuite.SUITE_0, CLIENT_SYSTEM_TITLE, null, AUTHENTICATION_KEY, BLOCK_CIPHER_KEY, null, -1, null);

        private Keys() {
        }
    }

    final String id;
    private final InterfaceType interfaceType;
    private final boolean logicalNames;
    private final int clientAddress;
    private final Authentication authentication;
    private final String password;
    private final SecuritySettings security;
    private final HdlcParameters hdlc;
    /** Message files, relative to {@link #scriptDir()}. */
    final List<String> scripts;

    FuzzScenario(String id, InterfaceType interfaceType, boolean logicalNames, int clientAddress,
            Authentication authentication, String password, SecuritySettings security, HdlcParameters hdlc,
            List<String> scripts) {
        this.id = id;
        this.interfaceType = interfaceType;
        this.logicalNames = logicalNames;
        this.clientAddress = clientAddress;
        this.authentication = authentication;
        this.password = password;
        this.security = security;
        this.hdlc = hdlc;
        this.scripts = scripts;
    }

    static FuzzScenario byId(String id) {
        for (FuzzScenario s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no fuzz scenario " + id);
    }

    /** The sample scripts, or the fuzz test's own. */
    Path scriptDir() {
        return this == SCRIPTED || this == SCRIPTED_WRAPPER ? Path.of("client", "src", "test", "resources", "fuzz", "scripts")
                : Path.of("messages");
    }

    boolean wrapper() {
        return interfaceType == InterfaceType.WRAPPER;
    }

    boolean ciphered() {
        return security.ciphered();
    }

    SimulatorOptions simulator() {
        return new SimulatorOptions().port(0).wrapper(wrapper()).shortNames(!logicalNames);
    }

    ConnectionSettings settings(String host, int port, ReplyLimits limits) {
        return new ConnectionSettings(Medium.tcp(host, port), interfaceType, logicalNames, clientAddress, 1,
                authentication, password, security, hdlc, limits, FindingPolicy.FAIL);
    }
}
