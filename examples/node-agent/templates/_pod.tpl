{{/*
The pod template every workload kind of this chart uses: security context, probes, resources,
configuration, secrets and storage in one place.
Usage: include "node-agent.podTemplate" .
*/}}
{{- define "node-agent.checkMountPaths" -}}
{{- $paths := list "/tmp" }}
{{- if ne (len $paths) (len (uniq $paths)) }}
{{- fail (printf "mount paths must differ (and not be /tmp, the writable scratch folder): %s" (join ", " $paths)) }}
{{- end }}
{{- end }}

{{/*
A probe of values without the chart's `enabled` switch. A gRPC probe takes a port number, never a
name: without one it checks the container port, also when service.port changes in values.
Usage: include "node-agent.probe" (list $ .Values.livenessProbe)
*/}}
{{- define "node-agent.probe" -}}
{{- $context := index . 0 }}
{{- $probe := omit (index . 1) "enabled" }}
{{- if and (hasKey $probe "grpc") (not (dig "grpc" "port" 0 $probe)) }}
{{- $probe = merge (dict "grpc" (merge (dict "port" (int $context.Values.service.port)) ($probe.grpc | default dict))) $probe }}
{{- end }}
{{- toYaml $probe }}
{{- end }}

{{- define "node-agent.podTemplate" -}}
metadata:
  {{- with include "node-agent.podAnnotations" . | trim }}
  annotations:
    {{- . | nindent 4 }}
  {{- end }}
  labels:
    {{- include "node-agent.podTemplateLabels" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  {{- with include "node-agent.imagePullSecrets" . }}
  {{- . | nindent 2 }}
  {{- end }}
  serviceAccountName: {{ include "node-agent.serviceAccountName" . | quote }}
  automountServiceAccountToken: {{ .Values.serviceAccount.automount }}
  securityContext:
    {{- include "node-agent.securityContext" (list . .Values.podSecurityContext) | nindent 4 }}
  {{- with .Values.priorityClassName }}
  priorityClassName: {{ . | quote }}
  {{- end }}
  terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
  {{- if .Values.hostNetwork }}
  {{- if and .Values.hostPort (ne (int .Values.hostPort) (int .Values.service.port)) }}
  {{- fail "hostPort: with hostNetwork the host port is the container port; set hostPort to service.port or 0" }}
  {{- end }}
  hostNetwork: true
  dnsPolicy: ClusterFirstWithHostNet
  {{- end }}
  {{- if and .Values.nativeSidecars (semverCompare "<1.29.0-0" .Capabilities.KubeVersion.Version) }}
  {{- fail "nativeSidecars: need Kubernetes 1.29 or later; use sidecars on older clusters" }}
  {{- end }}
  {{- $initContainers := list }}
  {{- range .Values.nativeSidecars }}
  {{- $initContainers = append $initContainers (merge (dict "restartPolicy" "Always") .) }}
  {{- end }}
  {{- $initContainers = concat $initContainers .Values.initContainers }}
  {{- with $initContainers }}
  initContainers:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  containers:
    - name: {{ .Chart.Name | quote }}
      image: {{ include "node-agent.image" . | quote }}
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      {{- with .Values.command }}
      command:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.args }}
      args:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- include "node-agent.securityContext" (list . .Values.securityContext) | nindent 8 }}
      ports:
        - name: http
          containerPort: {{ .Values.service.port }}
          protocol: TCP
          {{- with .Values.hostPort }}
          hostPort: {{ . }}
          {{- end }}
      {{- with .Values.livenessProbe }}
      {{- if .enabled }}
      livenessProbe:
        {{- include "node-agent.probe" (list $ .) | nindent 8 }}
      {{- end }}
      {{- end }}
      {{- with .Values.readinessProbe }}
      {{- if .enabled }}
      readinessProbe:
        {{- include "node-agent.probe" (list $ .) | nindent 8 }}
      {{- end }}
      {{- end }}
      {{- with .Values.startupProbe }}
      {{- if .enabled }}
      startupProbe:
        {{- include "node-agent.probe" (list $ .) | nindent 8 }}
      {{- end }}
      {{- end }}
      {{- $secretEnv := false }}
      {{- if or $secretEnv .Values.extraEnv }}
      env:
        {{- if $secretEnv }}
        {{- range .Values.secrets.keys }}
        - name: {{ . | quote }}
          valueFrom:
            secretKeyRef:
              name: {{ include "node-agent.secretName" $ | quote }}
              key: {{ . | quote }}
        {{- end }}
        {{- end }}
        {{- with .Values.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- end }}
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      {{- $lifecycle := .Values.lifecycle | default dict }}
      {{- with .Values.preStop }}
      {{- if .sleepSeconds }}
      {{- if $lifecycle.preStop }}
      {{- fail "preStop.sleepSeconds: lifecycle.preStop is set too: keep one (set preStop.sleepSeconds to 0)" }}
      {{- end }}
      {{- if ge (int .sleepSeconds) (int $.Values.terminationGracePeriodSeconds) }}
      {{- fail "preStop.sleepSeconds: must be shorter than terminationGracePeriodSeconds, which the pause counts against" }}
      {{- end }}
      {{- /* The sleep action is beta and on by default from Kubernetes 1.30 (PodLifecycleSleepAction). */}}
      {{- if and (eq .action "sleep") (semverCompare "<1.30.0-0" $.Capabilities.KubeVersion.Version) }}
      {{- fail "preStop.action: sleep needs Kubernetes 1.30 or later; set preStop.action to exec if the image has a sleep binary, or preStop.sleepSeconds to 0" }}
      {{- end }}
      {{- $handler := ternary (dict "sleep" (dict "seconds" (int .sleepSeconds))) (dict "exec" (dict "command" (list "sleep" (toString (int .sleepSeconds))))) (eq .action "sleep") }}
      {{- $lifecycle = merge (dict "preStop" $handler) $lifecycle }}
      {{- end }}
      {{- end }}
      {{- with $lifecycle }}
      lifecycle:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- include "node-agent.checkMountPaths" . }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        {{- with .Values.extraVolumeMounts }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    {{- with .Values.sidecars }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  volumes:
    - name: tmp
      {{- with .Values.tmpVolume.sizeLimit }}
      emptyDir:
        sizeLimit: {{ . | quote }}
      {{- else }}
      emptyDir: {}
      {{- end }}
    {{- with .Values.extraVolumes }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with .Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.topologySpreadConstraints }}
  topologySpreadConstraints:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
