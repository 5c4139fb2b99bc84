{{/*
The pod template every workload kind of this chart uses: security context, probes, resources,
configuration, secrets and storage in one place.
Usage: include "bookshop.worker.podTemplate" .
Each component has its own (its kind, Service and probes differ): <chart>.<component>.podTemplate.
*/}}
{{- define "bookshop.worker.checkMountPaths" -}}
{{- $paths := list "/tmp" }}
{{- if and .Values.config.enabled .Values.config.mountPath }}{{ $paths = append $paths .Values.config.mountPath }}{{ end }}
{{- if and .Values.secrets.enabled .Values.secrets.mountPath }}{{ $paths = append $paths .Values.secrets.mountPath }}{{ end }}
{{- if ne (len $paths) (len (uniq $paths)) }}
{{- fail (printf "mount paths must differ (and not be /tmp, the writable scratch folder): %s" (join ", " $paths)) }}
{{- end }}
{{- end }}

{{/*
A probe of values without the chart's `enabled` switch. A gRPC probe takes a port number, never a
name: without one it checks the container port, also when service.port changes in values.
Usage: include "bookshop.worker.probe" (list $ .Values.livenessProbe)
*/}}
{{- define "bookshop.worker.probe" -}}
{{- $context := index . 0 }}
{{- $probe := omit (index . 1) "enabled" }}
{{- toYaml $probe }}
{{- end }}

{{- define "bookshop.worker.podTemplate" -}}
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
      {{- with include "bookshop.worker.extraContainerPorts" . | trim }}
      ports:
        {{- . | nindent 8 }}
      {{- end }}
      {{- with .Values.livenessProbe }}
      {{- if .enabled }}
      livenessProbe:
        {{- include "bookshop.worker.probe" (list $ .) | nindent 8 }}
      {{- end }}
      {{- end }}
      {{- if and .Values.config.enabled (not .Values.config.mountPath) }}
      envFrom:
        - configMapRef:
            name: {{ include "bookshop.fullname" (omit . "Component") | quote }}
      {{- end }}
      {{- $secretEnv := and .Values.secrets.enabled (not .Values.secrets.mountPath) }}
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
      {{- with .Values.lifecycle }}
      lifecycle:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- include "bookshop.worker.checkMountPaths" . }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        {{- if and .Values.config.enabled .Values.config.mountPath }}
        - name: config
          mountPath: {{ .Values.config.mountPath | quote }}
          readOnly: true
        {{- end }}
        {{- if and .Values.secrets.enabled .Values.secrets.mountPath }}
        - name: secrets
          mountPath: {{ .Values.secrets.mountPath | quote }}
          readOnly: true
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
    {{- if and .Values.config.enabled .Values.config.mountPath }}
    - name: config
      configMap:
        name: {{ include "bookshop.fullname" (omit . "Component") | quote }}
    {{- end }}
    {{- if and .Values.secrets.enabled .Values.secrets.mountPath }}
    - name: secrets
      secret:
        secretName: {{ include "bookshop.secretName" . | quote }}
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
