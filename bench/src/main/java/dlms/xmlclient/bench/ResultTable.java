package dlms.xmlclient.bench;

import java.util.List;

/** The measures as a plain-text table: one row each, columns padded to their widest cell. */
final class ResultTable {

    private static final String[] HEADER = {"measure", "value", "unit", "target / reference", "status"};

    private ResultTable() {
    }

    static String render(List<Measure> measures) {
        String[][] cells = new String[measures.size() + 1][];
        cells[0] = HEADER;
        for (int i = 0; i < measures.size(); i++) {
            Measure m = measures.get(i);
            cells[i + 1] = new String[] {m.name(), Figures.format(m.value()), m.unit(), m.targetAndReference(),
                    m.status()};
        }
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean numeric = c == 1;
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(numeric ? pad + cell : cell + (c == row.length - 1 ? "" : pad));
                if (c < row.length - 1) {
                    line.append("  ");
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
