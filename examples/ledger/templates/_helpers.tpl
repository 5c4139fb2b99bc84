{{/*
Chart name, at most 63 characters (a label value).
*/}}
{{- define "ledger.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: the release name, plus the chart name unless the release name
already holds it. At most 63 characters (a DNS label).
*/}}
{{- define "ledger.fullname" -}}
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

{{/*
The fullname with a suffix, cut before the suffix is added so the suffix always survives and the
result stays within 63 characters, also for a 53-character release name.
Usage: include "ledger.fullnameWithSuffix" (list . "headless")
*/}}
{{- define "ledger.fullnameWithSuffix" -}}
{{- $context := index . 0 }}
{{- $suffix := index . 1 }}
{{- $base := include "ledger.fullname" $context | trunc (int (sub 62 (len $suffix))) | trimSuffix "-" }}
{{- printf "%s-%s" $base $suffix }}
{{- end }}

{{/*
The workload's own name. A CronJob or StatefulSet name is cut to 52 characters: Kubernetes adds
11 characters to it (a Job's timestamp, a pod's controller-revision-hash label) within 63.
*/}}
{{- define "ledger.workloadName" -}}
{{- include "ledger.fullname" . | trunc 52 | trimSuffix "-" }}
{{- end }}

{{/*
The name label of the `helm test` pod: not the app's, so the Service never selects it.
*/}}
{{- define "ledger.testName" -}}
{{- printf "%s-test" (include "ledger.name" . | trunc 58 | trimSuffix "-") }}
{{- end }}

{{/*
A value rendered as a template, as Bitnami's common.tplvalues.render does: a map or list as YAML,
a string as it is; through tpl when it holds a template action, so .Release.Name works inside.
Usage: include "ledger.tplvalues.render" (dict "value" .Values.path "context" $)
*/}}
{{- define "ledger.tplvalues.render" -}}
{{- $value := typeIs "string" .value | ternary .value (.value | toYaml) }}
{{- if regexMatch "[{][{]" (toJson .value) }}
{{- tpl $value .context }}
{{- else }}
{{- $value }}
{{- end }}
{{- end }}

