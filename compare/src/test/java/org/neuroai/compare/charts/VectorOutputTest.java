package org.neuroai.compare.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import java.awt.Font;
import java.awt.geom.Line2D;
import org.junit.jupiter.api.Test;

/** What the SVG and PDF writers are spared: unused font changes, and a series' segments one by one. */
class VectorOutputTest {
    private static final String A = "fill:none;stroke:rgb(0,114,178);";
    private static final String B = "fill:none;stroke:rgb(213,94,0);";

    private static String line(String style, String x1, String y1, String x2, String y2) {
        return "<line style=\"" + style + "\" x1=\"" + x1 + "\" x2=\"" + x2 + "\" y1=\"" + y1 + "\" y2=\"" + y2 + "\"/>";
    }

    @Test
    void contiguousSegmentsOfOneStyleBecomeOnePath() {
        String svg = "<g>\n  " + line(A, "0", "0", "1", "2") + "\n  " + line(A, "1", "2", "3", "1") + "\n  " + line(A, "3", "1", "4", "4")
                + "\n</g>";
        assertEquals("<g>\n  <path style=\"" + A + "\" d=\"M0,0 L1,2 L3,1 L4,4\"/>\n</g>", PanelFigure.joinLines(svg));
    }

    @Test
    void aGapAChangeOfStyleOrAnotherElementEndsTheRun() {
        String gap = line(A, "0", "0", "1", "1") + line(A, "2", "2", "3", "3");
        assertEquals(gap, PanelFigure.joinLines(gap));
        String styles = line(A, "0", "0", "1", "1") + line(B, "1", "1", "2", "2");
        assertEquals(styles, PanelFigure.joinLines(styles));
        String between = line(A, "0", "0", "1", "1") + "<rect/>" + line(A, "1", "1", "2", "2");
        assertEquals(between, PanelFigure.joinLines(between));
        // two runs side by side, each joined on its own
        String two = line(A, "0", "0", "1", "1") + line(A, "1", "1", "2", "2") + line(B, "5", "5", "6", "6") + line(B, "6", "6", "7", "7");
        assertEquals("<path style=\"" + A + "\" d=\"M0,0 L1,1 L2,2\"/><path style=\"" + B + "\" d=\"M5,5 L6,6 L7,7\"/>",
                PanelFigure.joinLines(two));
    }

    @Test
    void fontChangesGoOnlyWhenNoStringIsDrawnAsText() {
        VectorGraphics2D outlines = new VectorGraphics2D();
        outlines.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        outlines.draw(new Line2D.Double(0, 0, 1, 1));
        outlines.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        CommandSequence kept = PanelFigure.withoutUnusedFonts(outlines.getCommands());
        int fonts = 0;
        int all = 0;
        for (Command<?> c : kept) {
            all++;
            fonts += c instanceof SetFontCommand ? 1 : 0;
        }
        int before = 0;
        for (Command<?> c : outlines.getCommands()) {
            before++;
        }
        assertEquals(0, fonts);
        assertEquals(before - 2, all);

        VectorGraphics2D text = new VectorGraphics2D();
        text.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        text.drawString("x", 0, 0);
        assertSame(text.getCommands(), PanelFigure.withoutUnusedFonts(text.getCommands()));
    }
}
