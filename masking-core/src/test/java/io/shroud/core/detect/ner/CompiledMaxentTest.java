package io.shroud.core.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.GenericModelReader;
import org.junit.jupiter.api.Test;

/** The compiled model finds every feature of the model, and no other, through its filter and table. */
class CompiledMaxentTest {
  @Test
  void findsEveryFeatureOfTheModelAndNothingElse() throws IOException {
    byte[] bytes = CompiledMaxent.entries(NerModels.POS_MODEL).get("pos.model");
    AbstractModel model = (AbstractModel) new GenericModelReader(
        new BinaryFileDataReader(new ByteArrayInputStream(bytes))).getModel();
    CompiledMaxent compiled = new CompiledMaxent(model);
    @SuppressWarnings("unchecked")
    Map<String, Context> features = (Map<String, Context>) model.getDataStructures()[1];
    Set<Integer> indices = new HashSet<>();
    double[] sum = new double[compiled.outcomeCount()];
    for (Map.Entry<String, Context> feature : features.entrySet()) {
      int index = compiled.lookup(feature.getKey());
      assertThat(index).as(feature.getKey()).isNotNegative();
      indices.add(index);
      Arrays.fill(sum, 0.0);
      compiled.add(sum, index);
      int[] outcomes = feature.getValue().getOutcomes();
      double[] weights = feature.getValue().getParameters();
      for (int k = 0; k < outcomes.length; k++) {
        assertThat(sum[outcomes[k]]).as(feature.getKey()).isEqualTo(weights[k]);
      }
    }
    assertThat(indices).hasSameSizeAs(features.keySet());

    SplittableRandom random = new SplittableRandom(3L);
    for (int i = 0; i < 200_000; i++) {
      String unknown = "w=" + Long.toString(random.nextLong(), 36);
      assertThat(features).doesNotContainKey(unknown);
      assertThat(compiled.lookup(unknown)).as(unknown).isEqualTo(-1);
    }
  }
}
