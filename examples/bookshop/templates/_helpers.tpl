{{/*
Chart name, at most 63 characters (a label value).
*/}}
{{- define "bookshop.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: the release name, plus the chart name unless the release name
already holds it. At most 63 characters (a DNS label).
Inside a component (a context from componentContext): <fullname>-<component>, the name of that
component's own objects. What the components share (ConfigMap, Secret, ServiceAccount) is named
from the chart's context: include "bookshop.fullname" (omit . "Component").
*/}}
{{- define "bookshop.fullname" -}}
{{- if hasKey . "Component" }}
{{- include "bookshop.fullnameWithSuffix" (list . "") }}
{{- else if .Values.fullnameOverride }}
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
Usage: include "bookshop.fullnameWithSuffix" (list . "headless")
Inside a component the component's name comes before the suffix, and survives too.
*/}}
{{- define "bookshop.fullnameWithSuffix" -}}
{{- $context := index . 0 }}
{{- $suffix := index . 1 }}
{{- if hasKey $context "Component" }}
{{- $suffix = trimSuffix "-" (printf "%s-%s" $context.Component $suffix) }}
{{- $context = omit $context "Component" }}
{{- end }}
{{- $base := include "bookshop.fullname" $context | trunc (int (sub 62 (len $suffix))) | trimSuffix "-" }}
{{- printf "%s-%s" $base $suffix }}
{{- end }}

{{/*
The workload's own name. A CronJob or StatefulSet name is cut to 52 characters: Kubernetes adds
11 characters to it (a Job's timestamp, a pod's controller-revision-hash label) within 63.
*/}}
{{- define "bookshop.workloadName" -}}
{{- if hasKey . "Component" }}
{{- $name := include "bookshop.fullname" . }}
{{- if lt (int .ComponentNameLimit) 63 }}
{{- $base := include "bookshop.fullname" (omit . "Component") | trunc (int (sub (sub .ComponentNameLimit 1) (len .Component))) | trimSuffix "-" }}
{{- $name = printf "%s-%s" $base .Component }}
{{- end }}
{{- $name }}
{{- else }}
{{- include "bookshop.fullname" . }}
{{- end }}
{{- end }}

{{/*
The context a component's templates run in: the root (.Release, .Chart, .Capabilities, ...) with
the component's own values (components.<name>) and the values every component shares: the
chart's names and labels, global, the ServiceAccount, the NetworkPolicy settings, and config and
secrets where the component uses them (else they read as off). Stored on the root as ._ctx, as
include returns only text; $ inside a component's templates is this context too, as they run
through include.
Usage: include "bookshop.componentContext" (list . "worker" 63 (list "config" "secrets")), 63 the
longest name its workload may have (52 for a CronJob or a StatefulSet).
*/}}
{{- define "bookshop.componentContext" -}}
{{- $root := index . 0 }}
{{- $name := index . 1 }}
{{- $own := index ($root.Values.components | default dict) $name }}
{{- if not (kindIs "map" $own) }}
{{- fail (printf "components.%s: these values removed it (null); a component is removed by the generator (components: {%s: null} in the answers), not by values" $name $name) }}
{{- end }}
{{- $values := merge (deepCopy $own) (pick $root.Values "global" "nameOverride" "fullnameOverride" "commonLabels" "commonAnnotations" "serviceAccount" "rbac" "networkPolicy") }}
{{- range list "config" "secrets" }}
{{- $_ := set $values . (has . (index $ 3) | ternary (index $root.Values .) (dict "enabled" false)) }}
{{- end }}
{{- /* The chart's pull secrets first: a component runs the chart's image unless it names one. */}}
{{- $_ := set $values "imagePullSecrets" (concat ($root.Values.imagePullSecrets | default list) ($values.imagePullSecrets | default list)) }}
{{- /* The chart's ServiceAccount, with this component's own choice of a token (default none). */}}
{{- $_ := set $values "serviceAccount" (set (deepCopy $root.Values.serviceAccount) "automount" $values.automountServiceAccountToken) }}
{{- $_ := set $root "_ctx" (merge (dict "Values" $values "Component" $name "ComponentNameLimit" (index . 2)) (omit $root "Values" "_ctx")) }}
{{- end }}

