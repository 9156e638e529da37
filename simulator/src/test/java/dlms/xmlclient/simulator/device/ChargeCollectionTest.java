package dlms.xmlclient.simulator.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import gurux.dlms.GXDLMSSettings;
import gurux.dlms.enums.ErrorCode;
import gurux.dlms.objects.GXDLMSCharge;
import gurux.dlms.objects.GXDLMSObjectCollection;

/** A new price: written to the passive unit charge, activated, then collected. */
class ChargeCollectionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void anActivatedPassiveUnitChargeIsWhatTheNextCollectionTakes() {
        GXDLMSObjectCollection device = DefaultDevice.create();
        GXDLMSCharge charge = (GXDLMSCharge) device.findByLN(
                gurux.dlms.enums.ObjectType.CHARGE, Prepayment.STANDING_CHARGE);
        GXDLMSSettings settings = settings();
        // unit_charge as a server receives it: {{commodity_scale, price_scale},
        // {class_id, logical_name, attribute_index}, [{index, charge_per_unit}]}
        List<Object> threeEuros = List.of(List.of((byte) 0, (byte) -2),
                List.of(0, new byte[6], (byte) 0), List.of(List.of(new byte[0], (short) 300)));
        assertEquals(ErrorCode.OK, invoke(charge, 1, threeEuros, settings, device));
        assertEquals(250, charge.getUnitChargeActive().getChargeTables()[0].getChargePerUnit(),
                "still the active price");
        assertEquals(ErrorCode.OK, invoke(charge, 2, (byte) 0, settings, device));
        assertEquals(300, charge.getUnitChargeActive().getChargeTables()[0].getChargePerUnit());
        assertEquals(ErrorCode.OK, invoke(charge, 3, (byte) 0, settings, device));
        assertEquals(200, PaymentObjects.creditInUse(device).getCurrentCreditAmount());
        assertEquals(300, charge.getLastCollectionAmount());
    }

    @Test
    void aUnitChargeThatIsNotAStructureChangesNothing() {
        GXDLMSObjectCollection device = DefaultDevice.create();
        GXDLMSCharge charge = (GXDLMSCharge) device.findByLN(
                gurux.dlms.enums.ObjectType.CHARGE, Prepayment.STANDING_CHARGE);
        assertEquals(ErrorCode.UNMATCHED_TYPE, invoke(charge, 1, 300,
                settings(), device));
        assertEquals(250, charge.getUnitChargePassive().getChargeTables()[0].getChargePerUnit());
    }

    /** @return settings as a server's (gurux.dlms lets only its own classes make them) */
    private static GXDLMSSettings settings() {
        var client = new gurux.dlms.GXDLMSClient() {
            GXDLMSSettings settings() {
                return getSettings();
            }
        };
        return client.settings();
    }

    private static ErrorCode invoke(GXDLMSCharge charge, int method, Object parameter,
            GXDLMSSettings settings, GXDLMSObjectCollection device) {
        return ChargeCollection.invoke(charge, method, parameter, settings, device, NOW);
    }
}
