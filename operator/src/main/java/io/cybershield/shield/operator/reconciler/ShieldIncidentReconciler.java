package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.incident.IncidentPhase;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncidentStatus;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncidentStatusBuilder;
import io.cybershield.shield.api.v1alpha1.incident.SurgedModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;
import io.cybershield.shield.operator.events.ModelEvents;
import io.cybershield.shield.operator.status.Conditions;
import io.cybershield.shield.operator.status.StatusDiff;
import io.cybershield.shield.operator.surge.IncidentLifecycle;
import io.cybershield.shield.operator.surge.IncidentState;
import io.cybershield.shield.operator.surge.IncidentSelection;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Keeps a ShieldIncident's status honest: its phase (Active until resolved or expired), when it ends, and which
 * models it surged with what floor and shortfall (read from those models' status, which the ShieldModel reconciler
 * writes). The surge itself is the ShieldModel reconciler's work; this one only reports it.
 */
@ControllerConfiguration(name = ShieldIncidentReconciler.NAME)
public class ShieldIncidentReconciler implements Reconciler<ShieldIncident> {

  public static final String NAME = "shieldincident";
  private static final String MODELS = "models";

  private final Clock clock;
  private final ModelEvents events;
  /** The controller's incident cache, once JOSDK has made it: what {@code shield_incidents_active} counts. */
  private volatile IndexedResourceCache<ShieldIncident> incidents;

  @Inject
  public ShieldIncidentReconciler(MeterRegistry registry, Clock clock) {
    this.clock = clock;
    this.events = new ModelEvents(clock);
    Gauge.builder("shield_incidents_active", this, ShieldIncidentReconciler::active)
        .description("ShieldIncidents currently active").register(registry);
  }

  /** The incidents that exist and are active now: a deleted one leaves the cache, so it is never counted. */
  private double active() {
    IndexedResourceCache<ShieldIncident> cache = incidents;
    Instant now = clock.instant();
    return cache == null ? 0 : cache.list()
        .filter(incident -> IncidentLifecycle.state(incident, now).phase() == IncidentState.Phase.ACTIVE).count();
  }

  @Override
  public List<EventSource<?, ShieldIncident>> prepareEventSources(EventSourceContext<ShieldIncident> context) {
    incidents = context.getPrimaryCache();
    // a model's surge status changing updates the incidents that select it
    InformerEventSource<ShieldModel, ShieldIncident> models = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ShieldModel.class, ShieldIncident.class).withName(MODELS)
            .withSecondaryToPrimaryMapper(model -> context.getPrimaryCache().list()
                .filter(incident -> IncidentSelection.selects(incident, model))
                .map(ResourceID::fromResource).collect(Collectors.toSet())).build(), context);
    return List.of(models);
  }

  @Override
  @SuppressWarnings("unchecked")
  public UpdateControl<ShieldIncident> reconcile(ShieldIncident incident, Context<ShieldIncident> context) {
    Instant now = clock.instant();
    IncidentState state = IncidentLifecycle.state(incident, now);
    ShieldIncidentStatus before = incident.getStatus();
    ShieldIncidentStatusBuilder next = new ShieldIncidentStatusBuilder();
    next.withObservedGeneration(incident.getMetadata().getGeneration());
    next.withPhase(switch (state.phase()) {
      case ACTIVE -> IncidentPhase.Active;
      case RESOLVED -> IncidentPhase.Resolved;
      case EXPIRED -> IncidentPhase.Expired;
    });
    if (state.expiry() != null) {
      next.withExpiryTime(state.expiry().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    if (state.phase() != IncidentState.Phase.ACTIVE) {
      // the end is recorded once, so cooldowns measured from it survive operator restarts
      String recorded = before == null ? null : before.endTime();
      next.withEndTime(recorded != null ? recorded : state.endedAt().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    List<SurgedModel> surged = new ArrayList<>();
    InformerEventSource<ShieldModel, ShieldIncident> models = (InformerEventSource<ShieldModel, ShieldIncident>)
        context.eventSourceRetriever().getEventSourceFor(ShieldModel.class, MODELS);
    models.list().filter(model -> IncidentSelection.selects(incident, model)).sorted(
        (a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName())).forEach(model -> {
          ActiveIncident entry = model.getStatus() == null || model.getStatus().activeIncidents() == null ? null
              : model.getStatus().activeIncidents().stream()
                  .filter(a -> incident.getMetadata().getName().equals(a.name())).findFirst().orElse(null);
          if (entry == null) {
            return;
          }
          var surge = model.getStatus().surge();
          surged.add(new SurgedModel(model.getMetadata().getName(), entry.floor(),
              surge == null ? null : surge.floor(), surge == null ? null : surge.shortfall()));
        });
    next.withModels(surged.isEmpty() ? null : surged);
    String message = switch (state.phase()) {
      case ACTIVE -> surged.isEmpty() ? "incident active; no selected model surges for severity "
          + incident.getSpec().severity() : "incident active; surging " + surged.stream()
          .map(m -> m.name() + " to " + m.floor()
              + (m.shortfall() != null && m.shortfall() > 0 ? " (short " + m.shortfall() + ")" : ""))
          .collect(Collectors.joining(", "));
      case RESOLVED -> "incident resolved at " + next.getEndTime();
      case EXPIRED -> "incident expired at " + next.getEndTime();
    };
    ShieldIncidentStatus after = next.withConditions(new Conditions(before == null ? null : before.conditions(), clock,
        incident.getMetadata().getGeneration())
        .set("Active", state.phase() == IncidentState.Phase.ACTIVE ? ConditionStatus.TRUE : ConditionStatus.FALSE,
            next.getPhase() == IncidentPhase.Active ? "IncidentActive"
                : state.phase() == IncidentState.Phase.RESOLVED ? "IncidentResolved" : "IncidentExpired", message)
        .toList()).build();
    UpdateControl<ShieldIncident> control = UpdateControl.noUpdate();
    if (StatusDiff.changed(before, after)) {
      ShieldIncident patch = new ShieldIncident();
      patch.setMetadata(new ObjectMetaBuilder().withName(incident.getMetadata().getName())
          .withNamespace(incident.getMetadata().getNamespace()).build());
      patch.setStatus(after);
      context.resourceOperations().serverSideApplyPrimaryStatus(patch);
      // only once the status that reports it is written, so a failed write does not repeat it
      if (before == null || !Objects.equals(before.phase(), after.phase())) {
        events.publish(context.getClient(), incident, "Normal", "Incident" + after.phase(), message);
      }
    }
    if (state.phase() == IncidentState.Phase.ACTIVE && state.expiry() != null) {
      control.rescheduleAfter(Duration.ofMillis(Math.max(100, Duration.between(now, state.expiry()).toMillis()
          + 50)));
    }
    return control;
  }
}
