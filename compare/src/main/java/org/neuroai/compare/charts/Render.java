package org.neuroai.compare.charts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.neuroai.core.UserError;

/**
 * How figures are written: the {@link Theme} and the file formats. Every figure saved on a thread
 * while {@link #using} runs is written that way; otherwise in {@link #DEFAULT} (print theme, PNG,
 * SVG and PDF). This keeps the experiments' drawing code free of output settings.
 *
 * @param theme the theme
 * @param formats the formats to write, at least one
 */
public record Render(Theme theme, Set<Format> formats) {
    /** The print theme, every format. */
    public static final Render DEFAULT = new Render(Theme.PRINT, EnumSet.allOf(Format.class));
    private static final ThreadLocal<Render> CURRENT = ThreadLocal.withInitial(() -> DEFAULT);

    /** An output format of a figure. */
    public enum Format {
        /** Raster at twice the nominal size. */
        PNG,
        /** Scalable vector graphics. */
        SVG,
        /** Vector PDF, one page. */
        PDF;

        /** The file extension, without the dot. */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Copies the formats. */
    public Render {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no format");
        }
        formats = Set.copyOf(formats);
    }

    /**
     * Formats from a comma-separated list such as "png,svg".
     *
     * @param list the list
     * @return the formats
     * @throws UserError for an unknown or missing format, listing the valid ones
     */
    public static Set<Format> formats(String list) {
        Set<Format> out = EnumSet.noneOf(Format.class);
        for (String f : list.split(",")) {
            String name = f.trim().toLowerCase(Locale.ROOT);
            Format match = Arrays.stream(Format.values()).filter(x -> x.extension().equals(name)).findFirst()
                    .orElseThrow(() -> new UserError("--format: unknown format '" + f.trim() + "' in '" + list + "'; valid formats: "
                            + Arrays.stream(Format.values()).map(Format::extension).collect(Collectors.joining(", "))
                            + " (any of them, comma-separated)."));
            out.add(match);
        }
        return out;
    }

    /** The settings figures are saved with on this thread now. */
    public static Render current() {
        return CURRENT.get();
    }

    /**
     * Runs {@code action} with figures saved on this thread in these settings.
     *
     * @param action what draws the figures
     * @param <T> its result
     * @return its result
     * @throws Exception what it throws
     */
    public <T> T using(Callable<T> action) throws Exception {
        Render before = CURRENT.get();
        CURRENT.set(this);
        try {
            return action.call();
        } finally {
            CURRENT.set(before);
        }
    }
}
