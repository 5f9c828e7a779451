package org.neuroai.core.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.neuroai.core.UserError;

/**
 * Reads MNIST's IDX files (LeCun et al.), gzip'd or not.
 *
 * <p>Images: big-endian int32 magic 2051, count, rows, cols, then count*rows*cols unsigned bytes.
 * Labels: magic 2049, count, then count unsigned bytes. Pixel values are scaled to [0, 1].
 */
public final class Idx {
    /** Magic number of an IDX image file. */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of an IDX label file. */
    public static final int LABELS_MAGIC = 2049;

    /** Most pixels an IDX image may have (a 4096x4096 image); a header promising more is malformed. */
    public static final int MAX_PIXELS = 4096 * 4096;

    private Idx() {}

    /**
     * Images as they are stored: one unsigned byte per pixel, row-major, with their labels; an
     * eighth of the memory of the same images as doubles, so a task can keep all 60000 of MNIST's
     * training images and make rows of them as it hands them out.
     *
     * @param pixels count x rows x cols bytes, image after image, each pixel 0..255
     * @param labels the class of each image, 0..9
     * @param rows rows per image
     * @param cols columns per image
     * @param source the image file, for messages and provenance
     */
    public record Images(byte[] pixels, int[] labels, int rows, int cols, String source) {
        /** Number of images. */
        public int size() {
            return labels.length;
        }

        /** Pixels per image. */
        public int pixelsPerImage() {
            return rows * cols;
        }

        /**
         * One pixel scaled to [0, 1], exactly as {@link Idx#read} gives it.
         *
         * @param image the image
         * @param pixel the pixel, row-major
         * @return the grey level / 255
         */
        public double value(int image, int pixel) {
            return (pixels[image * rows * cols + pixel] & 0xff) / 255.0;
        }

        /** The images as a data set of rows in [0, 1]. */
        public Dataset dataset() {
            int d = pixelsPerImage();
            double[][] x = new double[size()][d];
            for (int i = 0; i < x.length; i++) {
                for (int p = 0; p < d; p++) {
                    x[i][p] = value(i, p);
                }
            }
            return new Dataset(x, labels.clone(), List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), source);
        }
    }

    /**
     * Reads an image file and its label file into one data set.
     *
     * @param images e.g. {@code mnist/train-images-idx3-ubyte.gz}
     * @param labels e.g. {@code mnist/train-labels-idx1-ubyte.gz}
     * @param limit read at most this many samples (the first ones)
     * @return pixels in [0, 1], one row of rows*cols per image, and labels 0..9
     * @throws UserError for a missing, truncated or wrong-magic file
     */
    public static Dataset read(Path images, Path labels, int limit) {
        return images(images, labels, limit).dataset();
    }

    /**
     * Reads an image file and its label file, keeping the pixels as bytes.
     *
     * @param images e.g. {@code mnist/train-images-idx3-ubyte.gz}
     * @param labels e.g. {@code mnist/train-labels-idx1-ubyte.gz}
     * @param limit read at most this many images (the first ones)
     * @return the images and their labels 0..9
     * @throws UserError for a missing, truncated or wrong-magic file
     */
    public static Images images(Path images, Path labels, int limit) {
        ByteBuffer im = ByteBuffer.wrap(DataFiles.read(images));
        ByteBuffer lb = ByteBuffer.wrap(DataFiles.read(labels));
        int n = header(images, im, IMAGES_MAGIC, 16);
        int rows = im.getInt();
        int cols = im.getInt();
        int nl = header(labels, lb, LABELS_MAGIC, 8);
        if (n != nl) {
            throw new UserError(images + ": holds " + n + " images but " + labels + " holds " + nl
                    + " labels; they must be a matching pair.");
        }
        if (n < 0 || rows < 1 || cols < 1 || (long) rows * cols > MAX_PIXELS) {
            throw new UserError(images + ": malformed IDX header: " + n + " images of " + rows + "x" + cols
                    + " pixels; valid is a count >= 0 and a size of at least 1x1 and at most " + MAX_PIXELS + " pixels.");
        }
        if (nl < 0) {
            throw new UserError(labels + ": malformed IDX header: " + nl + " labels; valid is a count >= 0.");
        }
        int pixels = rows * cols;
        if (im.remaining() < (long) n * pixels) {
            throw new UserError(images + ": truncated: the header promises " + n + " images of " + rows + "x" + cols
                    + " but only " + im.remaining() + " bytes of pixels follow.");
        }
        if (lb.remaining() < n) {
            throw new UserError(labels + ": truncated: the header promises " + n + " labels but only "
                    + lb.remaining() + " bytes follow.");
        }
        int count = Math.max(0, Math.min(n, limit));
        byte[] x = new byte[count * pixels];
        im.get(x);
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            y[i] = lb.get() & 0xff;
            if (y[i] > 9) {
                throw new UserError(labels + ": label " + y[i] + " at item " + i + " out of range; valid labels are 0..9.");
            }
        }
        return new Images(x, y, rows, cols, images.toString());
    }

    private static int header(Path file, ByteBuffer b, int magic, int headerBytes) {
        if (b.remaining() < headerBytes) {
            throw new UserError(file + ": truncated: shorter than the " + headerBytes + "-byte IDX header.");
        }
        int m = b.getInt();
        if (m != magic) {
            throw new UserError(file + ": wrong magic number " + m + "; an IDX "
                    + (magic == IMAGES_MAGIC ? "image" : "label") + " file starts with " + magic + ".");
        }
        return b.getInt();
    }
}
