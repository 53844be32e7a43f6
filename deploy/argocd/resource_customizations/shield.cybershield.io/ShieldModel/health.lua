-- Health of a shield.cybershield.io ShieldModel, from the conditions the Shield operator writes
-- (ShieldModelStatusAggregator): Ready, Progressing, Degraded, CapacityAvailable, Surging, Waking, and the kstatus
-- conditions Reconciling and Stalled (abnormal-true: present with status False when all is well) where the operator
-- writes them. The status is kstatus-compatible: status.observedGeneration and a per-condition observedGeneration.
-- Only the base and table libraries are used, so the check runs without resource.customizations.useOpenLibs.
local hs = {}

local function condition(conditions, conditionType)
  for _, c in ipairs(conditions) do
    if c.type == conditionType then
      return c
    end
  end
  return nil
end

-- A condition computed from an older generation of the spec says nothing about the current one.
local function current(c)
  return c.observedGeneration == nil or obj.metadata.generation == nil
      or c.observedGeneration == obj.metadata.generation
end

local function describe(c)
  if c.reason ~= nil and c.reason ~= "" then
    return c.reason .. ": " .. (c.message or "")
  end
  return c.message or ""
end

-- Ready=False reasons that do not go away by waiting: the GPUs are not there, the scheduler refuses the pods, a
-- Deployment gave up (its progressDeadlineSeconds passed), or the operator cannot reconcile the spec.
local failures = {
  InsufficientCapacity = true,
  Unschedulable = true,
  ProgressDeadlineExceeded = true,
  ReconcileError = true,
}

if obj.status == nil or obj.status.conditions == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for status"
  return hs
end

local conditions = obj.status.conditions
local ready = condition(conditions, "Ready")
local progressing = condition(conditions, "Progressing")
local degraded = condition(conditions, "Degraded")
local reconciling = condition(conditions, "Reconciling")
local stalled = condition(conditions, "Stalled")

if stalled ~= nil and stalled.status == "True" and current(stalled) then
  hs.status = "Degraded"
  hs.message = describe(stalled)
  return hs
end

-- A failed reconcile keeps the last status but stamps Ready with the generation it failed on. While the operator
-- retries it says so with Reconciling=True (ReconcileError); once it gives up, Stalled=True (above). An operator
-- without the kstatus conditions gives no such hint: Degraded.
if ready ~= nil and ready.status == "False" and ready.reason == "ReconcileError" and current(ready) then
  if reconciling ~= nil and reconciling.status == "True" and reconciling.reason == "ReconcileError"
      and current(reconciling) then
    hs.status = "Progressing"
  else
    hs.status = "Degraded"
  end
  hs.message = describe(ready)
  return hs
end

local generation = obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and (observed == nil or observed < generation) then
  hs.status = "Progressing"
  if observed == nil then
    hs.message = "Waiting for the operator to observe generation " .. generation
  else
    hs.message = "Waiting for the operator to observe generation " .. generation .. " (the status is of generation "
        .. observed .. ")"
  end
  return hs
end

if ready ~= nil and ready.status == "False" and failures[ready.reason] then
  hs.status = "Degraded"
  hs.message = describe(ready)
  return hs
end

-- A rollout, a scale-up by the HorizontalPodAutoscaler or an incident surge: replicas are coming. Degraded is True
-- for ReplicasUnavailable meanwhile, but the operator is still moving towards the spec.
if progressing ~= nil and progressing.status == "True" then
  hs.status = "Progressing"
  hs.message = progressing.message
  return hs
end
if reconciling ~= nil and reconciling.status == "True" and current(reconciling) then
  hs.status = "Progressing"
  hs.message = describe(reconciling)
  return hs
end

-- Settled and still short of replicas (or of GPUs for them): degraded even while some replicas answer.
if degraded ~= nil and degraded.status == "True" then
  hs.status = "Degraded"
  hs.message = describe(degraded)
  return hs
end

if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = ready.message
  return hs
end

-- DeploymentsMissing, GatewayUnavailable, Progressing: on their way.
if ready ~= nil then
  hs.status = "Progressing"
  hs.message = ready.message
  return hs
end

hs.status = "Progressing"
hs.message = "Waiting for status"
return hs
