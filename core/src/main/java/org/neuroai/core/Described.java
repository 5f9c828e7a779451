package org.neuroai.core;

/**
 * How a learner is shown in charts and reports, written with every run so that figures read it
 * from the run folder instead of guessing from the learner's name.
 *
 * @param name the learner's name in traces
 * @param family which way it learns
 * @param label the legend entry, such as "Sanger's GHA (bio, 3 units)"
 * @param colour the colour key: a hex colour such as "#0072B2", or empty to take the next free
 *     colour of the family's palette
 * @param model what it is made of, such as "rule gha, 3 units" or "network mlp"
 */
public record Described(String name, Family family, String label, String colour, String model) {
    /** Fills an empty label with the name and checks the colour key. */
    public Described {
        if (label == null || label.isBlank()) {
            label = name;
        }
        colour = colour == null ? "" : colour;
        if (!colour.isEmpty() && !colour.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("colour key '" + colour + "' of learner '" + name + "' is not a hex colour such as #0072B2");
        }
        model = model == null ? "" : model;
    }
}
