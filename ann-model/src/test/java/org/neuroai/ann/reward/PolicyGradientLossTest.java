package org.neuroai.ann.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The policy-gradient loss: −A log π(a), with the gradient A (π − onehot(a)), checked against the formula and finite differences. */
class PolicyGradientLossTest {
    @Test
    void itsGradientIsTheAdvantageTimesPolicyMinusAction() {
        double[][] z = {{0.3, -1.2, 2.0}, {0.0, 0.5, -0.5}};
        double[][] labels = {{0, 1.7, 0}, {-0.8, 0, 0}};
        INDArray pre = Nd4j.create(z).castTo(DataType.DOUBLE);
        INDArray lab = Nd4j.create(labels).castTo(DataType.DOUBLE);
        PolicyGradientLoss loss = new PolicyGradientLoss();
        double[][] g = loss.computeGradient(lab, pre, new ActivationIdentity(), null).toDoubleMatrix();
        double score = loss.computeScore(lab, pre, new ActivationIdentity(), null, false);
        double want = 0;
        for (int r = 0; r < 2; r++) {
            double norm = 0;
            for (double v : z[r]) {
                norm += Math.exp(v);
            }
            double a = 0;
            int action = -1;
            for (int c = 0; c < 3; c++) {
                if (labels[r][c] != 0) {
                    a = labels[r][c];
                    action = c;
                }
            }
            want += -a * (z[r][action] - Math.log(norm));
            for (int c = 0; c < 3; c++) {
                double pi = Math.exp(z[r][c]) / norm;
                assertEquals(a * (pi - (c == action ? 1 : 0)), g[r][c], 1e-9, "row " + r + ", output " + c);
                // finite difference of the score
                double h = 1e-6;
                INDArray up = pre.dup();
                up.putScalar(r, c, z[r][c] + h);
                INDArray down = pre.dup();
                down.putScalar(r, c, z[r][c] - h);
                double fd = (loss.computeScore(lab, up, new ActivationIdentity(), null, false)
                        - loss.computeScore(lab, down, new ActivationIdentity(), null, false)) / (2 * h);
                assertEquals(fd, g[r][c], 1e-6, "finite difference, row " + r + ", output " + c);
            }
        }
        assertEquals(want, score, 1e-9);
    }

    @Test
    void theEntropyBonusAddsItsOwnGradient() {
        INDArray pre = Nd4j.create(new double[][] {{0.3, -1.2, 2.0}, {4.0, 0.5, -0.5}}).castTo(DataType.DOUBLE);
        INDArray lab = Nd4j.create(new double[][] {{0, 1.7, 0}, {-0.8, 0, 0}}).castTo(DataType.DOUBLE);
        PolicyGradientLoss loss = new PolicyGradientLoss(0.3);
        double[][] g = loss.computeGradient(lab, pre, new ActivationIdentity(), null).toDoubleMatrix();
        double h = 1e-6;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                INDArray up = pre.dup();
                up.putScalar(r, c, pre.getDouble(r, c) + h);
                INDArray down = pre.dup();
                down.putScalar(r, c, pre.getDouble(r, c) - h);
                double fd = (loss.computeScore(lab, up, new ActivationIdentity(), null, false)
                        - loss.computeScore(lab, down, new ActivationIdentity(), null, false)) / (2 * h);
                assertEquals(fd, g[r][c], 1e-6, "row " + r + ", output " + c);
            }
        }
        // with no advantage at all, the bonus alone pushes towards the uniform policy: the largest logit down
        double[][] only = loss.computeGradient(Nd4j.zeros(DataType.DOUBLE, 2, 3), pre, new ActivationIdentity(), null).toDoubleMatrix();
        assertEquals(1, Math.signum(only[1][0]), 0.0, "descending the loss lowers the most likely action's logit");
    }
}
