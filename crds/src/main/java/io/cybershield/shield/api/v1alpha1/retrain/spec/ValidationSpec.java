package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.List;

/**
 * The validation Job of a run and the quality gate it must pass: the evaluator reports precision, recall, F1 and,
 * with a red-team suite, the attack success rate; a version that misses any threshold is never served.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "image", "command", "args", "env", "gpu", "resources", "timeout", "dataset", "thresholds",
    "redTeam" })
public record ValidationSpec(
    @Required
    @Size(min = 1, max = 512)
    @JsonPropertyDescription("Container image of the Job. The container reports its result as one JSON object in its "
        + "termination message (/dev/termination-log).")
    String image,

    @Size(max = 32)
    @JsonPropertyDescription("Entrypoint of the container; the image's ENTRYPOINT when omitted.")
    List<@Size(max = 1024) String> command,

    @Size(max = 64)
    @JsonPropertyDescription("Arguments to the entrypoint; the image's CMD when omitted.")
    List<@Size(max = 1024) String> args,

    @Size(max = 64)
    @JsonPropertyDescription("Extra environment of the container. The operator also sets SHIELD_RUN and the "
        + "SHIELD_* variables that describe the Job's inputs (datasets, hyperparameters, model URI and version).")
    List<EnvVar> env,

    @JsonPropertyDescription("GPUs of the Job's pod. Omit to run on CPUs.")
    GpuRequest gpu,

    @JsonPropertyDescription("CPU and memory requests and limits of the container. The GPU limit comes from gpu.")
    ResourceRequirements resources,

    @Size(max = 32)
    @Pattern(ApiValidation.DURATION)
    @JsonPropertyDescription("Longest the Job may run (its activeDeadlineSeconds), as a Go duration such as 36h. "
        + "Defaults to 12h.")
    String timeout,

    @Required
    @JsonPropertyDescription("The held-out dataset the new version is evaluated on.")
    EvaluationDataset dataset,

    @Default("{}")
    @JsonPropertyDescription("Lowest precision, recall and F1 a new version needs. Precision defaults to 0.90.")
    Thresholds thresholds,

    @JsonPropertyDescription("An optional red-team suite and the highest attack success rate allowed.")
    RedTeam redTeam) implements JobSpec {
}
