package com.warroom.slo;

import java.util.Map;
import java.util.TreeMap;

/**
 * One CloudWatch metric an SLI counts from, as a burn-rate alarm asks for it: namespace, name, dimensions and the
 * statistic as CloudWatch spells it ({@code Sum}, {@code SampleCount}, {@code TC(:1000)}). For the API's metrics the
 * dimensions {@code ApiId} and {@code Stage} are the deployment's and not named here; {@code Route} is.
 */
public record SliMetric(String namespace, String metricName, Map<String, String> dimensions, String statistic) {

    public SliMetric {
        dimensions = new TreeMap<>(dimensions);
    }
}
