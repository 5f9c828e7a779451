package org.neuroai.core;

import java.util.List;
import java.util.Locale;

/**
 * One declared parameter: its name, default, allowed values and unit.
 *
 * <p>A numeric parameter has a closed or open range; a choice parameter lists its values.
 *
 * @param name the key used in specs and with {@code --set}
 * @param defaultValue the default, a {@link Double}, {@link Integer}, {@link Boolean} or {@link String}
 * @param min smallest allowed number (numeric parameters)
 * @param minExclusive whether {@code min} itself is excluded
 * @param max largest allowed number (numeric parameters)
 * @param choices allowed strings (choice parameters), empty otherwise
 * @param unit the unit, or "1" for dimensionless
 * @param description one line for {@code neuroai list} and error messages
 */
public record ParamSpec(String name, Object defaultValue, double min, boolean minExclusive, double max,
                        List<String> choices, String unit, String description) {

    /** A real number in [min, max]. */
    public static ParamSpec real(String name, double def, double min, double max, String unit, String description) {
        return new ParamSpec(name, def, min, false, max, List.of(), unit, description);
    }

    /** A real number in (0, max]: rates, time constants, learning rates. */
    public static ParamSpec positive(String name, double def, double max, String unit, String description) {
        return new ParamSpec(name, def, 0, true, max, List.of(), unit, description);
    }

    /** An integer in [min, max]. */
    public static ParamSpec integer(String name, int def, int min, int max, String description) {
        return new ParamSpec(name, def, min, false, max, List.of(), "1", description);
    }

    /** Free text, such as a list of names that the owner checks itself. */
    public static ParamSpec text(String name, String def, String description) {
        return new ParamSpec(name, def, Double.NaN, false, Double.NaN, List.of(), "", description);
    }

    /** One of a list of strings. */
    public static ParamSpec choice(String name, String def, List<String> choices, String description) {
        return new ParamSpec(name, def, Double.NaN, false, Double.NaN, List.copyOf(choices), "", description);
    }

    /** A yes/no switch. */
    public static ParamSpec flag(String name, boolean def, String description) {
        return new ParamSpec(name, def, Double.NaN, false, Double.NaN, List.of(), "", description);
    }

    /** What values are valid, in words, for error messages. */
    public String validRange() {
        if (!choices.isEmpty()) {
            return "one of " + String.join(", ", choices);
        }
        if (defaultValue instanceof String) {
            return "text";
        }
        if (defaultValue instanceof Boolean) {
            return "true or false";
        }
        String kind = defaultValue instanceof Integer ? "an integer" : "a number";
        String lo = (minExclusive ? "(" : "[") + fmt(min);
        String hi = fmt(max) + "]";
        return kind + " in " + lo + ", " + hi;
    }

    private static String fmt(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%g", v);
    }

    /**
     * Checks and converts one value given by a user.
     *
     * @param raw a string from the command line, or a number/boolean/string from YAML
     * @param where the file or option it came from, for the error message
     * @return the value in the type of the default
     * @throws UserError naming where, the key and the valid range
     */
    public Object parse(Object raw, String where) {
        String text = String.valueOf(raw).trim();
        Object value;
        try {
            if (defaultValue instanceof Boolean) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new NumberFormatException(text);
                }
                value = Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
            } else if (defaultValue instanceof Integer) {
                double d = Double.parseDouble(text);
                if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                    throw new NumberFormatException(text);
                }
                value = (int) d;
            } else if (defaultValue instanceof Double) {
                value = Double.parseDouble(text);
            } else {
                value = text;
            }
        } catch (NumberFormatException e) {
            throw invalid(text, where);
        }
        if (value instanceof String s && !choices.isEmpty() && !choices.contains(s)) {
            throw invalid(text, where);
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            boolean below = minExclusive ? d <= min : d < min;
            if (Double.isNaN(d) || below || d > max) {
                throw invalid(text, where);
            }
        }
        return value;
    }

    private UserError invalid(String text, String where) {
        return new UserError(where + ": invalid value '" + text + "' for '" + name + "' (" + description
                + "); valid is " + validRange() + ".");
    }
}
