package config

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// envPrefix starts the name of every environment variable that overrides the config.
const envPrefix = "ALLORA_GATEWAY"

var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

// applyEnv overrides c with the environment variables lookupEnv finds, walking the
// struct by its yaml tags so that every key, present and future, has its variable
// without a list to keep in step. It reports every malformed variable.
func applyEnv(c *Config, lookupEnv func(string) (string, bool)) error {
	var errs []error
	walkEnv(reflect.ValueOf(c).Elem(), envPrefix, lookupEnv, &errs)
	return errors.Join(errs...)
}

func walkEnv(v reflect.Value, name string, lookupEnv func(string) (string, bool), errs *[]error) {
	t := v.Type()
	if isLeaf(t) {
		s, ok := lookupEnv(name)
		if !ok {
			return
		}
		if err := setLeaf(v, s); err != nil {
			*errs = append(*errs, fmt.Errorf("%s: %w", name, err))
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		for i := range t.NumField() {
			key := yamlKey(t.Field(i))
			if key == "" {
				continue
			}
			walkEnv(v.Field(i), name+"_"+envName(key), lookupEnv, errs)
		}
	case reflect.Slice:
		// A list of structs: each element is addressed by its name when it has one
		// (CHAINS_BNB_RPC), otherwise by its index (SIGNERS_ORACLE_0_KEYSTORE). The name
		// itself is not overridden: it is the address.
		nameField := fieldByKey(t.Elem(), "name")
		for i := range v.Len() {
			elem := v.Index(i)
			part := strconv.Itoa(i)
			if nameField >= 0 {
				part = envName(elem.Field(nameField).String())
				if part == "" {
					continue // an unnamed element; Validate reports it
				}
			}
			et := elem.Type()
			for j := range et.NumField() {
				key := yamlKey(et.Field(j))
				if key == "" || j == nameField {
					continue
				}
				walkEnv(elem.Field(j), name+"_"+part+"_"+envName(key), lookupEnv, errs)
			}
		}
	default:
		// Reached only if a field of a type setLeaf does not handle is added to Config;
		// the tests walk every field, so this fails there first.
		*errs = append(*errs, fmt.Errorf("%s: no environment override for a field of type %s", name, t))
	}
}

// isLeaf reports whether values of t are set from one environment variable.
func isLeaf(t reflect.Type) bool {
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float64:
		return true
	case reflect.Slice:
		return t.Elem().Kind() != reflect.Struct && isLeaf(t.Elem())
	}
	return false
}

// setLeaf parses s into v. A list is comma-separated, spaces around items ignored, and
// the empty string is the empty list. A Secret is a string, so its value, which an
// error must not quote, never fails to parse.
func setLeaf(v reflect.Value, s string) error {
	t := v.Type()
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
	}
	switch t.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("%q is not true or false", s)
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, t.Bits())
		if err != nil {
			return fmt.Errorf("%q is not an integer of %d bits", s, t.Bits())
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(strings.TrimSpace(s), 10, t.Bits())
		if err != nil {
			return fmt.Errorf("%q is not an unsigned integer of %d bits", s, t.Bits())
		}
		v.SetUint(n)
	case reflect.Float64:
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return fmt.Errorf("%q is not a number", s)
		}
		v.SetFloat(f)
	case reflect.Slice:
		if strings.TrimSpace(s) == "" {
			v.Set(reflect.MakeSlice(t, 0, 0))
			return nil
		}
		items := strings.Split(s, ",")
		list := reflect.MakeSlice(t, len(items), len(items))
		for i, item := range items {
			item = strings.TrimSpace(item)
			if item == "" {
				return fmt.Errorf("item %d of the comma-separated list is empty", i+1)
			}
			if err := setLeaf(list.Index(i), item); err != nil {
				return fmt.Errorf("item %d: %w", i+1, err)
			}
		}
		v.Set(list)
	default:
		return fmt.Errorf("no environment override for a field of type %s", t)
	}
	return nil
}

// yamlKey returns the YAML key of field f, or "" for a field YAML skips.
func yamlKey(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	switch tag {
	case "-":
		return ""
	case "":
		return strings.ToLower(f.Name) // yaml's own default
	}
	return tag
}

// fieldByKey returns the index of the string field of struct type t whose YAML key is
// key, or -1.
func fieldByKey(t reflect.Type, key string) int {
	if t.Kind() != reflect.Struct {
		return -1
	}
	for i := range t.NumField() {
		if f := t.Field(i); yamlKey(f) == key && f.Type.Kind() == reflect.String {
			return i
		}
	}
	return -1
}

// envName turns a YAML key or a chain name into its part of a variable name: upper
// case, every character other than an ASCII letter or digit replaced by "_".
func envName(s string) string {
	b := []byte(strings.ToUpper(s))
	for i, c := range b {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			b[i] = '_'
		}
	}
	return string(b)
}

// EnvNames returns the names of the environment variables that override c, in the
// order of its fields, for help texts and the config command. Chains and oracle keys
// appear as c lists them.
func EnvNames(c Config) []string {
	var names []string
	walkEnv(reflect.ValueOf(&c).Elem(), envPrefix, func(name string) (string, bool) {
		names = append(names, name)
		return "", false
	}, new([]error))
	return names
}
