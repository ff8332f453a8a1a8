{{/*
Shared names, labels and pod settings. Helpers that concern one component take a dict:
  (dict "root" $ "component" "worker")
and read that component's values from .root.Values through "sluice.values".
*/}}

{{- define "sluice.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Release-wide prefix. A release called "sluice" gives "sluice-api", "sluice-worker", ... (the names
the runbook uses); any other release name is prefixed to the chart name.
*/}}
{{- define "sluice.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "sluice.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Name of a component's objects, e.g. sluice-worker. */}}
{{- define "sluice.componentName" -}}
{{- printf "%s-%s" (include "sluice.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Name of the ConfigMap every app reads its shared settings from (the runbook calls it sluice-config). */}}
{{- define "sluice.configName" -}}
{{- printf "%s-config" (include "sluice.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that identify a component's pods; never change them on a live release (selectors are immutable). */}}
{{- define "sluice.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sluice.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Labels of the whole release, for objects that belong to no single component. */}}
{{- define "sluice.releaseSelectorLabels" -}}
app.kubernetes.io/name: {{ include "sluice.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "sluice.commonLabels" -}}
helm.sh/chart: {{ include "sluice.chart" . }}
app.kubernetes.io/part-of: sluice
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "sluice.labels" -}}
{{ include "sluice.selectorLabels" . }}
{{ include "sluice.commonLabels" .root }}
{{- end }}

{{- define "sluice.releaseLabels" -}}
{{ include "sluice.releaseSelectorLabels" . }}
{{ include "sluice.commonLabels" . }}
{{- end }}

{{/* A component's selector labels as one key=value,... string, for label selectors and kubectl. */}}
{{- define "sluice.selectorString" -}}
{{- $labels := include "sluice.selectorLabels" . | fromYaml }}
{{- $pairs := list }}
{{- range $key := keys $labels | sortAlpha }}
{{- $pairs = append $pairs (printf "%s=%s" $key (get $labels $key)) }}
{{- end }}
{{- join "," $pairs }}
{{- end }}

{{/* The label selector the reaper lists worker pods with: their pod names are the lease owners. */}}
{{- define "sluice.workerSelector" -}}
{{- include "sluice.selectorString" (dict "root" . "component" "worker") }}
{{- end }}

{{- define "sluice.serviceAccountName" -}}
{{- $sa := .serviceAccount }}
{{- if $sa.create }}
{{- default (include "sluice.componentName" .) $sa.name }}
{{- else }}
{{- required (printf "%s.serviceAccount.name is required when serviceAccount.create is false" .component) $sa.name }}
{{- end }}
{{- end }}

{{/*
Image reference from the registry, the component's repository and the tag (the component's, else the
global one, else the chart's appVersion), pinned by digest when one is given. "latest" never renders:
the schema refuses it in values and this refuses it from any other source.
*/}}
{{- define "sluice.image" -}}
{{- $image := .image }}
{{- $global := .root.Values.image }}
{{- $registry := default $global.registry $image.registry }}
{{- $tag := toString (default (default .root.Chart.AppVersion $global.tag) $image.tag) }}
{{- if eq $tag "latest" }}
{{- fail (printf "image %s: tag \"latest\" is not allowed; pin a release tag or a digest" $image.repository) }}
{{- end }}
{{- $ref := $image.repository }}
{{- if $registry }}
{{- $ref = printf "%s/%s" (trimSuffix "/" $registry) $image.repository }}
{{- end }}
{{- if $image.digest }}
{{- printf "%s:%s@%s" $ref $tag $image.digest }}
{{- else }}
{{- printf "%s:%s" $ref $tag }}
{{- end }}
{{- end }}

{{/*
checkov suppressions a workload may need, as annotations on the object checkov reads (the workload's
own metadata). Without a digest, CKV_K8S_43 cannot pass: release tags are immutable in the registry
(ECR tag immutability), and image.digest pins by digest where that is wanted.
*/}}
{{- define "sluice.checkovDigestSkip" -}}
{{- if not .image.digest }}
checkov.io/skip{{ .index }}: "CKV_K8S_43=pinned by an immutable release tag; set {{ .component }}.image.digest to pin by digest"
{{- end }}
{{- end }}

{{/* Pod-level security settings of the Pod Security Standard "restricted". */}}
{{- define "sluice.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.securityContext.runAsUser }}
runAsGroup: {{ .Values.securityContext.runAsGroup }}
fsGroup: {{ .Values.securityContext.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Container-level security settings of the Pod Security Standard "restricted", plus a read-only root. */}}
{{- define "sluice.containerSecurityContext" -}}
allowPrivilegeEscalation: false
privileged: false
readOnlyRootFilesystem: true
runAsNonRoot: true
runAsUser: {{ .Values.securityContext.runAsUser }}
runAsGroup: {{ .Values.securityContext.runAsGroup }}
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The root filesystem is read-only; the JVM, Vert.x and ImageIO write only below /tmp. */}}
{{- define "sluice.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpVolume.sizeLimit }}
{{- end }}

{{- define "sluice.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/* Spread a component's pods over zones, then nodes; soft, so a small cluster still schedules them. */}}
{{- define "sluice.topologySpread" -}}
{{- $spread := .root.Values.topologySpread }}
{{- if $spread.enabled }}
topologySpreadConstraints:
{{- range $spread.constraints }}
  - maxSkew: {{ .maxSkew }}
    topologyKey: {{ .topologyKey }}
    whenUnsatisfiable: {{ .whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "sluice.selectorLabels" (dict "root" $.root "component" $.component) | nindent 8 }}
{{- end }}
{{- end }}
{{- end }}

{{/* Scheduling knobs every pod accepts from its component's values. */}}
{{- define "sluice.scheduling" -}}
{{- with .values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- end }}

{{- define "sluice.imagePullSecrets" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Tracing settings for the apps that export spans (api, worker); the SDK stays off otherwise. */}}
{{- define "sluice.tracingEnv" -}}
{{- if .Values.tracing.enabled }}
- name: QUARKUS_OTEL_SDK_DISABLED
  value: "false"
- name: QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
  value: {{ required "tracing.endpoint is required when tracing.enabled is true" .Values.tracing.endpoint | quote }}
- name: QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL
  value: {{ .Values.tracing.protocol | quote }}
{{- end }}
{{- end }}

{{/* Probes on the Quarkus SmallRye Health endpoints, timings from the component's values. */}}
{{- define "sluice.quarkusProbes" -}}
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  periodSeconds: {{ .probes.startup.periodSeconds }}
  failureThreshold: {{ .probes.startup.failureThreshold }}
  timeoutSeconds: {{ .probes.timeoutSeconds }}
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  periodSeconds: {{ .probes.liveness.periodSeconds }}
  failureThreshold: {{ .probes.liveness.failureThreshold }}
  timeoutSeconds: {{ .probes.timeoutSeconds }}
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  periodSeconds: {{ .probes.readiness.periodSeconds }}
  failureThreshold: {{ .probes.readiness.failureThreshold }}
  timeoutSeconds: {{ .probes.timeoutSeconds }}
{{- end }}

{{/* Duration in the form SmallRye config reads, e.g. 30s. */}}
{{- define "sluice.seconds" -}}
{{- printf "%ds" (int .) }}
{{- end }}

{{/*
Worker grace period: the drain, then up to 10 s of hand-backs (QueuePoller.RELEASE_GRACE), then a
margin for JVM exit. Shorter, and the kubelet kills the hand-back and tasks wait for their leases.
*/}}
{{- define "sluice.workerTerminationGracePeriod" -}}
{{- add (int .Values.worker.drainTimeoutSeconds) 10 (int .Values.worker.shutdownMarginSeconds) }}
{{- end }}

{{/* NetworkPolicy peers of the cluster's DNS, and the DNS ports. */}}
{{- define "sluice.egressDns" -}}
- to:
    {{- toYaml .Values.networkPolicy.dns.to | nindent 4 }}
  ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
{{- end }}

{{/* AWS APIs (DynamoDB, SQS, S3, STS for IRSA, SageMaker) are HTTPS on 443, from VPC endpoints or the internet. */}}
{{- define "sluice.egressAws" -}}
- to:
    {{- range .Values.networkPolicy.awsEgress.cidrs }}
    - ipBlock:
        cidr: {{ . }}
    {{- end }}
  ports:
    - protocol: TCP
      port: 443
{{- end }}

{{/* The OTLP collector, when traces are exported; any destination unless tracing.egressTo narrows it. */}}
{{- define "sluice.egressTracing" -}}
{{- if .Values.tracing.enabled }}
- ports:
    {{- range .Values.tracing.egressPorts }}
    - protocol: TCP
      port: {{ . }}
    {{- end }}
  {{- with .Values.tracing.egressTo }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end }}

{{/* Prometheus may scrape /q/metrics on the http port. */}}
{{- define "sluice.ingressPrometheus" -}}
- from:
    - namespaceSelector:
        {{- toYaml .Values.networkPolicy.prometheus.namespaceSelector | nindent 8 }}
      podSelector:
        {{- toYaml .Values.networkPolicy.prometheus.podSelector | nindent 8 }}
  ports:
    - protocol: TCP
      port: http
{{- end }}

{{/*
One ServiceAccount per component, carrying its IRSA role. Tokens are not mounted by default: only a
pod that talks to the Kubernetes API (the reaper) asks for one in its own spec.
*/}}
{{- define "sluice.serviceAccount" -}}
{{- $sa := .values.serviceAccount }}
{{- if $sa.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "sluice.serviceAccountName" (dict "root" .root "component" .component "serviceAccount" $sa) }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "sluice.labels" . | nindent 4 }}
  {{- if or $sa.roleArn $sa.annotations }}
  annotations:
    {{- with $sa.roleArn }}
    eks.amazonaws.com/role-arn: {{ . | quote }}
    {{- end }}
    {{- with $sa.annotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- end }}
automountServiceAccountToken: false
{{- end }}
{{- end }}
