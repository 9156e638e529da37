package dlms.xmlclient.interop;

import org.junit.jupiter.api.Tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.AuthenticationMechanism;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.DlmsSnConnection;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.MethodParameter;
import org.openmuc.jdlms.MethodResultCode;
import org.openmuc.jdlms.ReadResult;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.SelectiveAccessDescription;
import org.openmuc.jdlms.SnAddressSpec;
import org.openmuc.jdlms.SnWriteParameter;
import org.openmuc.jdlms.TcpConnectionBuilder;
import org.openmuc.jdlms.datatypes.CosemDateFormat.Field;
import org.openmuc.jdlms.datatypes.CosemDateTime;
import org.openmuc.jdlms.datatypes.DataObject;
import org.openmuc.jdlms.settings.client.ReferencingMethod;

/**
 * OpenMUC jDLMS's client (an independent DLMS implementation) against the simulator serving
 * short names, over loopback TCP, HDLC and WRAPPER: every value is decoded by jDLMS. The base
 * names are the built-in meter's ({@code bin/simulator --help}); the management client 17 with
 * its Low password from messages/xmlclient.options.
 */
@Tag("integration")
class JdlmsClientShortNamesTest {

    private static final int CLOCK_TIME = 0x00A8;
    private static final int SERIAL_NUMBER = 0x0148;
    private static final int ENERGY_VALUE = 0x0158;
    private static final int ENERGY_SCALER_UNIT = 0x0160;
    private static final int PROFILE_BUFFER = 0x0308;
    private static final int OUTPUT_STATE = 0x0380;
    private static final int REMOTE_DISCONNECT = 0x0398;
    private static final int REMOTE_RECONNECT = 0x03A0;
    private static final byte[] LOW_PASSWORD = "00000000".getBytes(StandardCharsets.US_ASCII);
    private static final int ROWS_A_DAY = 96;
    private static final int ROWS = 7 * ROWS_A_DAY;

    private static MeterSimulator start(boolean wrapper) throws Exception {
        return MeterSimulator.start(new SimulatorOptions().port(0).shortNames(true)
                .wrapper(wrapper));
    }