{{/*
The name label of the `helm test` pod: not the app's, so the Service never selects it.
*/}}
{{- define "bookshop.testName" -}}
{{- printf "%s-test" (include "bookshop.name" . | trunc 58 | trimSuffix "-") }}
{{- end }}

{{/*
A value rendered as a template, as Bitnami's common.tplvalues.render does: a map or list as YAML,
a string as it is; through tpl when it holds a template action, so .Release.Name works inside.
Usage: include "bookshop.tplvalues.render" (dict "value" .Values.path "context" $)
*/}}
{{- define "bookshop.tplvalues.render" -}}
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
Usage: include "bookshop.securityContext" (list . .Values.podSecurityContext)
*/}}
{{- define "bookshop.securityContext" -}}
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
{{- define "bookshop.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "bookshop.labels" -}}
helm.sh/chart: {{ include "bookshop.chart" . | quote }}
{{ include "bookshop.selectorLabels" . }}
{{- with include "bookshop.versionLabel" . }}
app.kubernetes.io/version: {{ . | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
{{- include "bookshop.commonLabels" . }}
{{- end }}

{{/*
commonLabels from values, as Bitnami's charts name them, on the metadata of every object and pod
template, never in a selector. The chart's own labels win: a commonLabel of the same key is left
out, so the selector always matches the pods.
*/}}
{{- define "bookshop.commonLabels" -}}
{{- with omit (.Values.commonLabels | default dict) "helm.sh/chart" "app.kubernetes.io/name" "app.kubernetes.io/instance" "app.kubernetes.io/version" "app.kubernetes.io/managed-by" "app.kubernetes.io/component" "app.kubernetes.io/part-of" }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The annotations of an object's metadata: its own (they win) and commonAnnotations from values.
Empty when there are none.
Usage: include "bookshop.annotations" (list . (dict "helm.sh/resource-policy" "keep"))
*/}}
{{- define "bookshop.annotations" -}}
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
{{- define "bookshop.podTemplateLabels" -}}
{{ include "bookshop.selectorLabels" . }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
app.kubernetes.io/part-of: {{ include "bookshop.name" . | quote }}
{{- include "bookshop.commonLabels" . }}
{{- end }}

{{/*
The app.kubernetes.io/version label: the appVersion as a valid label value. Characters a label
refuses ("+" of build metadata, ...) become "_", as Bitnami's charts do; at most 63 characters,
starting and ending with a letter or digit. Empty when nothing is left.
*/}}
{{- define "bookshop.versionLabel" -}}
{{- $version := regexReplaceAll "[^-A-Za-z0-9_.]" (toString .Chart.AppVersion) "_" | trunc 63 }}
{{- regexReplaceAll "^[-_.]+|[-_.]+$" $version "" }}
{{- end }}

{{/*
Selector labels: they never change between upgrades (a selector is immutable).
A component's: its own name label (<chart name>-<component>, cut to fit, the component kept), the
instance and the component. The main component keeps {name, instance}, which no other
component's pods match: their name label differs.
*/}}
{{- define "bookshop.selectorLabels" -}}
{{- if hasKey . "Component" -}}
app.kubernetes.io/name: {{ printf "%s-%s" (include "bookshop.name" . | trunc (int (sub 62 (len .Component))) | trimSuffix "-") .Component | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/component: {{ .Component | quote }}
{{- else -}}
app.kubernetes.io/name: {{ include "bookshop.name" . | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end }}
{{- end }}

{{/*
The ServiceAccount the pods run as.
*/}}
{{- define "bookshop.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "bookshop.fullname" (omit . "Component")) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
An image repository under global.imageRegistry, as Bitnami's common.images.image reads it: the
registry replaces the repository's own (its first component, when that has a dot or a port or is
localhost, as Docker reads it), or comes before a repository that names none.
Usage: include "bookshop.imageRepository" (list . .Values.image.repository)
*/}}
{{- define "bookshop.imageRepository" -}}
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
{{- define "bookshop.imagePullSecrets" -}}
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
{{- define "bookshop.image" -}}
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
{{- include "bookshop.imageRepository" (list . .Values.image.repository) }}
{{- if $tag }}:{{ $tag }}{{ end }}
{{- if .Values.image.digest }}@{{ .Values.image.digest }}{{ end }}
{{- end }}

{{/*
The Service's port: service.servicePort, else the container port.
*/}}
{{- define "bookshop.servicePort" -}}
{{- default .Values.service.port .Values.service.servicePort }}
{{- end }}

{{/*
The Service of a component a route sends its path to, as YAML {name, port}: fails when there is
no such component, or it has no Service.
Usage: include "bookshop.componentService" (list $ "api" "ingress.hosts[0].paths[1].component") | fromYaml
*/}}
{{- define "bookshop.componentService" -}}
{{- $root := index . 0 }}
{{- $component := index . 1 }}
{{- $values := index ($root.Values.components | default dict) $component | default dict }}
{{- if not (dig "service" "enabled" false $values) }}
{{- fail (printf "%s: %q is no component with a Service (components.%s.service.enabled)" (index . 2) $component $component) }}
{{- end }}
{{- if not (dig "enabled" true $values) }}
{{- fail (printf "%s: the component %q is switched off (components.%s.enabled=false)" (index . 2) $component $component) }}
{{- end }}
name: {{ include "bookshop.fullnameWithSuffix" (list $root $component) | quote }}
port: {{ default $values.service.port $values.service.servicePort }}
{{- end }}

{{/*
Fails on a path the API server would refuse: Kubernetes' Ingress validation (pathType Prefix and
Exact), or the Gateway API's HTTPPathMatch rules (types PathPrefix and Exact: also no "#", and
only the characters of a URL path).
Usage: include "bookshop.checkPath" (dict "path" .path "type" .pathType "field" "ingress.hosts[0].paths[0].path" "gateway" false)
*/}}
{{- define "bookshop.checkPath" -}}
{{- $path := toString .path }}
{{- if not (hasPrefix "/" $path) }}
{{- fail (printf "%s: %q must start with \"/\"" .field $path) }}
{{- end }}
{{- if has (default "Prefix" .type) (list "Prefix" "Exact" "PathPrefix") }}
{{- $sequences := list "//" "/./" "/../" "%2f" "%2F" }}
{{- if .gateway }}{{ $sequences = append $sequences "#" }}{{ end }}
{{- range $sequences }}
{{- if contains . $path }}
{{- fail (printf "%s: %q must not contain '%s' (the API server refuses it)" $.field $path .) }}
{{- end }}
{{- end }}
{{- range list "/.." "/." }}
{{- if hasSuffix . $path }}
{{- fail (printf "%s: %q must not end with '%s' (the API server refuses it)" $.field $path .) }}
{{- end }}
{{- end }}
{{- if and .gateway (not (regexMatch "^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$" $path)) }}
{{- fail (printf "%s: %q must hold only the characters of a URL path (no \"?\" or \"#\")" .field $path) }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The Secret's name: the chart's own, or secrets.existingSecret, managed elsewhere.
*/}}
{{- define "bookshop.secretName" -}}
{{- default (include "bookshop.fullname" (omit . "Component")) .Values.secrets.existingSecret }}
{{- end }}

{{/*
The value of one secret key, base64-encoded: the value given in values wins; otherwise the value
already in the cluster (lookup), so an upgrade never rotates it; otherwise a new random value.
`helm template` and GitOps tools that render without a cluster see no existing Secret: there,
set secrets.values.
Usage: include "bookshop.secretValue" (list . "KEY")
*/}}
{{- define "bookshop.secretValue" -}}
{{- $context := index . 0 }}
{{- $key := index . 1 }}
{{- $given := get $context.Values.secrets.values $key }}
{{- if $given }}
{{- $given | b64enc }}
{{- else }}
{{- $existing := lookup "v1" "Secret" $context.Release.Namespace (include "bookshop.secretName" $context) }}
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
{{- define "bookshop.podAnnotations" -}}
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
