package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The answer of {@code GET /models}: {@code {"models": [...], "nextPageToken": ...}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelList(
    @JsonProperty("models") List<ModelSummary> models,
    @JsonProperty("nextPageToken") String nextPageToken) {

  public ModelList {
    models = models == null ? List.of() : List.copyOf(models);
  }
}
