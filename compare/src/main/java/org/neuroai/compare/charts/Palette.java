package org.neuroai.compare.charts;

import java.awt.Color;
import java.util.Collection;
import java.util.Map;
import org.neuroai.core.Described;
import org.neuroai.core.Family;

/**
 * Colours that stay the same for a learner across every chart: cool colours for learning in
 * synapses, warm ones for gradient descent, Paul Tol's purple and sand for Bayesian learners.
 * Colour-blind-safe hues (Okabe &amp; Ito 2008, with Paul Tol's indigo, teal, green and rose).
 */
public final class Palette {
    private static final Color[] BIO = {new Color(0x0072B2), new Color(0x009E73), new Color(0x56B4E9), new Color(0x332288)};
    private static final Color[] GRADIENT = {new Color(0xD55E00), new Color(0xE69F00), new Color(0xCC79A7), new Color(0x882255)};
    private static final Color[] BAYESIAN = {new Color(0xAA4499), new Color(0xDDCC77)};
    /** Okabe &amp; Ito's blue. */
    public static final Color BLUE = new Color(0x0072B2);
    /** Okabe &amp; Ito's bluish green. */
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    /** Okabe &amp; Ito's vermillion. */
    public static final Color VERMILLION = new Color(0xD55E00);
    /** Okabe &amp; Ito's orange. */
    public static final Color ORANGE = new Color(0xE69F00);
    /** Colours for lines that are not learners (components, references), distinct from learners'. */
    public static final Color[] SERIES = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x332288)};
    /** Neutral grey for residuals and references. */
    public static final Color GREY = new Color(0x777777);

    private Palette() {}

    /**
     * Colours for the learners of one run, in drawing order, from their colour keys
     * ({@link Described#colour()}): a learner with a hex key gets that colour; each other learner
     * gets the first colour of its family's pool (learning in synapses cool, gradient descent warm,
     * Bayesian learners purple and sand) that is not close to a colour taken before it, or, when its pool is
     * used up, the pool's colour at its position.
     *
     * @param learners the learners, in drawing order
     * @return learner name to colour, in the same order
     */
    public static Map<String, Color> of(Collection<Described> learners) {
        java.util.List<Color> taken = new java.util.ArrayList<>();
        for (Described d : learners) {
            if (!d.colour().isEmpty()) {
                taken.add(Color.decode(d.colour()));
            }
        }
        Map<String, Color> out = new java.util.LinkedHashMap<>();
        int[] used = new int[Family.values().length];
        for (Described d : learners) {
            Color c;
            if (!d.colour().isEmpty()) {
                c = Color.decode(d.colour());
            } else {
                Color[] pool = pool(d.family());
                c = pool[used[d.family().ordinal()]++ % pool.length];
                for (Color p : pool) {
                    if (!close(p, taken)) {
                        c = p;
                        break;
                    }
                }
                taken.add(c);
            }
            out.put(d.name(), c);
        }
        return out;
    }

    /** The colours of a family. */
    private static Color[] pool(Family f) {
        return switch (f) {
            case BIO -> BIO;
            case GRADIENT -> GRADIENT;
            case BAYESIAN -> BAYESIAN;
        };
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
        return along(DIVERGING, (Math.max(-1, Math.min(1, Double.isNaN(t) ? 0 : t)) + 1) / 2);
    }

    /**
     * The colour at a point of a scale given by evenly spaced anchors, interpolated linearly in RGB.
     *
     * @param anchors the scale's colours, from its start to its end (at least two)
     * @param t where on the scale, 0 at the first anchor and 1 at the last (clipped)
     * @return its colour
     */
    static Color along(Color[] anchors, double t) {
        double x = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
        int i = Math.min((int) x, anchors.length - 2);
        double f = x - i;
        Color a = anchors[i];
        Color b = anchors[i + 1];
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
