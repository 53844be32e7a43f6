package io.cybershield.shield.operator.reconciler.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** KEDA's ScaledObject, typed only as far as the CRD-presence check and the client need. */
@Group("keda.sh")
@Version("v1alpha1")
@Kind("ScaledObject")
@Plural("scaledobjects")
public class ScaledObject extends GenericKubernetesResource implements Namespaced {
}
