package dlms.xmlclient.decode;

import java.math.BigDecimal;

/** A register's scaler_unit: the value read times 10^scaler is the quantity, in the unit. */
public record ScalerUnit(int scaler, int unit) {

    /** Units a meter engineer reads in thousands once the number is long. */
    private static final java.util.Set<String> KILO = java.util.Set.of("W", "Wh", "var", "varh", "VA", "VAh");

    /** The scaler_unit a structure {Int8 scaler, Enum unit} holds, or null when it is not one. */
    static ScalerUnit of(XmlNode value) {
        if (value == null || !value.name().equals("Structure") || value.children().size() != 2) {
            return null;
        }
        XmlNode scaler = value.children().get(0);
        XmlNode unit = value.children().get(1);
        Integer s = CosemTarget.number(scaler.value());
        Integer u = CosemTarget.number(unit.value());
        if (!unit.name().equals("Enum") || !scaler.name().startsWith("Int") || s == null || u == null) {
            return null;
        }
        return new ScalerUnit(s, u);
    }

    /** "230.1 V" for 2301 with scaler -1: the exact quantity, with the unit's symbol. */
    String scale(String raw) {
        BigDecimal value;
        try {
            value = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        BigDecimal scaled = value.scaleByPowerOfTen(scaler);
        String text = scaled.signum() == 0 ? "0" : scaled.stripTrailingZeros().toPlainString();
        if (unit == 255) {
            return text;
        }
        String symbol = CosemNames.unitSymbol(unit);
        String kilo = Math.abs(scaled.doubleValue()) >= 10_000 && KILO.contains(symbol)
                ? " = " + scaled.movePointLeft(3).stripTrailingZeros().toPlainString() + " k" + symbol : "";
        return text + " " + symbol + kilo;
    }

    @Override
    public String toString() {
        return "scaler " + scaler + ", " + (unit == 255 ? "no unit (a count)" : "unit " + CosemNames.unitSymbol(unit));
    }
}
