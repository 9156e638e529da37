package dlms.xmlclient.simulator;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import gurux.dlms.GXDLMSConnectionEventArgs;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.AccessMode;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.MethodAccessMode;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.SourceDiagnostic;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSDisconnectControl;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSObjectCollection;
import gurux.dlms.objects.GXDLMSProfileGeneric;
import gurux.dlms.secure.GXDLMSSecureServer2;

/**
 * The meter's DLMS server (logical name referencing): addressing, authentication, access rights
 * and the object behaviours gurux.dlms does not provide the way a meter does (clock, profile
 * buffer, disconnect control). Not thread safe: the caller serialises every request.
 */
final class MeterServer extends GXDLMSSecureServer2 {

    private final MeterClock clock;
    private final ProfileBuffer profiles;
    private final SimulatorLog log;
    private final boolean wrapper;

    /**
     * @param device the objects to serve (associations included)
     * @param wrapper true for WRAPPER framing, false for HDLC
     * @param clock clock behaviour
     * @param log where connection events go
     */
    MeterServer(final GXDLMSObjectCollection device, final boolean wrapper,
            final MeterClock clock, final SimulatorLog log) {
        super(true, wrapper ? InterfaceType.WRAPPER : InterfaceType.HDLC);
        this.clock = clock;
        this.profiles = new ProfileBuffer(clock);
        this.log = log;
        this.wrapper = wrapper;
        getItems().addAll(device);
        initializeWithoutCaptureThreads();
    }

    /**
     * gurux.dlms starts a capture thread for every profile with a capture period when the server
     * is initialised; it would append rows to the fixed profile (timed by the host clock and
     * time zone) and keep a thread alive. The capture period is hidden while initialising.
     */
    private void initializeWithoutCaptureThreads() {
        Map<GXDLMSProfileGeneric, Long> periods = new IdentityHashMap<>();
        for (GXDLMSObject it : getItems().getObjects(ObjectType.PROFILE_GENERIC)) {
            GXDLMSProfileGeneric pg = (GXDLMSProfileGeneric) it;
            periods.put(pg, pg.getCapturePeriod());
            pg.setCapturePeriod(0);
        }
        try {
            initialize();
        } finally {
            periods.forEach(GXDLMSProfileGeneric::setCapturePeriod);
        }
    }

    /**
     * Accepts server address 1 (HDLC: logical device 1 with any physical address; WRAPPER:
     * wPort 1) or the all-station address, from a client with an association. Anything else is
     * not for this meter, which stays silent.
     */
    @Override
    protected boolean isTarget(final int serverAddress, final int clientAddress) {
        if (!ServerAddress.accepts(serverAddress, wrapper)) {
            return false;
        }
        GXDLMSAssociationLogicalName association =
                Associations.forClient(getItems(), clientAddress);
        if (association == null) {
            return false;
        }
        setAssignedAssociation(association);
        return true;
    }

    @Override
    protected SourceDiagnostic onValidateAuthentication(final Authentication authentication,
            final byte[] password) {
        GXDLMSAssociationLogicalName association = getAssignedAssociation();
        if (association == null) {
            return SourceDiagnostic.NOT_SUPPORTED;
        }
        if (authentication == Authentication.LOW
                && !Arrays.equals(association.getSecret(), password)) {
            return SourceDiagnostic.AUTHENTICATION_FAILURE;
        }
        return SourceDiagnostic.NONE;
    }

    /** 0.0.40.0.0.255 is the association in use (Blue Book); gurux.dlms asks here for it. */
    @Override
    protected GXDLMSObject onFindObject(final ObjectType objectType, final int sn,
            final String ln) {
        if (objectType == ObjectType.ASSOCIATION_LOGICAL_NAME && Associations.CURRENT.equals(ln)) {
            return getAssignedAssociation();
        }
        return null;
    }

    @Override
    protected AccessMode onGetAttributeAccess(final ValueEventArgs arg) {
        return AccessPolicy.attribute(getAssignedAssociation(), arg.getTarget(), arg.getIndex());
    }

    @Override
    protected MethodAccessMode onGetMethodAccess(final ValueEventArgs arg) {
        return AccessPolicy.method(getAssignedAssociation(), arg.getTarget(), arg.getIndex());
    }

    @Override
    public void onPreRead(final ValueEventArgs[] args) {
        for (ValueEventArgs e : args) {
            if (e.getIndex() != 2) {
                continue;
            }
            if (e.getTarget() instanceof GXDLMSClock) {
                e.setValue(clock.timeAttribute((GXDLMSClock) e.getTarget()));
                e.setByteArray(true);
                e.setHandled(true);
            } else if (e.getTarget() instanceof GXDLMSProfileGeneric) {
                profiles.read(e, (GXDLMSProfileGeneric) e.getTarget());
            }
        }
    }

    @Override
    protected void onPreWrite(final ValueEventArgs[] args) {
        for (ValueEventArgs e : args) {
            if (e.getTarget() instanceof GXDLMSClock && e.getIndex() == 2) {
                ErrorCode result = clock.setTime((GXDLMSClock) e.getTarget(), e.getValue());
                if (result != ErrorCode.OK) {
                    e.setError(result);
                }
                e.setHandled(true);
            }
        }
    }

    @Override
    protected void onPreAction(final ValueEventArgs[] args) {
        for (ValueEventArgs e : args) {
            GXDLMSObject target = e.getTarget();
            ErrorCode result;
            if (target instanceof GXDLMSClock) {
                result = clock.invoke((GXDLMSClock) target, e.getIndex(), e.getParameters());
            } else if (target instanceof GXDLMSDisconnectControl) {
                result = DisconnectSwitch.invoke((GXDLMSDisconnectControl) target, e.getIndex());
            } else if (target instanceof GXDLMSProfileGeneric) {
                result = profiles.invoke((GXDLMSProfileGeneric) target, e.getIndex());
            } else {
                continue;
            }
            if (result != ErrorCode.OK) {
                e.setError(result);
            }
            e.setHandled(true);
        }
    }

    @Override
    protected void onConnected(final GXDLMSConnectionEventArgs connectionInfo) {
        GXDLMSAssociationLogicalName association = getAssignedAssociation();
        log.info("associated client " + getSettings().getClientAddress() + " with "
                + (association == null ? "?" : association.getLogicalName()));
    }

    @Override
    protected void onInvalidConnection(final GXDLMSConnectionEventArgs connectionInfo) {
        log.warning("association refused for client " + getSettings().getClientAddress());
    }

    @Override
    protected void onDisconnected(final GXDLMSConnectionEventArgs connectionInfo) {
        log.info("association released by client " + getSettings().getClientAddress());
    }

    @Override
    public void onPreGet(final ValueEventArgs[] args) {
        // Nothing to do: reads are answered in onPreRead.
    }

    @Override
    public void onPostGet(final ValueEventArgs[] args) {
        // Nothing to do.
    }

    @Override
    public void onPostRead(final ValueEventArgs[] args) {
        // Nothing to do.
    }

    @Override
    protected void onPostWrite(final ValueEventArgs[] args) {
        // Nothing to do.
    }

    @Override
    protected void onPostAction(final ValueEventArgs[] args) {
        // Nothing to do.
    }
}
