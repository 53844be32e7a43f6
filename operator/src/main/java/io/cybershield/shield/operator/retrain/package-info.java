/**
 * The ShieldRetrain controller's pure policies: functions of the spec, what the Jobs reported and the time passed
 * in, with no Kubernetes client and no clock of their own, so that each decision is tested without a cluster.
 * <ul>
 *   <li>{@link io.cybershield.shield.operator.retrain.RetrainSchedule}: when runs are due ({@code spec.schedule} in
 *   {@code spec.timeZone}, with CronJob-like missed-schedule and starting-deadline rules).</li>
 *   <li>{@link io.cybershield.shield.operator.retrain.JobResults}: the one JSON object a training or validation Job
 *   writes to its termination message, parsed strictly and described to a person when it is wrong.</li>
 *   <li>{@link io.cybershield.shield.operator.retrain.QualityGate}: whether a validated version may be promoted,
 *   check by check.</li>
 * </ul>
 */
package io.cybershield.shield.operator.retrain;
