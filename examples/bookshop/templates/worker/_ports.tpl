{{/*
The extra ports of values (extraPorts): container ports of the app, and those with expose: true
also Service ports, which the NetworkPolicy admits like the service port. Their names and ports
must differ from each other and from the main port's, which values.schema.json cannot say.
Usage: include "bookshop.worker.extraContainerPorts" . | trim
*/}}
{{- define "bookshop.worker.checkExtraPorts" -}}
{{- $names := list }}
{{- $ports := list }}
{{- range $i, $port := .Values.extraPorts }}
{{- if has $port.name $names }}
{{- fail (printf "extraPorts[%d].name: %s is the name of another port of the chart" $i $port.name) }}
{{- end }}
{{- if has (int $port.port) $ports }}
{{- fail (printf "extraPorts[%d].port: %d is another port of the chart" $i (int $port.port)) }}
{{- end }}
{{- $names = append $names $port.name }}
{{- $ports = append $ports (int $port.port) }}
{{- end }}
{{- end }}

{{- define "bookshop.worker.extraContainerPorts" -}}
{{- include "bookshop.worker.checkExtraPorts" . }}
{{- range .Values.extraPorts }}
- name: {{ .name }}
  containerPort: {{ .port }}
  protocol: {{ .protocol | default "TCP" }}
{{- end }}
{{- end }}
