{{/*
The pod template every workload kind of this chart uses: security context, probes, resources,
configuration, secrets and storage in one place.
Usage: include "bookshop.migrate.podTemplate" .
Each component has its own (its kind, Service and probes differ): <chart>.<component>.podTemplate.
*/}}
{{- define "bookshop.migrate.checkMountPaths" -}}
{{- $paths := list "/tmp" }}
{{- if and .Values.config.enabled .Values.config.mountPath }}{{ $paths = append $paths .Values.config.mountPath }}{{ end }}
{{- if and .Values.secrets.enabled .Values.secrets.mountPath }}{{ $paths = append $paths .Values.secrets.mountPath }}{{ end }}
{{- if ne (len $paths) (len (uniq $paths)) }}
{{- fail (printf "mount paths must differ (and not be /tmp, the writable scratch folder): %s" (join ", " $paths)) }}
{{- end }}
{{- end }}

{{- define "bookshop.migrate.podTemplate" -}}
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
  restartPolicy: {{ .Values.job.restartPolicy }}
  {{- with include "bookshop.imagePullSecrets" . }}
  {{- . | nindent 2 }}
  {{- end }}
  {{- /* A pre-install,pre-upgrade hook runs before the release's ServiceAccount exists: the namespace's default one, with no token, unless it is managed outside the release. */}}
  serviceAccountName: {{ .Values.serviceAccount.create | ternary "default" (include "bookshop.serviceAccountName" .) | quote }}
  automountServiceAccountToken: {{ and .Values.serviceAccount.automount (not .Values.serviceAccount.create) }}
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
      {{- if and .Values.config.enabled (not .Values.config.mountPath) }}
      envFrom:
        - configMapRef:
            name: {{ include "bookshop.fullname" . | quote }}
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
      {{- include "bookshop.migrate.checkMountPaths" . }}
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
        name: {{ include "bookshop.fullname" . | quote }}
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
