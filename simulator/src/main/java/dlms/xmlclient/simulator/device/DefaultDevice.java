package dlms.xmlclient.simulator.device;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import dlms.xmlclient.simulator.transport.ServerAddress;
import gurux.dlms.GXDateTime;
import gurux.dlms.GXUInt16;
import gurux.dlms.GXUInt32;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.DateTimeSkips;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.Unit;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSData;
import gurux.dlms.objects.GXDLMSDisconnectControl;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSRegister;
import gurux.dlms.objects.enums.ClockBase;
import gurux.dlms.objects.enums.ControlMode;
import gurux.dlms.objects.enums.ControlState;

/**
 * The built-in electricity meter. Everything is fixed: values come from a {@link Random} with a
 * fixed seed, the load profile has fixed dates, and nothing depends on the host time zone.
 * The associations are added by {@link Associations}.
 */
public final class DefaultDevice {

    /** Seed of every generated value. */
    static final long SEED = 20260101L;
    /** COSEM logical device name, octet-string of 16 ASCII characters. */
    static final String LOGICAL_DEVICE_NAME = "SIM0000000000001";
    /** Meter serial number by default, visible-string. */
    static final String SERIAL_NUMBER = String.valueOf(ServerAddress.DEFAULT_SERIAL_NUMBER);

    public static final String CLOCK = "0.0.1.0.0.255";
    public static final String LDN = "0.0.42.0.0.255";
    public static final String SERIAL = "0.0.96.1.0.255";
    public static final String ACTIVE_ENERGY_IMPORT = "1.0.1.8.0.255";
    static final String ACTIVE_ENERGY_EXPORT = "1.0.2.8.0.255";
    static final String REACTIVE_ENERGY_IMPORT = "1.0.3.8.0.255";
    static final String REACTIVE_ENERGY_EXPORT = "1.0.4.8.0.255";
    public static final String VOLTAGE_L1 = "1.0.32.7.0.255";
    static final String CURRENT_L1 = "1.0.31.7.0.255";
    static final String ACTIVE_POWER = "1.0.1.7.0.255";
    static final String POWER_FACTOR = "1.0.13.7.0.255";
    static final String FREQUENCY = "1.0.14.7.0.255";
    public static final String LOAD_PROFILE = "1.0.99.1.0.255";
    public static final String DISCONNECT_CONTROL = "0.0.96.3.10.255";

    private DefaultDevice() {
    }

    /** @return a new instance of the built-in device, associations included */
    public static GXDLMSObjectCollection create() {
        Random random = new Random(SEED);
        GXDLMSObjectCollection objects = new GXDLMSObjectCollection();
        GXDLMSClock clock = clock();
        objects.add(clock);
        objects.add(data(LDN, DataType.OCTET_STRING,
                LOGICAL_DEVICE_NAME.getBytes(StandardCharsets.US_ASCII)));
        objects.add(data(SERIAL, DataType.STRING, SERIAL_NUMBER));

        GXDLMSRegister activeImport = register(ACTIVE_ENERGY_IMPORT, DataType.UINT32, 0,
                Unit.ACTIVE_ENERGY, null);
        objects.add(activeImport);
        objects.add(register(ACTIVE_ENERGY_EXPORT, DataType.UINT32, 0, Unit.ACTIVE_ENERGY,
                new GXUInt32(10_000 + random.nextInt(90_000))));
        objects.add(register(REACTIVE_ENERGY_IMPORT, DataType.UINT32, 0, Unit.REACTIVE_ENERGY,
                new GXUInt32(100_000 + random.nextInt(900_000))));
        objects.add(register(REACTIVE_ENERGY_EXPORT, DataType.UINT32, 0, Unit.REACTIVE_ENERGY,
                new GXUInt32(10_000 + random.nextInt(90_000))));
        int voltage = 2280 + random.nextInt(41); // 0.1 V
        int current = 100 + random.nextInt(900); // 0.01 A
        short powerFactor = (short) (900 + random.nextInt(100)); // 0.001
        long power = Math.round(voltage / 10.0 * current / 100.0 * powerFactor / 1000.0);
        objects.add(register(VOLTAGE_L1, DataType.UINT16, -1, Unit.VOLTAGE,
                new GXUInt16(voltage)));
        objects.add(register(CURRENT_L1, DataType.UINT16, -2, Unit.CURRENT,
                new GXUInt16(current)));
        objects.add(register(ACTIVE_POWER, DataType.UINT32, 0, Unit.ACTIVE_POWER,
                new GXUInt32(power)));
        objects.add(register(POWER_FACTOR, DataType.INT16, -3, Unit.NO_UNIT, powerFactor));
        objects.add(register(FREQUENCY, DataType.UINT16, -2, Unit.FREQUENCY,
                new GXUInt16(4995 + random.nextInt(11))));

        long lastEnergy = LoadProfile.addDefault(objects, clock, activeImport, random);
        activeImport.setValue(new GXUInt32(lastEnergy + random.nextInt(200)));
        objects.add(disconnectControl());
        Prepayment.addDefaults(objects);
        objects.add(PushSetups.createDefault(objects)); // after the others: their short names stay
        Associations.addDefaults(objects);
        return objects;
    }

