package config

import (
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"
)

// Duration is a time.Duration written as Go writes durations: "5s", "2m", "1h30m".
// A bare number is refused, since its unit would be a guess.
type Duration struct{ time.Duration }

// UnmarshalText parses a duration such as "5s".
func (d *Duration) UnmarshalText(text []byte) error {
	v, err := time.ParseDuration(string(text))
	if err != nil {
		return fmt.Errorf("invalid duration %q: want a number with a unit, such as 5s, 2m or 1h30m", text)
	}
	d.Duration = v
	return nil
}

// MarshalText writes the duration as time.Duration.String does ("5s", "2m0s").
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalYAML parses a scalar duration. Its error is a yaml.TypeError carrying the
// line, so that the decoder reports it together with every other error in the file.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: want a duration such as 5s, 2m or 1h30m", n.Line)}}
	}
	if err := d.UnmarshalText([]byte(n.Value)); err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %v", n.Line, err)}}
	}
	return nil
}
