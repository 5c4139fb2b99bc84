{{/*
The pod template every workload kind of this chart uses: security context, probes, resources,
configuration, secrets and storage in one place.
Usage: include "bookshop.cache.podTemplate" .
Each component has its own (its kind, Service and probes differ): <chart>.<component>.podTemplate.
*/}}
{{- define "bookshop.cache.checkMountPaths" -}}
{{- $paths := list "/tmp" }}
{{- if .Values.persistence.enabled }}{{ $paths = append $paths .Values.persistence.mountPath }}{{ end }}
{{- if ne (len $paths) (len (uniq $paths)) }}
{{- fail (printf "mount paths must differ (and not be /tmp, the writable scratch folder): %s" (join ", " $paths)) }}
{{- end }}
{{- end }}

{{/*
A probe of values without the chart's `enabled` switch. A gRPC probe takes a port number, never a
name: without one it checks the container port, also when service.port changes in values.
Usage: include "bookshop.cache.probe" (list $ .Values.livenessProbe)
*/}}
{{- define "bookshop.cache.probe" -}}
{{- $context := index . 0 }}
{{- $probe := omit (index . 1) "enabled" }}
{{- if and (hasKey $probe "grpc") (not (dig "grpc" "port" 0 $probe)) }}
{{- $probe = merge (dict "grpc" (merge (dict "port" (int $context.Values.service.port)) ($probe.grpc | default dict))) $probe }}
{{- end }}
{{- toYaml $probe }}
{{- end }}

{{- define "bookshop.cache.podTemplate" -}}
metadata:
  {{- with include "bookshop.podAnnotations" . | trim }}
  annotations:
    {{- . | nindent 4 }}
  {{- end }}
  labels:
    {{- include "bookshop.podTemplateLabels" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  {{- with include "bookshop.imagePullSecrets" . }}
  {{- . | nindent 2 }}
  {{- end }}
  serviceAccountName: {{ include "bookshop.serviceAccountName" . | quote }}
  automountServiceAccountToken: {{ .Values.serviceAccount.automount }}
  securityContext:
    {{- include "bookshop.securityContext" (list . .Values.podSecurityContext) | nindent 4 }}
  {{- with .Values.priorityClassName }}
  priorityClassName: {{ . | quote }}
  {{- end }}
  terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
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
      image: {{ include "bookshop.image" . | quote }}
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
        {{- include "bookshop.securityContext" (list . .Values.securityContext) | nindent 8 }}
      ports:
        - name: tcp
          containerPort: {{ .Values.service.port }}
          protocol: TCP
      {{- with .Values.livenessProbe }}
      {{- if .enabled }}
      livenessProbe:
        {{- include "bookshop.cache.probe" (list $ .) | nindent 8 }}
      {{- end }}
      {{- end }}
      {{- with .Values.readinessProbe }}
      {{- if .enabled }}
      readinessProbe:
        {{- include "bookshop.cache.probe" (list $ .) | nindent 8 }}
      {{- end }}
      {{- end }}
      {{- with .Values.startupProbe }}
      {{- if .enabled }}
      startupProbe:
        {{- include "bookshop.cache.probe" (list $ .) | nindent 8 }}
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
              name: {{ include "bookshop.secretName" $ | quote }}
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
      {{- include "bookshop.cache.checkMountPaths" . }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        {{- if .Values.persistence.enabled }}
        - name: data
          mountPath: {{ .Values.persistence.mountPath | quote }}
        {{- end }}
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
  {{- if .Values.affinity }}
  affinity:
    {{- toYaml .Values.affinity | nindent 4 }}
  {{- else if .Values.podAntiAffinityPreset }}
  {{- /* Bitnami's common.affinities.pods: the replicas on different nodes, by the selector labels. */}}
  affinity:
    podAntiAffinity:
      {{- if eq .Values.podAntiAffinityPreset "hard" }}
      requiredDuringSchedulingIgnoredDuringExecution:
        - labelSelector:
            matchLabels:
              {{- include "bookshop.selectorLabels" . | nindent 14 }}
          topologyKey: kubernetes.io/hostname
      {{- else }}
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 1
          podAffinityTerm:
            labelSelector:
              matchLabels:
                {{- include "bookshop.selectorLabels" . | nindent 16 }}
            topologyKey: kubernetes.io/hostname
      {{- end }}
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
