{{/*
The NetworkPolicy rule that admits the scrape: on the metrics port only, from
metrics.networkPolicy.from. None when that list is empty, since a rule without peers would admit
every source.
*/}}
{{- define "queue-worker.metricsPolicyRule" -}}
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
Usage: include "queue-worker.checkMetricsPort" (list . "Service")
*/}}
{{- define "queue-worker.checkMetricsPort" -}}
{{- $context := index . 0 }}
{{- $target := index . 1 }}
{{- $names := list }}
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
The scrape endpoint, the same in a ServiceMonitor and a PodMonitor; `keep` relabelings go first.
Usage: include "queue-worker.scrapeEndpoint" (list . $monitor $keep)
*/}}
{{- define "queue-worker.scrapeEndpoint" -}}
{{- $context := index . 0 }}
{{- $monitor := index . 1 }}
{{- $relabelings := concat (index . 2) $monitor.relabelings }}
port: {{ $context.Values.metrics.port | quote }}
path: {{ $context.Values.metrics.path | quote }}
interval: {{ $monitor.interval | quote }}
{{- with $monitor.scrapeTimeout }}
scrapeTimeout: {{ . | quote }}
{{- end }}
honorLabels: {{ $monitor.honorLabels }}
{{- with $relabelings }}
relabelings:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $monitor.metricRelabelings }}
metricRelabelings:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
The monitor's metadata: the chart's labels (they win) and metrics.<monitor>.labels, which the
Prometheus that selects it matches.
Usage: include "queue-worker.monitorMetadata" (list . $monitor)
*/}}
{{- define "queue-worker.monitorMetadata" -}}
{{- $context := index . 0 -}}
name: {{ include "queue-worker.fullname" $context | quote }}
labels:
  {{- include "queue-worker.labels" $context | nindent 2 }}
  {{- $own := include "queue-worker.labels" $context | fromYaml }}
  {{- range $key, $value := (index . 1).labels }}
  {{- if not (hasKey $own $key) }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
  {{- end }}
{{- with include "queue-worker.annotations" (list $context dict) }}
annotations:
  {{- . | nindent 2 }}
{{- end }}
{{- end }}
