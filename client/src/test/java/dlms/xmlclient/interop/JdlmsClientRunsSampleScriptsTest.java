package dlms.xmlclient.interop;

import org.junit.jupiter.api.Tag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dlms.xmlclient.simulator.MeterSimulator;

/**
 * The logical-name sample scripts that change the meter or depend on the client (the
 * association view, Set, Action, the public client's refusal, the ciphered exchange, token
 * entry and relay control by credit), each
 * played by jDLMS's client as the client its xmlclient.options names, on a meter of its own,
 * and compared with its expected file.
 */
@Tag("integration")
class JdlmsClientRunsSampleScriptsTest {

    static final List<String> SCRIPTS = List.of("association-view.xml", "set-data-value.xml",
            "clock/2-set-and-read.xml", "clock/3-adjust-to-quarter.xml",
            "disconnect-reconnect.xml", "public/set-clock-denied.xml",
            "secure/ciphered-exchange.xml", "prepayment/1-credit-read.xml",
            "prepayment/2-token-entry.xml", "prepayment/3-relay-by-credit.xml");

    static Stream<Arguments> linksAndScripts() {
        return Stream.of(JdlmsLink.values()).flatMap(link -> SCRIPTS.stream()
                .map(script -> Arguments.of(link, script)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("linksAndScripts")
    void scriptGetsItsExpectedRepliesAsItsOwnClient(JdlmsLink link, String script)
            throws Exception {
        try (MeterSimulator meter = link.startMeter();
                JdlmsAssociation association = JdlmsClient.of(script).associate(meter, link)) {
            List<String> mismatches = JdlmsScriptReplay.mismatches(association.connection(),
                    script);
            assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
            association.release();
        }
    }
}
