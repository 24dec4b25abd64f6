package io.gendict.cli.plot;

import io.gendict.core.eval.Quantizer;
import io.gendict.core.experiment.ExperimentResult;
import io.gendict.core.experiment.ExperimentSettings;
import io.gendict.core.experiment.ReferenceLine;
import io.gendict.core.experiment.ResultRow;
import io.gendict.core.experiment.SampleErrors;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class PlotTest {

    @Test
    void errorCurveIsAPngOfTheDeclaredSize() throws Exception {
        ExperimentSettings s = new ExperimentSettings("toy", List.of("fast", "ksvd"), 2, 3, 30, 1, 30,
                Quantizer.parse("digits:4"), 1, 1);
        List<ResultRow> rows = new ArrayList<>();
        List<SampleErrors> finals = new ArrayList<>();
        List<SampleErrors> references = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            for (String m : s.methods()) {
                for (int b = 0; b < 3; b++) {
                    rows.add(new ResultRow(m, t, b, 30L * (b + 1), 10.0 / (b + 1) + t, 0.3, 0.01));
                }
                finals.add(new SampleErrors(m, t, new double[] {10.0 / 3 + t}));
            }
            references.add(new SampleErrors(ReferenceLine.NOISY_INPUT.key(), t, new double[] {0.3}));
            references.add(new SampleErrors(ReferenceLine.TRUE_LATENTS.key(), t, new double[] {0.01 + t}));
        }
        byte[] png = ErrorCurvePlot.render(new ExperimentResult(s, rows, finals, references));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(ErrorCurvePlot.WIDTH, img.getWidth());
        assertEquals(ErrorCurvePlot.HEIGHT, img.getHeight());
    }

    @Test
    void reconstructionGridHasOneCellPerSampleAndColumn() throws Exception {
        Map<String, DMatrixRMaj> cols = new LinkedHashMap<>();
        DMatrixRMaj white = new DMatrixRMaj(2, 16);
        white.fill(1.0);
        cols.put("clean", white);
        cols.put("noisy", new DMatrixRMaj(2, 16));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(ReconstructionGrid.render(cols)));
        int cellWidth = 90;
        assertEquals(2 * (cellWidth + ReconstructionGrid.GAP) + ReconstructionGrid.GAP, img.getWidth());
        assertEquals(ReconstructionGrid.HEADER + 2 * (4 * ReconstructionGrid.SCALE + ReconstructionGrid.GAP)
                + ReconstructionGrid.GAP, img.getHeight());
        int y = ReconstructionGrid.HEADER + 1;
        int blackInNoisy = img.getRGB(ReconstructionGrid.GAP + cellWidth + ReconstructionGrid.GAP + 1, y) & 0xFFFFFF;
        assertEquals(0, blackInNoisy);
        assertNotEquals(0, img.getRGB(ReconstructionGrid.GAP + 1, y) & 0xFFFFFF);
    }
}
