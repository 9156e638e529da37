package dlms.xmlclient.simulator.device;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSConverter;
import gurux.dlms.GXDLMSSettings;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.DataType;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.internal.GXCommon;
import gurux.dlms.objects.GXDLMSCaptureObject;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSPushSetup;
import gurux.dlms.objects.enums.MessageType;
import gurux.dlms.objects.enums.ServiceType;

/**
 * The meter's Push setup (class 40, 0.0.25.9.0.255 as IDIS has it) and what its {@code push}
 * method (method 1) sends: a DATA-NOTIFICATION (Green Book, tag 15) holding
 * long-invoke-id-and-priority (Unsigned32: invoke id in bits 0-23, unconfirmed, normal priority),
 * date-time (octet-string of 12, the meter's time) and the notification body: a structure of the
 * push object list's attribute values, in its order. gurux.dlms 4.0.47's server has no push
 * service, so the APDU is made here and the server sends it after the method's reply.
 */
public final class PushSetups {

    public static final String PUSH_SETUP = "0.0.25.9.0.255";
    /** DATA-NOTIFICATION's APDU tag (Green Book, xDLMS APDUs). */
    static final int DATA_NOTIFICATION = 0x0F;
    /** The invoke id wraps within its 24 bits. */
    private static final int INVOKE_ID_MASK = 0xFFFFFF;

    private final MeterClock clock;
    private final List<byte[]> pending = new ArrayList<>();
    private int invokeId;

    /** @param clock the meter's clock, for the notification's date-time */
    public PushSetups(MeterClock clock) {
        this.clock = clock;
    }

    /**
     * The built-in meter's push setup: it pushes its own logical name, the serial number, the
     * clock's time and the active energy import; destination the head-end of the test host.
     */
    static GXDLMSPushSetup createDefault(GXDLMSObjectCollection objects) {
        GXDLMSPushSetup push = new GXDLMSPushSetup(PUSH_SETUP);
        push.getPushObjectList().add(Map.entry(push, new GXDLMSCaptureObject(1, 0)));
        for (String ln : List.of(DefaultDevice.SERIAL, DefaultDevice.CLOCK, DefaultDevice.ACTIVE_ENERGY_IMPORT)) {
            push.getPushObjectList().add(Map.entry(objects.findByLN(ObjectType.NONE, ln), new GXDLMSCaptureObject(2, 0)));
        }
        push.setService(ServiceType.TCP);
        push.setDestination("127.0.0.1:4059");
        push.setMessage(MessageType.COSEM_APDU);
        push.setRandomisationStartInterval(0);
        push.setNumberOfRetries((byte) 0);
        push.setRepetitionDelay(0);
        return push;
    }

    /**
     * A push on the meter's own schedule (--push-every), outside any request.
     *
     * @return the DATA-NOTIFICATION of the device's Push setup 0.0.25.9.0.255, or null when the
     *         device has none
     */
    public byte[] scheduled(GXDLMSObjectCollection device, GXDLMSSettings settings, ObjectBehaviours reader) {
        GXDLMSObject push = device.findByLN(ObjectType.PUSH_SETUP, PUSH_SETUP);
        return push instanceof GXDLMSPushSetup setup ? notification(setup, settings, reader) : null;
    }

    /** Method 1 (push): the notification is made now, with the values of this moment, and sent after the reply. */
    ErrorCode invoke(GXDLMSPushSetup push, ValueEventArgs e, ObjectBehaviours reader) {
        if (e.getIndex() != 1) {
            return ErrorCode.READ_WRITE_DENIED;
        }
        byte[] apdu = notification(push, e.getSettings(), reader);
        synchronized (pending) {
            pending.add(apdu);
        }
        return ErrorCode.OK;
    }

    /** @return the notifications asked for since the last call, oldest first */
    public List<byte[]> take() {
        synchronized (pending) {
            List<byte[]> taken = List.copyOf(pending);
            pending.clear();
            return taken;
        }
    }

    /** The DATA-NOTIFICATION APDU of a push now: tag, long-invoke-id-and-priority, date-time, body. */
    public synchronized byte[] notification(GXDLMSPushSetup push, GXDLMSSettings settings, ObjectBehaviours reader) {
        invokeId = (invokeId + 1) & INVOKE_ID_MASK;
        GXByteBuffer apdu = new GXByteBuffer();
        apdu.setUInt8(DATA_NOTIFICATION);
        apdu.setUInt32(invokeId); // bit 30 (service class) clear: unconfirmed; bit 31 clear: normal priority
        GXDLMSClock meterClock = (GXDLMSClock) push.getPushObjectList().stream().map(Map.Entry::getKey)
                .filter(GXDLMSClock.class::isInstance).findFirst().orElse(null);
        // One instant for the whole notification: its date-time and the clock's time in its body agree.
        Instant at = meterClock == null ? null : clock.now(meterClock);
        if (meterClock == null) {
            apdu.setUInt8(0); // date-time: an empty octet-string, the meter has no clock to push
        } else {
            byte[] time = DlmsDateTime.encode(at);
            apdu.setUInt8(time.length);
            apdu.set(time);
        }
        apdu.setUInt8(DataType.STRUCTURE.getValue());
        GXCommon.setObjectCount(push.getPushObjectList().size(), apdu);
        for (Map.Entry<GXDLMSObject, GXDLMSCaptureObject> entry : push.getPushObjectList()) {
            int index = entry.getValue().getAttributeIndex();
            if (entry.getKey() == meterClock && index == 2) {
                apdu.set(MeterClock.timeAttribute(at));
            } else {
                value(entry.getKey(), index, settings, reader, apdu);
            }
        }
        return apdu.array();
    }

    /** One attribute's value as DLMS data, read as a Get would read it. */
    private static void value(GXDLMSObject target, int index, GXDLMSSettings settings, ObjectBehaviours reader,
            GXByteBuffer out) {
        ValueEventArgs read = new ValueEventArgs(settings, target, index, 0, null);
        reader.read(read);
        Object value = read.getHandled() ? read.getValue() : target.getValue(settings, read);
        if (read.isByteArray() && value instanceof byte[] data) {
            out.set(data); // already DLMS data, tag included (the clock's time)
            return;
        }
        DataType type = target.getDataType(index);
        if (type == DataType.NONE) {
            type = GXDLMSConverter.getDLMSDataType(value);
        }
        GXCommon.setData(settings, out, type, value);
    }
}
