-- Health of a shield.cybershield.io ShieldIncident, from the status the Shield operator writes
-- (ShieldIncidentStatusAggregator): status.phase (Active, Resolved, Expired), the condition Active, status.models (the
-- floor each selected ShieldModel asked for, the floor its GPU budget allowed, the shortfall), the condition
-- CapacityGranted and the kstatus conditions Reconciling and Stalled where the operator writes them.
-- An ended incident is Healthy: it is a finished record, like a completed Job, and never resumes.
-- Only the base and table libraries are used.
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

if obj.status == nil or obj.status.phase == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for status"
  return hs
end

local conditions = obj.status.conditions or {}
local active = condition(conditions, "Active")
local granted = condition(conditions, "CapacityGranted")
local reconciling = condition(conditions, "Reconciling")
local stalled = condition(conditions, "Stalled")

if stalled ~= nil and stalled.status == "True" and current(stalled) then
  hs.status = "Degraded"
  hs.message = describe(stalled)
  return hs
end

-- A failed reconcile keeps the last status; the operator retries (Stalled=True above once it gave up).
if reconciling ~= nil and reconciling.status == "True" and reconciling.reason == "ReconcileError"
    and current(reconciling) then
  hs.status = "Progressing"
  hs.message = describe(reconciling)
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

local activeMessage = "incident " .. obj.status.phase
if active ~= nil and active.message ~= nil then
  activeMessage = active.message
end

if obj.status.phase ~= "Active" then
  hs.status = "Healthy"
  hs.message = activeMessage
  return hs
end

-- The selected models are still raising their private-cloud floors (Reconciling=True, CapacityGranted=False
-- ApplyingSurge): the surge is on its way.
if reconciling ~= nil and reconciling.status == "True" and current(reconciling) then
  hs.status = "Progressing"
  hs.message = reconciling.message
  return hs
end

-- The surge asked for more replicas than the models' GPU budgets (spec.autoscaling.incidentSurge.maxGpus) or the
-- free GPUs allow (CapacityGranted=False SurgeShortfall): waiting does not change that; raising the budget, adding
-- GPUs or ending the incident does.
if granted ~= nil then
  if granted.status == "False" and granted.reason == "ApplyingSurge" then
    hs.status = "Progressing"
    hs.message = granted.message
  elseif granted.status == "False" then
    hs.status = "Degraded"
    hs.message = describe(granted)
  else
    hs.status = "Healthy"
    hs.message = activeMessage
  end
  return hs
end

local short = {}
for _, model in ipairs(obj.status.models or {}) do
  if model.shortfall ~= nil and model.shortfall > 0 then
    table.insert(short, model.name .. " (floor " .. (model.floor or 0) .. " of " .. (model.requestedFloor or 0)
        .. ", short " .. model.shortfall .. ")")
  end
end
if #short > 0 then
  hs.status = "Degraded"
  hs.message = "the GPU budget cuts the surge of " .. table.concat(short, ", ") .. "; " .. activeMessage
  return hs
end

hs.status = "Healthy"
hs.message = activeMessage
return hs
