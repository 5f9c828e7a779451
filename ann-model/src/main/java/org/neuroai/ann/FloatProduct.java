package org.neuroai.ann;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Products of row-major float arrays by ND4J's BLAS (sgemm), for code that keeps its matrices in
 * plain Java arrays and has one large product to do, such as the currents of a layer of
 * {@code org.neuroai.bio.network.CompetingLayer}.
 *
 * <p>Each call copies its operands into native buffers kept from earlier calls of the same shape
 * and copies the result back, so nothing is allocated once the shapes have been seen. The copies
 * are linear in the operands while the product grows with rows x inner x columns, so this pays off
 * for large products only; ND4J's overhead of tens of microseconds per operation makes plain Java
 * loops faster for small ones. Not thread-safe: give each thread its own.
 */
public final class FloatProduct {
    private final Map<List<Integer>, INDArray[]> buffers = new HashMap<>();

    /**
     * out = a · b.
     *
     * @param a row-major rows x inner (only the first rows x inner elements are read)
     * @param rows rows of a
     * @param b row-major inner x columns (only the first inner x columns elements are read)
     * @param inner columns of a, rows of b
     * @param columns columns of b
     * @param out row-major rows x columns; overwritten
     */
    public void multiply(float[] a, int rows, float[] b, int inner, int columns, float[] out) {
        INDArray[] m = buffers.computeIfAbsent(List.of(rows, inner, columns), k -> new INDArray[] {
            Nd4j.create(DataType.FLOAT, rows, inner), Nd4j.create(DataType.FLOAT, inner, columns),
            Nd4j.create(DataType.FLOAT, rows, columns)});
        ((FloatIndexer) m[0].data().indexer()).put(0, a, 0, rows * inner);
        ((FloatIndexer) m[1].data().indexer()).put(0, b, 0, inner * columns);
        Nd4j.gemm(m[0], m[1], m[2], false, false, 1.0, 0.0);
        ((FloatIndexer) m[2].data().indexer()).get(0, out, 0, rows * columns);
    }
}
