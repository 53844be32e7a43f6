package io.cybershield.shield.gateway.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text exposition, for the tests to read the values they assert. */
final class PrometheusText {

  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One sample: its name, labels and value. */
  record Sample(String name, Map<String, String> labels, double value) {
  }

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = samples;
  }

  static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int end = line.lastIndexOf('}');
      String name;
      Map<String, String> labels = new LinkedHashMap<>();
      String rest;
      if (brace >= 0 && end > brace) {
        name = line.substring(0, brace);
        Matcher label = LABEL.matcher(line.substring(brace + 1, end));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
        rest = line.substring(end + 1).trim();
      } else {
        int space = line.indexOf(' ');
        name = line.substring(0, space);
        rest = line.substring(space + 1).trim();
      }
      String value = rest.split(" ")[0];
      samples.add(new Sample(name, labels, Double.parseDouble(value)));
    }
    return new PrometheusText(samples);
  }

  /** The samples of this name whose labels include all of {@code labels}. */
  List<Sample> find(String name, Map<String, String> labels) {
    return samples.stream().filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
  }

  /** The value of the one sample of this name with these labels (among others); 0 when there is none. */
  double value(String name, Map<String, String> labels) {
    List<Sample> found = find(name, labels);
    if (found.size() > 1) {
      throw new AssertionError("more than one sample " + name + labels + ": " + found);
    }
    return found.isEmpty() ? 0 : found.get(0).value();
  }
}
