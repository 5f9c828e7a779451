package org.neuroai.compare.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of text cells with a header. A notebook shows its {@link #toString()}: the columns aligned
 * in plain text; {@link #html()} gives it as an HTML table, for {@code display("text/html", t.html())}.
 */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows;

    /**
     * @param header the column names
     * @param rows the rows, each as long as the header
     */
    public Table(List<String> header, List<List<String>> rows) {
        this.header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("a row of " + r.size() + " cells under " + header.size() + " columns");
            }
            copy.add(List.copyOf(r));
        }
        this.rows = List.copyOf(copy);
    }

    /** The column names. */
    public List<String> header() {
        return header;
    }

    /** The rows. */
    public List<List<String>> rows() {
        return rows;
    }

    /**
     * The cells of one column.
     *
     * @param name a column name
     * @return its cells, top to bottom
     * @throws IllegalArgumentException naming the columns when there is none of that name
     */
    public List<String> column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; the columns are " + String.join(", ", header) + ".");
        }
        return rows.stream().map(r -> r.get(i)).toList();
    }

    /**
     * The rows whose cell in {@code column} is {@code value}.
     *
     * @param column a column name
     * @param value the cell's text
     * @return a table of those rows
     */
    public Table where(String column, String value) {
        return filter(column, value::equals);
    }

    /**
     * The rows whose cell in {@code column} passes a test.
     *
     * @param column a column name
     * @param test the test, such as {@code f -> f.startsWith("aplysia")}
     * @return a table of those rows
     */
    public Table filter(String column, java.util.function.Predicate<String> test) {
        int i = header.indexOf(column);
        column(column);
        return new Table(header, rows.stream().filter(r -> test.test(r.get(i))).toList());
    }

    /** The table as an HTML table, cells escaped. */
    public String html() {
        StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
        for (String h : header) {
            sb.append("<th>").append(escape(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            for (String c : r) {
                sb.append("<td>").append(escape(c)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The table in plain text, each column as wide as its widest cell. */
    @Override
    public String toString() {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, w);
        for (List<String> r : rows) {
            line(sb, r, w);
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            l.append(String.format(Locale.ROOT, "%-" + w[i] + "s", cells.get(i))).append(i + 1 < cells.size() ? "  " : "");
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
