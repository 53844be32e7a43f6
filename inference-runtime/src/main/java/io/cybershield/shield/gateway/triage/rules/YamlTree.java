package io.cybershield.shield.gateway.triage.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a multi-document YAML file into plain trees (maps, lists, {@link Scalar}s) keeping every scalar's text as
 * written. Jackson's tree model would turn {@code 0x1fffff} into a number and lose the text the rule means
 * (Sysmon's {@code GrantedAccess} is written in hex), so the streaming parser is used and {@code getText()} kept.
 */
final class YamlTree {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  /** A scalar as written; {@code text} is null for YAML's null ({@code null}, {@code ~} or nothing). */
  record Scalar(String text, int line) {
    boolean isNull() {
      return text == null;
    }
  }

  /** One document of a file: its tree and the line it starts on (1-based). */
  record Document(Object tree, int line) {
  }

  /** A duplicate key or broken YAML, with the line it was found on. */
  static final class YamlProblem extends Exception {
    final int line;

    YamlProblem(String message, int line) {
      super(message);
      this.line = line;
    }
  }

  private YamlTree() {
  }

  static List<Document> read(String yaml) throws YamlProblem {
    List<Document> documents = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        int line = parser.currentTokenLocation().getLineNr();
        Object tree = value(parser, token);
        documents.add(new Document(tree, line));
      }
    } catch (IOException broken) {
      int line = -1;
      if (broken instanceof com.fasterxml.jackson.core.JsonProcessingException processing
          && processing.getLocation() != null) {
        line = processing.getLocation().getLineNr();
      }
      throw new YamlProblem("not valid YAML: " + firstLine(broken.getMessage()), line);
    }
    return documents;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException, YamlProblem {
    int line = parser.currentTokenLocation().getLineNr();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = parser.currentTokenLocation().getLineNr();
          Object child = value(parser, parser.nextToken());
          if (map.containsKey(key)) {
            throw new YamlProblem("duplicate key '" + key + "'", keyLine);
          }
          map.put(key, child);
        }
        if (next != JsonToken.END_OBJECT) {
          throw new YamlProblem("unexpected " + next, line);
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (next == null) {
            throw new YamlProblem("unterminated list", line);
          }
          list.add(value(parser, next));
        }
        return list;
      }
      case VALUE_NULL -> {
        return new Scalar(null, line);
      }
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_EMBEDDED_OBJECT -> {
        return new Scalar(parser.getText(), line);
      }
      default -> throw new YamlProblem("unexpected " + token, line);
    }
  }
}
