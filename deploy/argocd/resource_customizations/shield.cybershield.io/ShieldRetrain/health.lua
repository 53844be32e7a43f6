-- Health of a shield.cybershield.io ShieldRetrain, from the status the Shield operator writes (RunPlanner): the
-- conditions Ready (the ShieldRetrain can run), Running (a run is in progress), Promoted (how the last finished run
-- ended), CapacityAvailable, the kstatus conditions Reconciling and Stalled where the operator writes them,
-- status.currentRun and status.history (newest first). kstatus-compatible observedGeneration.
-- A run in progress is Healthy, not Progressing: training takes hours, and a scheduled run must not hold the
-- Application (or a sync wave waiting for it) in Progressing. Only the base and table libraries are used.
local hs = {}

local function condition(conditions, conditionType)
  for _, c in ipairs(conditions) do
    if c.type == conditionType then
      return c
    end
  end
  return nil
end

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

-- Ready=False reasons a person has to fix in the spec (or the cluster) before any run starts.
local unactionable = {
  ModelNotFound = true,
  InvalidSchedule = true,
  RestrictedDataInPrivateCloud = true,
  ReconcileError = true,
}

-- How a finished run ended that needs a person: its Jobs failed or reported nothing usable (Failed), or a version
-- that passed the gate could not be served and was rolled back (RolledBack). A Rejected run is the quality gate
-- doing its job: the served version is untouched.
local failedRuns = {
  Failed = true,
  RolledBack = true,
}

if obj.status == nil or obj.status.conditions == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for status"
  return hs
end

local conditions = obj.status.conditions
local ready = condition(conditions, "Ready")
local running = condition(conditions, "Running")
local promoted = condition(conditions, "Promoted")
local reconciling = condition(conditions, "Reconciling")
local stalled = condition(conditions, "Stalled")

if stalled ~= nil and stalled.status == "True" and current(stalled) then
  hs.status = "Degraded"
  hs.message = describe(stalled)
  return hs
end

-- Before Suspended: a suspended ShieldRetrain whose model is gone still needs fixing. A reconcile error the
-- operator still retries (kstatus Reconciling=True, ReconcileError) is on its way; Stalled=True (above) once it gave up.
if ready ~= nil and ready.status == "False" and unactionable[ready.reason] and current(ready) then
  if ready.reason == "ReconcileError" and reconciling ~= nil and reconciling.status == "True"
      and reconciling.reason == "ReconcileError" and current(reconciling) then
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

if obj.spec ~= nil and obj.spec.suspend == true then
  hs.status = "Suspended"
  if ready ~= nil and ready.reason == "Suspended" then
    hs.message = ready.message
  else
    hs.message = "spec.suspend is true"
  end
  return hs
end

if running ~= nil and running.status == "True" then
  local run = obj.status.currentRun
  -- waits for a person to approve the version by name, as a paused rollout waits to be promoted
  if run ~= nil and run.phase == "AwaitingApproval" then
    hs.status = "Suspended"
  else
    hs.status = "Healthy"
  end
  hs.message = running.message
  return hs
end

local last = nil
if obj.status.history ~= nil then
  last = obj.status.history[1]
end
if last ~= nil and failedRuns[last.phase] then
  hs.status = "Degraded"
  if promoted ~= nil and promoted.message ~= nil then
    hs.message = promoted.message
  else
    hs.message = "run " .. last.number .. " " .. last.phase .. ": " .. (last.message or "")
  end
  return hs
end

if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  if last ~= nil and last.phase == "Rejected" and promoted ~= nil and promoted.message ~= nil then
    hs.message = promoted.message .. "; " .. (ready.message or "")
  else
    hs.message = ready.message
  end
  return hs
end

if ready ~= nil and ready.status == "False" then
  hs.status = "Degraded"
  hs.message = describe(ready)
  return hs
end

hs.status = "Progressing"
hs.message = "Waiting for status"
return hs
