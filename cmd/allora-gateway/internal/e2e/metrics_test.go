package e2e

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Sample is one line of a Prometheus text exposition: a metric's labels and value.
type Sample struct {
	Labels map[string]string
	Value  float64
}

// Metrics is what a process serves on /metrics, by metric name (histograms by their
// _count, _sum and _bucket series).
type Metrics map[string][]Sample

// ScrapeMetrics reads http://addr/metrics as Prometheus would.
func ScrapeMetrics(addr string) (Metrics, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/metrics", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("scrape %s/metrics: %w", addr, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("scrape %s/metrics: %s", addr, resp.Status)
	}
	out := Metrics{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, s, err := parseSample(line)
		if err != nil {
			return nil, fmt.Errorf("scrape %s/metrics: %w", addr, err)
		}
		out[name] = append(out[name], s)
	}
	return out, sc.Err()
}

// parseSample reads `name{k="v",...} value` (label values as the client library
// writes them: no commas or braces in ours, quotes escaped).
func parseSample(line string) (string, Sample, error) {
	s := Sample{Labels: map[string]string{}}
	sp := strings.LastIndexByte(line, ' ')
	if sp < 0 {
		return "", s, fmt.Errorf("line %q: no value", line)
	}
	v, err := strconv.ParseFloat(line[sp+1:], 64)
	if err != nil {
		return "", s, fmt.Errorf("line %q: value: %w", line, err)
	}
	s.Value = v
	series := line[:sp]
	name, labels, hasLabels := strings.Cut(series, "{")
	if hasLabels {
		labels = strings.TrimSuffix(labels, "}")
		for kv := range strings.SplitSeq(labels, ",") {
			if kv == "" {
				continue
			}
			k, qv, ok := strings.Cut(kv, "=")
			if !ok {
				return "", s, fmt.Errorf("line %q: label %q", line, kv)
			}
			uq, err := strconv.Unquote(qv)
			if err != nil {
				return "", s, fmt.Errorf("line %q: label %q: %w", line, kv, err)
			}
			s.Labels[k] = uq
		}
	}
	return name, s, nil
}

// Value is the sum of name's samples whose labels include every pair of match
// (key, value, key, value...), and whether there was any.
func (m Metrics) Value(name string, match ...string) (float64, bool) {
	total, found := 0.0, false
	for _, s := range m[name] {
		ok := true
		for i := 0; i+1 < len(match); i += 2 {
			if s.Labels[match[i]] != match[i+1] {
				ok = false
				break
			}
		}
		if ok {
			total += s.Value
			found = true
		}
	}
	return total, found
}
