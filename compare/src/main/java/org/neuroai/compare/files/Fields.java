package org.neuroai.compare.files;

/**
 * {@code fields.csv}: the final incoming weights of the first units of each learner's first layer
 * (first seed), for receptive fields; trace columns, metric "w", index = unit · d + input. The side
 * of the square input images is in the provenance under {@link #SIDE}.
 */
public final class Fields {
    /** The file's name. */
    public static final String NAME = "fields.csv";
    /** The provenance's entry that says how to draw receptive fields: image_side, and units when more than are drawn. */
    public static final String ENTRY = "fields";
    /** Where the provenance keeps the side of the images. */
    public static final String SIDE = "/" + ENTRY + "/image_side";
    /** Where the provenance may keep how many units the layer has, of which the first are drawn. */
    public static final String LAYER_UNITS = "/" + ENTRY + "/units";
    /** Units drawn per learner, at most. */
    public static final int UNITS = 32;

    private Fields() {}
}
