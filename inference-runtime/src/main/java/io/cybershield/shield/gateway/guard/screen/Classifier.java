package io.cybershield.shield.gateway.guard.screen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small logistic-regression classifier over hashed features of the screener's views (the folded text and its
 * deobfuscated and decoded readings, so obfuscation is undone before the features are taken): word unigrams and
 * bigrams and character 3- to 5-grams, each present-or-not, the vector scaled to unit length. It is trained at
 * start-up, deterministically (fixed order, fixed seed, fixed epochs), from Shield's own labelled corpora shipped in
 * {@code guard/screen/classifier-training.jsonl}; then immutable and thread-safe.
 *
 * <p>It can only <em>flag</em>: the {@link Screener} raises an allow to a flag when the classifier's probability is
 * at least {@link #FLAG_PROBABILITY}; blocking stays with the rules. The threshold was chosen by leave-one-set-out
 * cross-validation over the training sets (see docs/guard-screening.md and {@code ScreenClassifierTest}).
 */
public final class Classifier {

  /** At and above this probability an otherwise allowed text is flagged. */
  public static final double FLAG_PROBABILITY = 0.5;
  /**
   * A text with fewer words than this (a Chinese or Japanese character counts as a word) is never flagged by the
   * classifier: "ok", "continue", "tell me more" carry too little evidence, and on so few features the probability
   * sits near the prior.
   */
  static final int MIN_WORDS = 4;
  static final String TRAINING_RESOURCE = "/guard/screen/classifier-training.jsonl";
  static final int BITS = 18;
  static final int DIMENSIONS = 1 << BITS;
  /** At most this many characters of all the views together are turned into features (bounded cost). */
  static final int MAX_FEATURE_CHARS = 48 * 1024;
  static final int EPOCHS = 12;
  static final double LEARNING_RATE = 0.4;
  static final double L2 = 1e-6;
  static final long SEED = 20261203L;

  private static final long WORD = 0x9E3779B97F4A7C15L;
  private static final long BIGRAM = 0xC2B2AE3D27D4EB4FL;
  private static final long CHARS = 0x165667B19E3779F9L;

  private final float[] weights;
  private final double bias;

  private Classifier(float[] weights, double bias) {
    this.weights = weights;
    this.bias = bias;
  }

  /** One labelled text. */
  record Example(String text, boolean attack, String set) {
  }

  private static final class Holder {
    static final Classifier DEFAULT = train(load(TRAINING_RESOURCE));
  }

  /** The classifier trained on the shipped corpora (trained once, on first use). */
  public static Classifier shared() {
    return Holder.DEFAULT;
  }

  static List<Example> load(String resource) {
    ObjectMapper json = new ObjectMapper();
    List<Example> examples = new ArrayList<>();
    try (InputStream in = Classifier.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode record = json.readTree(line);
          examples.add(new Example(record.get("text").asText(), "attack".equals(record.get("label").asText()),
              record.path("set").asText("")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return examples;
  }

  /** Trains on the examples: SGD on the log loss, classes weighted to balance, a fixed shuffle per epoch. */
  static Classifier train(List<Example> examples) {
    int n = examples.size();
    int[][] features = new int[n][];
    double[] labels = new double[n];
    int attacks = 0;
    for (int i = 0; i < n; i++) {
      Example example = examples.get(i);
      features[i] = features(Screener.featureViews(example.text()));
      labels[i] = example.attack() ? 1 : 0;
      attacks += example.attack() ? 1 : 0;
    }
    double attackWeight = attacks == 0 ? 1 : n / (2.0 * attacks);
    double benignWeight = attacks == n ? 1 : n / (2.0 * (n - attacks));
    float[] w = new float[DIMENSIONS];
    double b = 0;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(SEED);
    long step = 0;
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Integer t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int k = 0; k < n; k++) {
        int i = order[k];
        int[] x = features[i];
        double value = x.length == 0 ? 0 : 1 / Math.sqrt(x.length);
        double z = b;
        for (int f : x) {
          z += w[f] * value;
        }
        double p = sigmoid(z);
        double rate = LEARNING_RATE / (1 + step++ * 1e-4);
        double g = (p - labels[i]) * (labels[i] > 0 ? attackWeight : benignWeight);
        for (int f : x) {
          w[f] -= (float) (rate * (g * value + L2 * w[f]));
        }
        b -= rate * g * 0.1;
      }
    }
    return new Classifier(w, b);
  }

  /** The probability that the text (given as the screener's feature views) is an attack. */
  double probability(List<String> views) {
    int[] x = features(views);
    if (x.length == 0) {
      return sigmoid(bias);
    }
    double value = 1 / Math.sqrt(x.length);
    double z = bias;
    for (int f : x) {
      z += weights[f] * value;
    }
    return sigmoid(z);
  }

  /** Whether the (folded) text holds at least {@link #MIN_WORDS} words, each CJK character counted as one. */
  static boolean enoughText(String folded) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < folded.length() && words < MIN_WORDS; i++) {
      char c = folded.charAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
        words++;
        inWord = false;
      } else if (Character.isLetterOrDigit(c)) {
        words += inWord ? 0 : 1;
        inWord = true;
      } else {
        inWord = false;
      }
    }
    return words >= MIN_WORDS;
  }

  /** The probability for a raw text (its views taken as the screener takes them). */
  public double probability(String text) {
    return probability(Screener.featureViews(text));
  }

  /** The words and word pairs of the views that weigh most towards an attack, for the reason's excerpt. */
  String topWords(List<String> views, int count) {
    Map<String, Float> scored = new LinkedHashMap<>();
    int budget = MAX_FEATURE_CHARS;
    for (String view : views) {
      String text = view.length() > budget ? view.substring(0, budget) : view;
      budget -= text.length();
      List<String> words = words(text);
      for (int i = 0; i < words.size() && scored.size() < 4096; i++) {
        scored.putIfAbsent(words.get(i), weights[bucket(hash(WORD, words.get(i)))]);
        if (i > 0) {
          String pair = words.get(i - 1) + " " + words.get(i);
          scored.putIfAbsent(pair, weights[bucket(hash(hash(BIGRAM, words.get(i - 1)), words.get(i)))]);
        }
      }
      if (budget <= 0) {
        break;
      }
    }
    return scored.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder())).limit(count)
        .map(Map.Entry::getKey).reduce((a, c) -> a + ", " + c).orElse("");
  }

  /** The sorted, distinct feature buckets of the views (at most {@link #MAX_FEATURE_CHARS} characters in all). */
  static int[] features(List<String> views) {
    int[] out = new int[256];
    int size = 0;
    int budget = MAX_FEATURE_CHARS;
    for (String view : views) {
      if (budget <= 0) {
        break;
      }
      String text = view.length() > budget ? view.substring(0, budget) : view;
      budget -= text.length();
      List<String> words = words(text);
      int needed = size + words.size() * 2 + (text.length() + 2) * 3;
      if (needed > out.length) {
        out = Arrays.copyOf(out, Math.max(needed, out.length * 2));
      }
      long previous = 0;
      for (int i = 0; i < words.size(); i++) {
        out[size++] = bucket(hash(WORD, words.get(i)));
        if (i > 0) {
          out[size++] = bucket(hash(hash(BIGRAM, words.get(i - 1)), words.get(i)));
        }
      }
      // character 3- to 5-grams of the text padded with a space either side
      int length = text.length() + 2;
      for (int i = 0; i < length; i++) {
        long h = CHARS;
        for (int j = i; j < Math.min(length, i + 5); j++) {
          char c = j == 0 || j == length - 1 ? ' ' : text.charAt(j - 1);
          h = mix(h, c);
          if (j - i >= 2) {
            out[size++] = bucket(h ^ (j - i));
          }
        }
      }
    }
    int[] sorted = Arrays.copyOf(out, size);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  /** Runs of letters and digits. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean part = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      }
    }
    return words;
  }

  private static long hash(long seed, String s) {
    long h = seed;
    for (int i = 0; i < s.length(); i++) {
      h = mix(h, s.charAt(i));
    }
    return h;
  }

  private static long mix(long h, char c) {
    h ^= c;
    h *= 0x100000001B3L;
    return h ^ (h >>> 29);
  }

  private static int bucket(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return (int) (h & (DIMENSIONS - 1));
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
