{{/*
The pod template every workload kind of this chart uses: security context, probes, resources,
configuration and secrets in one place.
Usage: include "shop-api.podTemplate" .
*/}}
{{- define "shop-api.podTemplate" -}}
metadata:
  {{- with include "shop-api.podAnnotations" . | trim }}
  annotations:
    {{- . | nindent 4 }}
  {{- end }}
  labels:
    {{- include "shop-api.labels" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  {{- with .Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  serviceAccountName: {{ include "shop-api.serviceAccountName" . }}
  automountServiceAccountToken: {{ .Values.serviceAccount.automount }}
  securityContext:
    {{- toYaml .Values.podSecurityContext | nindent 4 }}
  containers:
    - name: {{ .Chart.Name }}
      image: {{ include "shop-api.image" . | quote }}
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      securityContext:
        {{- toYaml .Values.securityContext | nindent 8 }}
      ports:
        - name: http
          containerPort: {{ .Values.service.port }}
          protocol: TCP
      {{- with .Values.livenessProbe }}
      {{- if .enabled }}
      livenessProbe:
        {{- toYaml (omit . "enabled") | nindent 8 }}
      {{- end }}
      {{- end }}
      {{- with .Values.readinessProbe }}
      {{- if .enabled }}
      readinessProbe:
        {{- toYaml (omit . "enabled") | nindent 8 }}
      {{- end }}
      {{- end }}
      {{- if .Values.config.enabled }}
      envFrom:
        - configMapRef:
            name: {{ include "shop-api.fullname" . }}
      {{- end }}
      {{- if and .Values.secrets.enabled .Values.secrets.keys }}
      env:
        {{- range .Values.secrets.keys }}
        - name: {{ . }}
          valueFrom:
            secretKeyRef:
              name: {{ include "shop-api.secretName" $ }}
              key: {{ . }}
        {{- end }}
      {{- end }}
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir: {}
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
{{- end }}
