package dlms.xmlclient.session;

import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.TranslatorOutputType;

/** gurux.dlms's translator as replies are written: decimal values, no comments, declaration or namespace. */
public final class PlainTranslator {

    private PlainTranslator() {
    }

    /** @param pduOnly the bytes given are APDUs, not frames */
    public static GXDLMSTranslator of(boolean pduOnly) {
        GXDLMSTranslator t = new GXDLMSTranslator(TranslatorOutputType.SIMPLE_XML);
        t.setHex(false);
        t.setComments(false);
        t.setPduOnly(pduOnly);
        t.setOmitXmlDeclaration(true);
        t.setOmitXmlNameSpace(true);
        return t;
    }
}