    /**
     * Puts the meter's serial number in its serial-number object 0.0.96.1.0.255 (visible-string,
     * or octet-string if a device file declares it so), so that the object and the addresses
     * derived from the number agree. A device file without that object keeps none.
     *
     * @param objects the device
     * @param serialNumber the meter's serial number
     */
    static void setSerialNumber(GXDLMSObjectCollection objects, long serialNumber) {
        GXDLMSObject it = objects.findByLN(ObjectType.DATA, SERIAL);
        if (it instanceof GXDLMSData) {
            String text = String.valueOf(serialNumber);
            GXDLMSData data = (GXDLMSData) it;
            data.setValue(data.getDataType(2) == DataType.OCTET_STRING
                    ? text.getBytes(StandardCharsets.US_ASCII) : text);
        }
    }

    private static GXDLMSClock clock() {
        GXDLMSClock clock = new GXDLMSClock(CLOCK);
        clock.setTimeZone(0);
        clock.setDeviation(0);
        clock.setEnabled(false);
        clock.setClockBase(ClockBase.CRYSTAL);
        clock.setBegin(notSpecified());
        clock.setEnd(notSpecified());
        return clock;
    }

    /** A date-time with every field "not specified" (no daylight saving period). */
    private static GXDateTime notSpecified() {
        GXDateTime dt = new GXDateTime();
        dt.getSkip().add(DateTimeSkips.YEAR);
        dt.getSkip().add(DateTimeSkips.MONTH);
        dt.getSkip().add(DateTimeSkips.DAY);
        dt.getSkip().add(DateTimeSkips.DAY_OF_WEEK);
        dt.getSkip().add(DateTimeSkips.HOUR);
        dt.getSkip().add(DateTimeSkips.MINUTE);
        dt.getSkip().add(DateTimeSkips.SECOND);
        dt.getSkip().add(DateTimeSkips.MILLISECOND);
        dt.getSkip().add(DateTimeSkips.DEVITATION);
        dt.getSkip().add(DateTimeSkips.STATUS);
        return dt;
    }

    private static GXDLMSData data(String ln, DataType type, Object value) {
        GXDLMSData data = new GXDLMSData(ln);
        data.setDataType(2, type);
        data.setValue(value);
        return data;
    }

    private static GXDLMSRegister register(String ln, DataType type,
            int scaler, Unit unit, Object value) {
        GXDLMSRegister register = new GXDLMSRegister(ln);
        register.setDataType(2, type);
        register.setScaler(Math.pow(10, scaler));
        register.setUnit(unit);
        register.setValue(value);
        return register;
    }

    private static GXDLMSDisconnectControl disconnectControl() {
        GXDLMSDisconnectControl dc = new GXDLMSDisconnectControl(DISCONNECT_CONTROL);
        dc.setControlMode(ControlMode.MODE_2);
        dc.setControlState(ControlState.CONNECTED);
        dc.setOutputState(true);
        return dc;
    }
}
