package org.neuroai.compare.files;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 fields: quoted where they hold a comma, a quote or a line break. */
public final class Csv {
    private Csv() {}

    /**
     * One line of fields, without the line break.
     *
     * @param fields the values
     * @return the line
     */
    public static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields.get(i)));
        }
        return b.toString();
    }

    /** One field, quoted when it must be. */
    public static String field(String f) {
        if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
            return "\"" + f.replace("\"", "\"\"") + "\"";
        }
        return f;
    }

    /**
     * Splits one line into its fields.
     *
     * @param line the line
     * @return the fields, unquoted
     * @throws IllegalArgumentException for an unclosed quote
     */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        out.add(f.toString());
        return out;
    }
}
