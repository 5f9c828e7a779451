package org.neuroai.compare.files;

/**
 * {@code fields.csv}: the final incoming weights of the first units of each learner's first layer
 * (first seed), for receptive fields; trace columns, metric "w", index = unit · d + input. The side
 * of the square input images is in the provenance under {@link #SIDE}.
 */
public final class Fields {
    /** The file's name. */
    public static final String NAME = "fields.csv";
    /** Where the provenance keeps the side of the images. */
    public static final String SIDE = "/fields/image_side";
    /** Units drawn per learner, at most. */
    public static final int UNITS = 32;

    private Fields() {}
}
