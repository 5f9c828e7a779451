package org.neuroai.compare.charts;

import java.awt.Color;
import java.util.Map;
import org.neuroai.core.Family;

/**
 * Colours that stay the same for a learner across every chart: cool colours for learning in
 * synapses, warm ones for gradient descent, greys for Bayesian learners. Colour-blind-safe hues
 * (Okabe &amp; Ito 2008, with Paul Tol's indigo, teal, green and rose).
 */
public final class Palette {
    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("oja", new Color(0x0072B2)),
            Map.entry("gha", new Color(0x009E73)),
            Map.entry("hebb", new Color(0x56B4E9)),
            Map.entry("stdp", new Color(0x332288)),
            Map.entry("perceptron", new Color(0x332288)),
            Map.entry("delta", new Color(0x44AA99)),
            Map.entry("rescorla-wagner", new Color(0x117733)),
            Map.entry("autoencoder", new Color(0xD55E00)),
            Map.entry("mlp", new Color(0xE69F00)),
            Map.entry("gradient", new Color(0xCC6677)),
            Map.entry("sgd", new Color(0xCC6677)),
            Map.entry("adam", new Color(0xD55E00)),
            Map.entry("krotov-hopfield", new Color(0x0072B2)),
            Map.entry("local", new Color(0x0072B2)),
            Map.entry("backprop", new Color(0xD55E00)));
    private static final Color[] BIO = {new Color(0x0072B2), new Color(0x009E73), new Color(0x56B4E9), new Color(0x332288)};
    private static final Color[] GRADIENT = {new Color(0xD55E00), new Color(0xE69F00), new Color(0xCC79A7), new Color(0x882255)};
    private static final Color[] BAYESIAN = {new Color(0x444444), new Color(0x888888)};
    /** Colours for lines that are not learners (components, references), distinct from learners'. */
    public static final Color[] SERIES = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x332288)};
    /** Neutral grey for residuals and references. */
    public static final Color GREY = new Color(0x777777);

    private Palette() {}

    /** The colour of a learner. */
    public static Color of(String learner, Family family) {
        Color c = NAMED.get(learner);
        if (c != null) {
            return c;
        }
        Color[] pool = switch (family) {
            case BIO -> BIO;
            case GRADIENT -> GRADIENT;
            case BAYESIAN -> BAYESIAN;
        };
        return pool[Math.floorMod(learner.hashCode(), pool.length)];
    }

    /**
     * Colours for the learners of one comparison: each learner's own colour ({@link #of}) unless an
     * earlier learner already has it or one close to it, in which case the first free colour of its
     * family's pool (learning in synapses stays cool, gradient descent warm).
     *
     * @param learners learner name to family, in the order they are drawn
     * @return learner name to colour
     */
    public static Map<String, Color> distinct(Map<String, Family> learners) {
        Map<String, Color> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Family> e : learners.entrySet()) {
            Color c = of(e.getKey(), e.getValue());
            if (close(c, out.values())) {
                Color[] pool = switch (e.getValue()) {
                    case BIO -> BIO;
                    case GRADIENT -> GRADIENT;
                    case BAYESIAN -> BAYESIAN;
                };
                for (Color p : pool) {
                    if (!close(p, out.values())) {
                        c = p;
                        break;
                    }
                }
            }
            out.put(e.getKey(), c);
        }
        return out;
    }

    /**
     * Whether a colour is hard to tell from one already used: closer than 130 in the "redmean"
     * weighted RGB distance, a cheap approximation of perceived difference (the Okabe-Ito blue
     * and bluish green, 140 apart, stay; the bluish green and Tol's teal, 121 apart, do not).
     */
    private static boolean close(Color c, java.util.Collection<Color> used) {
        for (Color u : used) {
            double r = (c.getRed() + u.getRed()) / 2.0;
            int dr = c.getRed() - u.getRed();
            int dg = c.getGreen() - u.getGreen();
            int db = c.getBlue() - u.getBlue();
            double d2 = (2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db;
            if (d2 < 130 * 130) {
                return true;
            }
        }
        return false;
    }

    /**
     * Anchors of the diverging map for signed values such as weights: ColorBrewer's RdBu (Brewer
     * 2003), blue for negative, near-white for zero, red for positive; it stays readable with the
     * common forms of colour blindness.
     */
    private static final Color[] DIVERGING = {new Color(0x2166AC), new Color(0x92C5DE), new Color(0xF7F7F7),
        new Color(0xF4A582), new Color(0xB2182B)};

    /**
     * The diverging colour of a value scaled to [−1, 1] (values outside are clipped).
     *
     * @param t −1 for the most negative, 0 for zero, 1 for the most positive
     * @return its colour
     */
    public static Color diverging(double t) {
        double x = (Math.max(-1, Math.min(1, Double.isNaN(t) ? 0 : t)) + 1) / 2 * (DIVERGING.length - 1);
        int i = Math.min((int) x, DIVERGING.length - 2);
        double f = x - i;
        Color a = DIVERGING[i];
        Color b = DIVERGING[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** The same colour, translucent, for bands. */
    public static Color band(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 50);
    }

    /**
     * The colour mixed with white, opaque, for filled regions that must not show seams where
     * they abut.
     *
     * @param c the colour
     * @param amount how much of the colour, in [0, 1]
     * @return the tint
     */
    public static Color tint(Color c, double amount) {
        return new Color((int) Math.round(255 + (c.getRed() - 255) * amount), (int) Math.round(255 + (c.getGreen() - 255) * amount),
                (int) Math.round(255 + (c.getBlue() - 255) * amount));
    }

    /**
     * The colour mixed with black, for a second line of the same learner.
     *
     * @param c the colour
     * @param amount how much black, in [0, 1]
     * @return the shade
     */
    public static Color shade(Color c, double amount) {
        double keep = 1 - amount;
        return new Color((int) Math.round(c.getRed() * keep), (int) Math.round(c.getGreen() * keep), (int) Math.round(c.getBlue() * keep));
    }
}
