package org.neuroai.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.core.UserError;

class DataLoadersTest {
    @TempDir
    Path tmp;

    @Test
    void theVendoredDataSetsHaveTheirDocumentedShapes() {
        Dataset iris = Datasets.iris();
        assertEquals(150, iris.size());
        assertEquals(4, iris.features());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertEquals(5.1, iris.inputs()[0][0]);
        Dataset digits = Datasets.digits();
        assertEquals(1797, digits.size());
        assertEquals(64, digits.features());
        assertEquals(16.0, Arrays.stream(digits.inputs()).flatMapToDouble(Arrays::stream).max().orElseThrow());
        assertEquals(569, Datasets.breastCancer().size());
        assertEquals(13, Datasets.wine().features());
    }

    @Test
    void mnistReadsTheIdxHeaderAndScalesPixels() {
        Dataset test = Datasets.mnistTest(100);
        assertEquals(100, test.size());
        assertEquals(784, test.features());
        assertEquals(7, test.labels()[0], "the first MNIST test image is a 7");
        double max = Arrays.stream(test.inputs()).flatMapToDouble(Arrays::stream).max().orElseThrow();
        assertEquals(1.0, max, 1e-12);
    }

    @Test
    void everyFileReadIsLoggedWithItsSha256() {
        Datasets.wine();
        try (DataFiles.Log log = DataFiles.log()) {
            Datasets.iris();
            String sha = log.files().get(DataFiles.resolve("iris.csv").toAbsolutePath().normalize().toString());
            assertEquals("f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449", sha,
                    "must match the checksum published in data/README.md");
            assertEquals(1, log.files().size(), "a log holds only what was read while it was open");
        }
        Datasets.breastCancer();
        assertEquals(true, DataFiles.readSoFar().containsKey(DataFiles.resolve("breast_cancer.csv").toAbsolutePath().normalize().toString()));
    }

    @Test
    void aMissingFileIsOneSentenceNamingIt() {
        Path f = tmp.resolve("nope.csv");
        UserError e = assertThrows(UserError.class, () -> CsvDatasets.withHeader(f));
        assertTrue(e.getMessage().startsWith(f + ": data file not found"), e.getMessage());
    }

    @Test
    void aTruncatedCsvIsReported() throws IOException {
        Path f = tmp.resolve("short.csv");
        Files.writeString(f, "3,2,a,b\n1,2,0\n3,4,1\n");
        UserError e = assertThrows(UserError.class, () -> CsvDatasets.withHeader(f));
        assertTrue(e.getMessage().contains("truncated: the header promises 3 rows but the file has 2"), e.getMessage());
    }

    @Test
    void aMalformedRowNamesItsLine() throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "2,2,a,b\n1,2,0\n3,x,1\n");
        UserError e = assertThrows(UserError.class, () -> CsvDatasets.withHeader(f));
        assertTrue(e.getMessage().startsWith(f + ":3: column 2: 'x' is not a number"), e.getMessage());
        Files.writeString(f, "2,2,a,b\n1,2,0\n3,NaN,1\n");
        e = assertThrows(UserError.class, () -> CsvDatasets.withHeader(f));
        assertTrue(e.getMessage().startsWith(f + ":3: column 2: 'NaN' is not a finite number"), e.getMessage());
        Files.writeString(f, "2,2,a,b\n1,2,0\n3,4,5\n");
        e = assertThrows(UserError.class, () -> CsvDatasets.withHeader(f));
        assertTrue(e.getMessage().contains("label 5 out of range; valid labels are 0..1"), e.getMessage());
    }

    @Test
    void aFileThatIsNotGzipIsReported() throws IOException {
        Path f = tmp.resolve("digits.csv.gz");
        Files.writeString(f, "0,1,2\n");
        UserError e = assertThrows(UserError.class, () -> CsvDatasets.headerless(f, 2, 1, List.of("a", "b")));
        assertTrue(e.getMessage().contains("not a gzip file (wrong magic number)"), e.getMessage());
    }

    @Test
    void aTruncatedGzipIsReported() throws IOException {
        byte[] whole = gzip(new byte[5000]);
        Path f = tmp.resolve("cut.gz");
        Files.write(f, Arrays.copyOf(whole, whole.length / 2));
        UserError e = assertThrows(UserError.class, () -> DataFiles.read(f));
        assertTrue(e.getMessage().contains("truncated or corrupt gzip data"), e.getMessage());
    }

    @Test
    void idxWithTheWrongMagicOrTooFewBytesIsReported() throws IOException {
        Path images = tmp.resolve("images.gz");
        Path labels = tmp.resolve("labels.gz");
        Files.write(labels, gzip(idx(2049, 2, new int[0], new byte[] {1, 2})));
        Files.write(images, gzip(idx(2049, 2, new int[] {2, 2}, new byte[8])));
        UserError e = assertThrows(UserError.class, () -> Idx.read(images, labels, 10));
        assertTrue(e.getMessage().contains("wrong magic number 2049; an IDX image file starts with 2051"), e.getMessage());

        Files.write(images, gzip(idx(2051, 2, new int[] {2, 2}, new byte[5])));
        e = assertThrows(UserError.class, () -> Idx.read(images, labels, 10));
        assertTrue(e.getMessage().contains("truncated: the header promises 2 images of 2x2"), e.getMessage());

        Files.write(images, gzip(idx(2051, 2, new int[] {2, 2}, new byte[] {0, 0, 0, (byte) 255, 1, 2, 3, 4})));
        Dataset ok = Idx.read(images, labels, 10);
        assertEquals(1.0, ok.inputs()[0][3]);
        assertEquals(2, ok.labels()[1]);
    }

    private static byte[] idx(int magic, int count, int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * dims.length + payload.length);
        b.putInt(magic).putInt(count);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(payload);
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(raw);
        }
        return out.toByteArray();
    }
}
