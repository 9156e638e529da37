package dlms.xmlclient.bench;

/**
 * One row of the benchmark: a measured figure, with the target the issue sets for it or the
 * reference figure it quotes (measured elsewhere, never here), or why it was not measured.
 *
 * @param key       stable machine name for comparing runs, e.g. {@code exchange.hdlc.ratio}
 * @param name      what a person reads in the table
 * @param value     the figure; NaN when skipped
 * @param unit      its unit
 * @param target    what the issue asks of it, or null
 * @param reference the reference figure (measured elsewhere), or null
 * @param skipped   why it was not measured, or null
 */
record Measure(String key, String name, double value, String unit, Target target, String reference,
               String skipped) {

    static Measure of(String key, String name, double value, String unit) {
        return new Measure(key, name, value, unit, null, null, null);
    }

    static Measure skipped(String key, String name, String unit, String why) {
        return new Measure(key, name, Double.NaN, unit, null, null, why);
    }

    Measure withTarget(Target t) {
        return new Measure(key, name, value, unit, t, reference, skipped);
    }

    /** @param text the figure, e.g. "Gurux XmlClient 17 ms per file"; shown as measured elsewhere */
    Measure withReference(String text) {
        return new Measure(key, name, value, unit, target, text, skipped);
    }

    /** {@code met}, {@code missed}, {@code skipped}, or empty when there is no target. */
    String status() {
        if (skipped != null) {
            return "skipped";
        }
        if (target == null) {
            return "";
        }
        return target.metBy(value) ? "met" : "missed";
    }

    /** The target and the reference, as the table's fourth column shows them. */
    String targetAndReference() {
        StringBuilder b = new StringBuilder();
        if (target != null) {
            b.append("target ").append(target.describe()).append(unitSuffix());
        }
        if (reference != null) {
            b.append(b.length() == 0 ? "" : "; ").append("ref. (elsewhere): ").append(reference);
        }
        if (skipped != null) {
            b.append(b.length() == 0 ? "" : "; ").append(skipped);
        }
        return b.toString();
    }

    private String unitSuffix() {
        return unit.equals("×") ? "×" : " " + unit;
    }
}
