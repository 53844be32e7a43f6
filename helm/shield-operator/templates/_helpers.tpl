{{/* The chart's name, or nameOverride. */}}
{{- define "shield-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The name of every resource: fullnameOverride; else the release name when it contains the chart's name
("shield-operator-prod" -> itself); else the chart's name when it starts with the release name and a dash (the
documented release "shield" -> "shield-operator", not "shield-shield-operator"); else <release>-<chart>.
*/}}
{{- define "shield-operator.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "shield-operator.name" . -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else if hasPrefix (printf "%s-" .Release.Name) $name -}}
{{- $name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "shield-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* What selects the operator's pods: stable across upgrades (a Deployment's selector is immutable). */}}
{{- define "shield-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "shield-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "shield-operator.labels" -}}
helm.sh/chart: {{ include "shield-operator.chart" . }}
{{ include "shield-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: shield
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "shield-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "shield-operator.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
An image reference from {registry, repository, tag, digest}: by digest when there is one (what runs is then what
was scanned, whatever the tag says), else by tag, the chart's appVersion by default.
Call with (dict "image" .Values.image "context" $).
*/}}
{{- define "shield-operator.imageRef" -}}
{{- $repository := .image.repository -}}
{{- if .image.registry -}}
{{- $repository = printf "%s/%s" .image.registry .image.repository -}}
{{- end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (default .context.Chart.AppVersion .image.tag) -}}
{{- end -}}
{{- end -}}

{{- define "shield-operator.image" -}}
{{- include "shield-operator.imageRef" (dict "image" .Values.image "context" .) -}}
{{- end -}}

{{- define "shield-operator.gatewayImage" -}}
{{- include "shield-operator.imageRef" (dict "image" .Values.gateway.image "context" .) -}}
{{- end -}}

{{/* The namespaces the operator watches, as a list; empty for all namespaces. */}}
{{- define "shield-operator.watchedNamespaces" -}}
{{- if eq .Values.watch.mode "OwnNamespace" -}}
{{- list .Release.Namespace | toJson -}}
{{- else if eq .Values.watch.mode "Namespaces" -}}
{{- .Values.watch.namespaces | uniq | toJson -}}
{{- else -}}
{{- list | toJson -}}
{{- end -}}
{{- end -}}

{{/* The RBAC API group's name, spelt once. */}}
{{- define "shield-operator.rbacGroup" -}}rbac.authorization.k8s.io{{- end -}}

{{/*
What the operator does in the namespaces it watches (a ClusterRole's rules in AllNamespaces mode, a Role's in each
watched namespace otherwise). Every rule names its resources and verbs: no "*". Cross-checked against the RBAC
the Quarkus Operator SDK derives from the controllers (ChartRbacTest).
*/}}
{{- define "shield-operator.namespacedRules" -}}
# the three kinds Shield reconciles, their status (server-side applied) and their finalizers (the owner references
# of what the operator creates block their owner's deletion, which needs update on finalizers where the
# OwnerReferencesPermissionEnforcement admission plugin is on). The operator never creates or deletes a ShieldModel
# or a ShieldRetrain.
- apiGroups: ["shield.cybershield.io"]
  resources: ["shieldmodels", "shieldmodels/status", "shieldmodels/finalizers",
              "shieldretrains", "shieldretrains/status", "shieldretrains/finalizers",
              "shieldincidents", "shieldincidents/status", "shieldincidents/finalizers"]
  verbs: ["get", "list", "watch", "patch", "update"]
# held only to grant it: each gateway's Role lets its SIEM webhook create ShieldIncidents, and RBAC lets a Role be
# created only by whoever holds what it grants
- apiGroups: ["shield.cybershield.io"]
  resources: ["shieldincidents"]
  verbs: ["create"]
# what a ShieldModel is made of: model servers and gateways, their Services, ServiceAccounts, routes ConfigMaps,
# disruption budgets and network policies; the gateway's Role and RoleBinding; the retrain Jobs' inputs
- apiGroups: [""]
  resources: ["configmaps", "services", "serviceaccounts"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: [{{ include "shield-operator.rbacGroup" . | quote }}]
  resources: ["roles", "rolebindings"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
# the private-cloud pool's floor: HPAs, or KEDA's ScaledObjects where KEDA is installed
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["keda.sh"]
  resources: ["scaledobjects"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
# optional dependents, used only where their CRDs exist: the model's ServiceMonitor and its TLS Certificates
- apiGroups: ["monitoring.coreos.com"]
  resources: ["servicemonitors"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["cert-manager.io"]
  resources: ["certificates"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
# a ShieldRetrain's training and validation runs
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "delete"]
# pods: the GPUs they hold (capacity), the scheduler's verdict on a model's own, the gateways the wake-up polls,
# the retrain Jobs' results; also granted to each gateway (its model's pods)
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch"]
# Events about Shield objects, for kubectl describe
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end -}}

{{/* What the operator needs cluster-wide in every watch mode. */}}
{{- define "shield-operator.clusterRules" -}}
# GPU capacity: what each node can hold (and its taints and readiness)
- apiGroups: [""]
  resources: ["nodes"]
  verbs: ["get", "list", "watch"]
# whether the optional CRDs exist: KEDA's (who scales the cloud pool), the Prometheus Operator's and cert-manager's
# (their dependents' activation); only these three, only get
- apiGroups: ["apiextensions.k8s.io"]
  resources: ["customresourcedefinitions"]
  resourceNames: ["scaledobjects.keda.sh", "servicemonitors.monitoring.coreos.com", "certificates.cert-manager.io"]
  verbs: ["get"]
# the gateways' TokenReviews: one ClusterRoleBinding of system:auth-delegator to every gateway ServiceAccount,
# server-side applied (create the first time, then get and patch that one binding only). "bind" on that one
# ClusterRole lets the operator bind it without holding TokenReview and SubjectAccessReview rights itself.
- apiGroups: [{{ include "shield-operator.rbacGroup" . | quote }}]
  resources: ["clusterrolebindings"]
  verbs: ["create"]
- apiGroups: [{{ include "shield-operator.rbacGroup" . | quote }}]
  resources: ["clusterrolebindings"]
  resourceNames: ["shield-gateways-auth-delegator"]
  verbs: ["get", "patch"]
- apiGroups: [{{ include "shield-operator.rbacGroup" . | quote }}]
  resources: ["clusterroles"]
  resourceNames: ["system:auth-delegator"]
  verbs: ["bind"]
{{- end -}}
