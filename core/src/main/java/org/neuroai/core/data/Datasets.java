package org.neuroai.core.data;

import java.util.List;

/**
 * The data sets vendored in {@code data/}, by name. One place knows their files and layouts;
 * every module loads through here.
 */
public final class Datasets {
    private Datasets() {}

    /** Fisher's Iris: 150 x 4, 3 classes. */
    public static Dataset iris() {
        return CsvDatasets.withHeader(DataFiles.resolve("iris.csv"));
    }

    /** Wisconsin diagnostic breast cancer: 569 x 30, 2 classes. */
    public static Dataset breastCancer() {
        return CsvDatasets.withHeader(DataFiles.resolve("breast_cancer.csv"));
    }

    /** Wine cultivars: 178 x 13, 3 classes. */
    public static Dataset wine() {
        return CsvDatasets.withHeader(DataFiles.resolve("wine_data.csv"));
    }

    /** The 8x8 digits: 1797 x 64, grey levels 0..16, 10 classes. */
    public static Dataset digits() {
        return CsvDatasets.headerless(DataFiles.resolve("digits.csv.gz"), 64, 1797,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    /** MNIST training set (the first {@code limit} images), pixels in [0, 1]. */
    public static Dataset mnistTrain(int limit) {
        return mnistTrainImages(limit).dataset();
    }

    /** MNIST test set (the first {@code limit} images), pixels in [0, 1]. */
    public static Dataset mnistTest(int limit) {
        return mnistTestImages(limit).dataset();
    }

    /** MNIST training set (the first {@code limit} images), pixels as stored: one byte each. */
    public static Idx.Images mnistTrainImages(int limit) {
        return Idx.images(DataFiles.resolve("mnist/train-images-idx3-ubyte.gz"),
                DataFiles.resolve("mnist/train-labels-idx1-ubyte.gz"), limit);
    }

    /** MNIST test set (the first {@code limit} images), pixels as stored: one byte each. */
    public static Idx.Images mnistTestImages(int limit) {
        return Idx.images(DataFiles.resolve("mnist/t10k-images-idx3-ubyte.gz"),
                DataFiles.resolve("mnist/t10k-labels-idx1-ubyte.gz"), limit);
    }
}
