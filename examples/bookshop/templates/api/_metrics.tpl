{{/*
The NetworkPolicy rule that admits the scrape: on the metrics port only, from
metrics.networkPolicy.from. None when that list is empty, since a rule without peers would admit
every source.
*/}}
{{- define "bookshop.api.metricsPolicyRule" -}}
{{- if and .Values.metrics.enabled .Values.metrics.networkPolicy.from }}
- ports:
    - port: {{ .Values.metrics.port }}
      protocol: TCP
  from:
    {{- toYaml .Values.metrics.networkPolicy.from | nindent 4 }}
{{- end }}
{{- end }}

{{/*
Fails unless metrics.port names a TCP port of what the monitor scrapes: the Service's ports
(a ServiceMonitor) or the app container's (a PodMonitor).
Usage: include "bookshop.api.checkMetricsPort" (list . "Service")
*/}}
{{- define "bookshop.api.checkMetricsPort" -}}
{{- $context := index . 0 }}
{{- $target := index . 1 }}
{{- $names := list "http" }}
{{- range $context.Values.extraPorts }}
{{- if and (eq (.protocol | default "TCP") "TCP") (or .expose (eq $target "pod")) }}
{{- $names = append $names .name }}
{{- end }}
{{- end }}
{{- if not (has $context.Values.metrics.port $names) }}
{{- fail (printf "metrics.port: %q is not a TCP port of the %s (%s)" $context.Values.metrics.port $target (join ", " $names)) }}
{{- end }}
{{- end }}

{{/*
The monitor: a ServiceMonitor or a PodMonitor that selects the chart's Service or pods by the
selector labels, with one endpoint on metrics.port; `keep` relabelings go before the user's. Its
labels are the chart's (they win) and metrics.<monitor>.labels, which a Prometheus selects by.
Usage: include "bookshop.api.monitor" (list . "ServiceMonitor" .Values.metrics.serviceMonitor $keep)
*/}}
{{- define "bookshop.api.monitor" -}}
{{- $context := index . 0 }}
{{- $kind := index . 1 }}
{{- $monitor := index . 2 }}
{{- $relabelings := concat (index . 3) $monitor.relabelings }}
{{- $own := include "bookshop.labels" $context | fromYaml -}}
apiVersion: monitoring.coreos.com/v1
kind: {{ $kind }}
metadata:
  name: {{ include "bookshop.fullname" $context | quote }}
  labels:
    {{- include "bookshop.labels" $context | nindent 4 }}
    {{- range $key, $value := $monitor.labels }}
    {{- if not (hasKey $own $key) }}
    {{ $key }}: {{ $value | quote }}
    {{- end }}
    {{- end }}
  {{- with include "bookshop.annotations" (list $context dict) }}
  annotations:
    {{- . | nindent 4 }}
  {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "bookshop.selectorLabels" $context | nindent 6 }}
  {{ if eq $kind "ServiceMonitor" }}endpoints{{ else }}podMetricsEndpoints{{ end }}:
    - port: {{ $context.Values.metrics.port | quote }}
      path: {{ $context.Values.metrics.path | quote }}
      interval: {{ $monitor.interval | quote }}
      {{- with $monitor.scrapeTimeout }}
      scrapeTimeout: {{ . | quote }}
      {{- end }}
      honorLabels: {{ $monitor.honorLabels }}
      {{- with $relabelings }}
      relabelings:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $monitor.metricRelabelings }}
      metricRelabelings:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}
