window.SOPKIT_BENCH_SEARCH = [
{{- range $i, $p := site.RegularPages }}{{ if $i }},{{ end }}
{{ dict "u" (strings.TrimPrefix "/" $p.RelPermalink) "t" $p.Title "k" $p.Section "r" ($p.Params.roles | default slice) "s" ($p.Params.summary | default "") "x" $p.Plain | jsonify }}
{{- end }}
];
