{{/* Names and labels shared by every object of the release. */}}
{{- define "gw.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "gw.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "gw.labels" -}}
app.kubernetes.io/name: {{ include "gw.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "gw.selector" -}}
app.kubernetes.io/name: {{ include "gw.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The image: repository:tag, pinned as repository:tag@sha256:... when image.digest is set. */}}
{{- define "gw.image" -}}
{{- $ref := printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion | toString) -}}
{{- with .Values.image.digest -}}
{{- if not (regexMatch "^sha256:[0-9a-f]{64}$" .) -}}
{{- fail (printf "image.digest %q: want sha256: and 64 hex digits, as docker buildx imagetools inspect prints" .) -}}
{{- end -}}
{{- $ref = printf "%s@%s" $ref . -}}
{{- end -}}
{{- $ref -}}
{{- end -}}

{{/*
The keys volume at /keys: the keystores' Secret alone, or, when a passphrases Secret is
named, both projected into one directory so that keystores and passphrases can be
granted, rotated and audited apart. Either way the kubelet writes the files 0440
root:<fsGroup> behind its ..data symlink, which the gateway accepts for key material.
.keys and .passphrases are the Secrets' names.
*/}}
{{- define "gw.keysVolume" -}}
- name: keys
{{- if .passphrases }}
  projected:
    defaultMode: 0400
    sources:
      - secret: {name: {{ .keys }}}
      - secret: {name: {{ .passphrases }}}
{{- else }}
  secret:
    secretName: {{ .keys }}
    defaultMode: 0400
{{- end }}
{{- end -}}

{{/*
Spread of a component's replicas: across nodes (and zones, where nodes carry the zone
label) so that one node's loss takes at most one replica. .component names the pods.
*/}}
{{- define "gw.spread" -}}
{{- if .root.Values.spread.enabled -}}
topologySpreadConstraints:
  {{- range .root.Values.spread.topologyKeys }}
  - maxSkew: 1
    topologyKey: {{ . }}
    whenUnsatisfiable: {{ $.root.Values.spread.whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "gw.selector" (dict "root" $.root "component" $.component) | nindent 8 }}
  {{- end }}
{{- if not .root.Values.affinity }}
affinity:
  podAntiAffinity:
    preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          topologyKey: kubernetes.io/hostname
          labelSelector:
            matchLabels:
              {{- include "gw.selector" (dict "root" .root "component" .component) | nindent 14 }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The Redis URL and prefix, from the Secret and values, as ALLORA_GATEWAY_* overrides. */}}
{{- define "gw.redisEnv" -}}
- name: ALLORA_GATEWAY_REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ required "redis.existingSecret must name the Secret holding the Redis URL" .Values.redis.existingSecret }}
      key: {{ .Values.redis.urlKey }}
- name: ALLORA_GATEWAY_REDIS_PREFIX
  value: {{ .Values.redis.prefix | quote }}
{{- end -}}

{{/* Probes; .ready is the readiness path (the co-signer has no store or chain to wait for). */}}
{{- define "gw.probes" -}}
livenessProbe:
  httpGet: {path: /healthz, port: http}
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet: {path: {{ .ready | default "/readyz" }}, port: http}
  periodSeconds: 5
  failureThreshold: 3
startupProbe:
  httpGet: {path: /healthz, port: http}
  periodSeconds: 2
  failureThreshold: 30
{{- end -}}

{{- define "gw.podSpecCommon" -}}
serviceAccountName: {{ include "gw.fullname" . }}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
