package org.neuroai.compare.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.core.UserError;

/** The notebooks' API: the command line's runs and protocols, figures as images, tables; small and quick. */
class NeuroaiTest {
    @TempDir
    Path tmp;

    private String before;

    @BeforeEach
    void outInTemp() {
        before = System.getProperty("neuroai.notebook.out");
        System.setProperty("neuroai.notebook.out", tmp.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("neuroai.notebook.out");
        } else {
            System.setProperty("neuroai.notebook.out", before);
        }
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    @Test
    void aRunGivesTheRunnersFiguresAndFinalValuesAndAChangedSettingChangesTheFigure() throws IOException {
        Settings s = Neuroai.settings().set("steps", 200).set("eval_every", 50);
        Run xor = Neuroai.run("xor", s);
        assertTrue(xor.dir().startsWith(tmp), xor.dir().toString());
        assertTrue(Files.isRegularFile(xor.dir().resolve("provenance.json")), "a whole run of the Runner");
        assertEquals(List.of("learning_curves", "decision_regions"), xor.figures());
        assertEquals(xor.caption("learning_curves"), xor.caption("xor-curves"), "a registered name finds its file");
        // the figures of the run itself, PNG only: drawn at twice the nominal size
        BufferedImage curves = xor.show("xor-curves");
        assertTrue(curves.getWidth() > 600 && curves.getHeight() > 300, curves.getWidth() + "x" + curves.getHeight());
        assertFalse(Files.exists(xor.dir().resolve("xor_curves.svg")));
        // supervised Hebb on XOR grows its weights along E[t x], the mean of the class-1 inputs,
        // and answers 1 on every corner: half of the four right
        assertEquals(0.5, xor.value("mean", "hebb", "accuracy"), 1e-12);
        assertEquals(List.of("learner", "metric", "mean", "min", "max", "seeds", "step"), xor.table().header());
        assertTrue(xor.table().html().startsWith("<table>"));

        // the same call again replaces its folder; another learning rate draws another figure
        Run again = Neuroai.run("xor", s);
        assertEquals(xor.dir(), again.dir());
        assertArrayEquals(png(curves), png(again.show("xor-curves")));
        Run other = Neuroai.run("xor", s.set("delta.eta", 0.2));
        assertFalse(other.dir().equals(xor.dir()));
        assertFalse(java.util.Arrays.equals(png(curves), png(other.show("xor-curves"))), "the figure changes with delta.eta");
    }

    @Test
    void aProtocolGivesItsRowsAndItsChart() {
        Run stp = Neuroai.protocol("stp-train", "--preset", "tpm98-depressing", "--spikes", "5", "--frequency", "20");
        assertEquals(List.of("stp-train"), stp.figures());
        assertTrue(stp.show().getWidth() > 0);
        List<String> response = stp.table().column("response");
        assertEquals(5, response.size());
        // Tsodyks & Markram: a rested synapse's first response is A U R = U (A = 1, R = 1); U = 0.5 in this preset
        assertEquals(0.5, Double.parseDouble(response.get(0)), 1e-9);
        // and with τ_rec = 800 ms it cannot recover in 50 ms: every response is smaller than the one before
        for (int i = 1; i < response.size(); i++) {
            assertTrue(Double.parseDouble(response.get(i)) < Double.parseDouble(response.get(i - 1)), response.toString());
        }
    }

    @Test
    void mistakesAreTheCommandLinesOneSentence() {
        UserError setting = assertThrows(UserError.class, () -> Neuroai.run("xor", Neuroai.settings().set("no.such", 1)));
        assertTrue(setting.getMessage().contains("no.such"), setting.getMessage());
        UserError protocol = assertThrows(UserError.class, () -> Neuroai.protocol("no-such-protocol"));
        assertTrue(protocol.getMessage().contains("stp-train") && !protocol.getMessage().startsWith("neuroai:"), protocol.getMessage());
        Run stp = Neuroai.protocol("stp-train", "--spikes", "2");
        UserError figure = assertThrows(UserError.class, () -> stp.show("nope"));
        assertTrue(figure.getMessage().contains("stp-train"), figure.getMessage());
    }

    @Test
    void aTableAlignsItsColumnsAndEscapesHtml() {
        Table t = new Table(List.of("a", "long name"), List.of(List.of("x<y", "1"), List.of("zz", "22")));
        assertEquals("a    long name\nx<y  1\nzz   22", t.toString());
        assertTrue(t.html().contains("<td>x&lt;y</td>"), t.html());
        assertEquals(List.of("22"), t.where("a", "zz").column("long name"));
        assertThrows(IllegalArgumentException.class, () -> t.column("b"));
    }
}