    /** jDLMS's builder for the meter: client 17, Low, short names, logical device 1. */
    private static TcpConnectionBuilder builder(MeterSimulator meter, boolean wrapper,
            final List<String> apdus) {
        TcpConnectionBuilder builder = new TcpConnectionBuilder(InetAddress.getLoopbackAddress())
                .setPort(meter.port()).setClientId(17).setLogicalDeviceId(1)
                .setReferencingMethod(ReferencingMethod.SHORT)
                .setSecuritySuite(SecuritySuite.builder()
                        .setAuthenticationMechanism(AuthenticationMechanism.LOW)
                        .setPassword(LOW_PASSWORD).build())
                .setResponseTimeout(5000)
                .setRawMessageListener(m -> apdus.add(m.getMessageSource() + " "
                        + hex(m.getMessage())));
        return wrapper ? builder.useWrapper() : builder.useHdlc();
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte it : bytes) {
            b.append(String.format("%02X", it & 0xFF));
        }
        return b.toString();
    }

    private static DataObject read(DlmsSnConnection sn, SnAddressSpec address)
            throws IOException {
        ReadResult result = sn.read(address);
        assertEquals(AccessResultCode.SUCCESS, result.getResultCode(), address.toString());
        return result.getResultData();
    }

    private static DataObject read(DlmsSnConnection sn, int variableName)
            throws IOException {
        return read(sn, SnAddressSpec.newAttributeAddress(variableName));
    }

    /** @return the instant of a date-time octet string, by jDLMS's decoding (deviation 0) */
    private static Instant instant(DataObject dateTime) {
        CosemDateTime time = CosemDateTime.decode(dateTime.getValue());
        assertEquals(0, time.get(Field.DEVIATION), "the meter runs in UTC");
        return LocalDateTime.of(time.get(Field.YEAR), time.get(Field.MONTH),
                time.get(Field.DAY_OF_MONTH), time.get(Field.HOUR), time.get(Field.MINUTE),
                time.get(Field.SECOND)).toInstant(ZoneOffset.UTC);
    }

    /** @return date-time octet string: UTC, day of week not specified, status 0 */
    private static DataObject dateTime(int year, int month, int day,
            final int hour, int minute, int second) {
        return DataObject.newOctetStringData(new byte[] {(byte) (year >> 8), (byte) year,
            (byte) month, (byte) day, (byte) 0xFF, (byte) hour, (byte) minute, (byte) second,
            0, 0, 0, 0});
    }

    @ParameterizedTest(name = "wrapper {0}")
    @ValueSource(booleans = {false, true})
    void readsTheClockAndARegister(boolean wrapper) throws Exception {
        List<String> apdus = Collections.synchronizedList(new ArrayList<>());
        try (MeterSimulator meter = start(wrapper);
                DlmsSnConnection sn = builder(meter, wrapper, apdus).buildSnConnection()) {
            Instant time = instant(read(sn, CLOCK_TIME));
            assertTrue(Duration.between(Instant.now(), time).abs().getSeconds() <= 5,
                    time.toString());
            assertEquals("12345678", new String((byte[]) read(sn, SERIAL_NUMBER).getValue(),
                    StandardCharsets.US_ASCII));
            Number energy = read(sn, ENERGY_VALUE).getValue();
            assertTrue(energy.longValue() > 0, energy.toString());
            List<DataObject> scalerUnit = read(sn, ENERGY_SCALER_UNIT).getValue();
            assertEquals(30, ((Number) scalerUnit.get(1).getValue()).intValue(), "unit Wh");
        }
    }

    @ParameterizedTest(name = "wrapper {0}")
    @ValueSource(booleans = {false, true})
    void writesTheClockAndReadsItBack(boolean wrapper) throws Exception {
        List<String> apdus = Collections.synchronizedList(new ArrayList<>());
        try (MeterSimulator meter = start(wrapper);
                DlmsSnConnection sn = builder(meter, wrapper, apdus).buildSnConnection()) {
            assertEquals(AccessResultCode.SUCCESS, sn.write(SnWriteParameter
                    .newAttributeWriteParameter(CLOCK_TIME, dateTime(2030, 6, 15, 10, 20, 30))));
            Instant back = instant(read(sn, CLOCK_TIME));
            Instant expected = LocalDateTime.of(2030, 6, 15, 10, 20, 30).toInstant(ZoneOffset.UTC);
            assertTrue(Duration.between(expected, back).abs().getSeconds() <= 2,
                    back.toString());
        }
    }

    @ParameterizedTest(name = "wrapper {0}")
    @ValueSource(booleans = {false, true})
    void readsTheLoadProfileWholeAndByRangeInBlocks(boolean wrapper) throws Exception {
        List<String> apdus = Collections.synchronizedList(new ArrayList<>());
        try (MeterSimulator meter = start(wrapper);
                DlmsSnConnection sn = builder(meter, wrapper, apdus).buildSnConnection()) {
            List<DataObject> rows = read(sn, PROFILE_BUFFER).getValue();
            assertEquals(ROWS, rows.size());
            assertEquals(LocalDateTime.of(2026, 1, 7, 23, 45).toInstant(ZoneOffset.UTC),
                    instant(((List<DataObject>) rows.get(ROWS - 1).getValue()).get(0)));
            long blocks = apdus.stream().filter(a -> a.matches("SERVER .*0C0102.*")).count();
            assertTrue(blocks > 10, "the buffer came in " + blocks + " data blocks");

            // selector 1, range_descriptor: the clock from 2026-01-02 00:00 to 23:59:59.
            DataObject range = DataObject.newStructureData(
                    DataObject.newStructureData(DataObject.newUInteger16Data(8),
                            DataObject.newOctetStringData(new byte[] {0, 0, 1, 0, 0, (byte) 255}),
                            DataObject.newInteger8Data((byte) 2),
                            DataObject.newUInteger16Data(0)),
                    dateTime(2026, 1, 2, 0, 0, 0), dateTime(2026, 1, 2, 23, 59, 59),
                    DataObject.newArrayData(new ArrayList<>()));
            List<DataObject> day = read(sn, SnAddressSpec.newAttributeAddress(PROFILE_BUFFER,
                    new SelectiveAccessDescription(1, range))).getValue();
            assertEquals(ROWS_A_DAY, day.size());
            assertEquals(LocalDateTime.of(2026, 1, 2, 0, 0).toInstant(ZoneOffset.UTC),
                    instant(((List<DataObject>) day.get(0).getValue()).get(0)));
        }
    }

    @ParameterizedTest(name = "wrapper {0}")
    @ValueSource(booleans = {false, true})
    void invokesMethodsByParameterisedReadAndByWrite(boolean wrapper) throws Exception {
        List<String> apdus = Collections.synchronizedList(new ArrayList<>());
        try (MeterSimulator meter = start(wrapper);
                DlmsSnConnection sn = builder(meter, wrapper, apdus).buildSnConnection()) {
            DataObject zero = DataObject.newInteger8Data((byte) 0);
            // ReadRequest, parameterized-access {0398, selector 0, integer 0}
            read(sn, SnAddressSpec.newMethodAddress(REMOTE_DISCONNECT, zero));
            assertTrue(apdus.stream().anyMatch(a -> a.contains("050104039800" + "0F00")),
                    String.join("\n", apdus));
            assertEquals(Boolean.FALSE, read(sn, OUTPUT_STATE).getValue());
            // WriteRequest {03A0} {integer 0}
            assertEquals(AccessResultCode.SUCCESS,
                    sn.write(SnWriteParameter.newMethodWriteParameter(REMOTE_RECONNECT, zero)));
            assertEquals(Boolean.TRUE, read(sn, OUTPUT_STATE).getValue());
        }
    }

    /**
     * jDLMS's logical name access over short names: it finds each object's base name by a
     * selective read of the object list (selector 2, {class_id, logical_name}).
     */
    @ParameterizedTest(name = "wrapper {0}")
    @ValueSource(booleans = {false, true})
    void logicalNameAccessOverShortNames(boolean wrapper) throws Exception {
        List<String> apdus = Collections.synchronizedList(new ArrayList<>());
        try (MeterSimulator meter = start(wrapper);
                DlmsConnection ln = builder(meter, wrapper, apdus).build()) {
            GetResult energy = ln.get(new AttributeAddress(3, "1.0.1.8.0.255", 2));
            assertEquals(AccessResultCode.SUCCESS, energy.getResultCode());
            assertTrue(((Number) energy.getResultData().getValue()).longValue() > 0);
            assertTrue(apdus.stream().anyMatch(a -> a.startsWith("CLIENT")
                    && a.contains("050104FA0802020212000309060100010800FF")),
                    "the object list read by selector 2: " + String.join("\n", apdus));
            GetResult time = ln.get(new AttributeAddress(8, "0.0.1.0.0.255", 2));
            assertEquals(AccessResultCode.SUCCESS, time.getResultCode());
            assertTrue(Duration.between(Instant.now(), instant(time.getResultData())).abs()
                    .getSeconds() <= 5);
            assertEquals(MethodResultCode.SUCCESS, ln.action(new MethodParameter(70,
                    "0.0.96.3.10.255", 1, DataObject.newInteger8Data((byte) 0))).getResultCode());
            assertEquals(Boolean.FALSE, ln.get(new AttributeAddress(70, "0.0.96.3.10.255", 2))
                    .getResultData().getValue());
        }
    }
}
