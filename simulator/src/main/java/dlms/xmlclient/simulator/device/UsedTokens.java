package dlms.xmlclient.simulator.device;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import gurux.dlms.objects.GXDLMSTokenGateway;

/**
 * The identifiers of the tokens a Token gateway has accepted, so that each is accepted once. The
 * Blue Book keeps this memory out of the object's attributes; it lives here, one set per gateway
 * object, shared by the meter's logical- and short-name servers (which serve the same objects).
 */
final class UsedTokens {

    private static final Map<GXDLMSTokenGateway, Set<Long>> USED = new WeakHashMap<>();

    private UsedTokens() {
    }

    /** @return true when the token was not used yet at this gateway; it is used from now on */
    static synchronized boolean use(GXDLMSTokenGateway gateway, long tokenId) {
        return USED.computeIfAbsent(gateway, g -> new HashSet<>()).add(tokenId);
    }

    /** @return true when the gateway has accepted that token already */
    static synchronized boolean isUsed(GXDLMSTokenGateway gateway, long tokenId) {
        return USED.getOrDefault(gateway, Set.of()).contains(tokenId);
    }

    /** Forgets every token the gateway accepted (the account's reset). */
    static synchronized void forget(GXDLMSTokenGateway gateway) {
        USED.remove(gateway);
    }
}