{{/*
A pod or container security context, adapted to OpenShift as Bitnami's
common.compatibility.renderSecurityContext does: where OpenShift assigns them (its restricted SCC
gives every namespace its own user, group and SELinux ranges), fixed runAsUser, runAsGroup,
fsGroup and seLinuxOptions are left out. global.compatibility.openshift.adaptSecurityContext:
"force" always, "disabled" never, "auto" when the cluster serves security.openshift.io/v1 (with
helm template: --api-versions security.openshift.io/v1).
Usage: include "ledger.securityContext" (list . .Values.podSecurityContext)
*/}}
{{- define "ledger.securityContext" -}}
{{- $context := index . 0 }}
{{- $securityContext := index . 1 | default dict }}
{{- $mode := dig "compatibility" "openshift" "adaptSecurityContext" "auto" ($context.Values.global | default dict) }}
{{- if or (eq $mode "force") (and (eq $mode "auto") ($context.Capabilities.APIVersions.Has "security.openshift.io/v1")) }}
{{- $securityContext = omit $securityContext "runAsUser" "runAsGroup" "fsGroup" "seLinuxOptions" }}
{{- end }}
{{- toYaml $securityContext }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "ledger.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "ledger.labels" -}}
helm.sh/chart: {{ include "ledger.chart" . | quote }}
{{ include "ledger.selectorLabels" . }}
{{- with include "ledger.versionLabel" . }}
app.kubernetes.io/version: {{ . | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
{{- include "ledger.commonLabels" . }}
{{- end }}

{{/*
commonLabels from values, as Bitnami's charts name them, on the metadata of every object and pod
template, never in a selector. The chart's own labels win: a commonLabel of the same key is left
out, so the selector always matches the pods.
*/}}
{{- define "ledger.commonLabels" -}}
{{- with omit (.Values.commonLabels | default dict) "helm.sh/chart" "app.kubernetes.io/name" "app.kubernetes.io/instance" "app.kubernetes.io/version" "app.kubernetes.io/managed-by" "app.kubernetes.io/component" }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The annotations of an object's metadata: its own (they win) and commonAnnotations from values.
Empty when there are none.
Usage: include "ledger.annotations" (list . (dict "helm.sh/resource-policy" "keep"))
*/}}
{{- define "ledger.annotations" -}}
{{- $context := index . 0 }}
{{- $all := merge (dict) (index . 1 | default dict) ($context.Values.commonAnnotations | default dict) }}
{{- with $all }}
{{- toYaml . }}
{{- end }}
{{- end }}

{{/*
Labels of the pod template: nothing that changes with the chart version (helm.sh/chart and the
version label stay on the workload's own metadata), so a new chart version alone restarts no pod.
*/}}
{{- define "ledger.podTemplateLabels" -}}
{{ include "ledger.selectorLabels" . }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
{{- include "ledger.commonLabels" . }}
{{- end }}

{{/*
The app.kubernetes.io/version label: the appVersion as a valid label value. Characters a label
refuses ("+" of build metadata, ...) become "_", as Bitnami's charts do; at most 63 characters,
starting and ending with a letter or digit. Empty when nothing is left.
*/}}
{{- define "ledger.versionLabel" -}}
{{- $version := regexReplaceAll "[^-A-Za-z0-9_.]" (toString .Chart.AppVersion) "_" | trunc 63 }}
{{- regexReplaceAll "^[-_.]+|[-_.]+$" $version "" }}
{{- end }}

{{/*
Selector labels: they never change between upgrades (a selector is immutable).
*/}}
{{- define "ledger.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ledger.name" . | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end }}

{{/*
The ServiceAccount the pods run as.
*/}}
{{- define "ledger.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ledger.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
An image repository under global.imageRegistry, as Bitnami's common.images.image reads it: the
registry replaces the repository's own (its first component, when that has a dot or a port or is
localhost, as Docker reads it), or comes before a repository that names none.
Usage: include "ledger.imageRepository" (list . .Values.image.repository)
*/}}
{{- define "ledger.imageRepository" -}}
{{- $repository := index . 1 }}
{{- $registry := ((index . 0).Values.global).imageRegistry }}
{{- if $registry }}
{{- $parts := splitList "/" $repository }}
{{- $first := first $parts }}
{{- if and (gt (len $parts) 1) (or (contains "." $first) (contains ":" $first) (eq $first "localhost")) }}
{{- $repository = join "/" (rest $parts) }}
{{- end }}
{{- $repository = printf "%s/%s" (trimSuffix "/" $registry) $repository }}
{{- end }}
{{- $repository }}
{{- end }}

{{/*
The pods' imagePullSecrets, as Bitnami's common.images.renderPullSecrets reads them:
global.imagePullSecrets, then the chart's imagePullSecrets; each a name or a {name} map; each
name once. Empty when there are none.
*/}}
{{- define "ledger.imagePullSecrets" -}}
{{- $names := list }}
{{- range concat (.Values.global.imagePullSecrets | default list) (.Values.imagePullSecrets | default list) }}
{{- if kindIs "map" . }}
{{- $names = append $names .name }}
{{- else }}
{{- $names = append $names . }}
{{- end }}
{{- end }}
{{- with $names | compact | uniq }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . | quote }}
  {{- end }}
{{- end }}
{{- end }}

{{/*
The image reference: repository, then the tag (default: the chart's appVersion), then the digest.
Fails rather than run an unpinned image.
*/}}
{{- define "ledger.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- if and (not $tag) (not .Values.image.digest) }}
{{- fail "image.tag: set image.tag, image.digest or the chart's appVersion: the image must be pinned" }}
{{- end }}
{{- if and $tag (not (regexMatch "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$" (toString $tag))) }}
{{- fail (printf "image.tag: %q is no valid image tag (the chart's appVersion is the tag while image.tag is empty): set image.tag" (toString $tag)) }}
{{- end }}
{{- if eq $tag "latest" }}
{{- fail "image.tag: \"latest\" is not pinned; set a version tag or image.digest" }}
{{- end }}
{{- include "ledger.imageRepository" (list . .Values.image.repository) }}
{{- if $tag }}:{{ $tag }}{{ end }}
{{- if .Values.image.digest }}@{{ .Values.image.digest }}{{ end }}
{{- end }}

{{/*
The Service's port: service.servicePort, else the container port.
*/}}
{{- define "ledger.servicePort" -}}
{{- default .Values.service.port .Values.service.servicePort }}
{{- end }}

{{/*
The Secret's name: the chart's own, or secrets.existingSecret, managed elsewhere.
*/}}
{{- define "ledger.secretName" -}}
{{- default (include "ledger.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/*
The value of one secret key, base64-encoded: the value given in values wins; otherwise the value
already in the cluster (lookup), so an upgrade never rotates it; otherwise a new random value.
`helm template` and GitOps tools that render without a cluster see no existing Secret: there,
set secrets.values.
Usage: include "ledger.secretValue" (list . "KEY")
*/}}
{{- define "ledger.secretValue" -}}
{{- $context := index . 0 }}
{{- $key := index . 1 }}
{{- $given := get $context.Values.secrets.values $key }}
{{- if $given }}
{{- $given | b64enc }}
{{- else }}
{{- $existing := lookup "v1" "Secret" $context.Release.Namespace (include "ledger.secretName" $context) }}
{{- $current := dig "data" $key "" ($existing | default dict) }}
{{- if $current }}
{{- $current }}
{{- else }}
{{- randAlphaNum 32 | b64enc }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Pod template annotations: checksums of the configuration, so a changed value rolls the pods.
Only values given in values.yaml count for the Secret: generated values never change.
*/}}
{{- define "ledger.podAnnotations" -}}
{{- if .Values.config.enabled }}
checksum/config: {{ .Values.config.data | toJson | sha256sum }}
{{- end }}
{{- /* A Secret managed outside the release is not the chart's to watch: secrets.values is unread then. */}}
{{- if and .Values.secrets.enabled (not .Values.secrets.existingSecret) }}
checksum/secret: {{ .Values.secrets.values | toJson | sha256sum }}
{{- end }}
{{- with .Values.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end }}
