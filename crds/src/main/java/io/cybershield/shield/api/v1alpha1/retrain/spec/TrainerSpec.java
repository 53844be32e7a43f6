package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.JsonFieldAccess;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.List;
import java.util.Map;

/** The training Job of a run: fine-tunes the model on the datasets and writes the new version's weights. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonFieldAccess
@JsonPropertyOrder({ "image", "command", "args", "env", "gpu", "resources", "timeout", "placement", "hyperparameters",
    "datasets", "outputUri" })
@SchemaCustomizer(value = ListTypes.class, input = "datasets=map(name)")
@ValidationRule(value = "!has(self.placement) || self.placement.pool != 'private-cloud'"
    + " || !self.datasets.exists(d, d.classification == 'restricted')",
    message = "restricted datasets may only be trained on premises: set placement.pool to onprem")
public record TrainerSpec(
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
        + "Defaults to 72h.")
    String timeout,

    @Default("{}")
    @JsonPropertyDescription("Where the training and validation Jobs run; on premises by default.")
    TrainerPlacement placement,

    @Size(max = 64)
    @JsonPropertyDescription("Hyperparameters passed to the trainer as a JSON object in SHIELD_HYPERPARAMETERS, for "
        + "example learningRate: \"2e-5\", epochs: \"3\", batchSize: \"16\", loraRank: \"16\".")
    Map<String, @Size(max = 256) String> hyperparameters,

    @Required
    @Size(min = 1, max = 16)
    @JsonPropertyDescription("Training datasets, each with a unique name and a data classification; passed to the "
        + "trainer in SHIELD_DATASETS.")
    List<Dataset> datasets,

    @Size(max = ApiValidation.MAX_URI_LENGTH)
    @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
    @JsonPropertyDescription("Where runs write new weights; each run writes <outputUri>/<version> (SHIELD_OUTPUT_URI). "
        + "Defaults to the ShieldModel's spec.model.uri.")
    String outputUri) implements JobSpec {
}
