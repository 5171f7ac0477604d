// Command yamlcheck reads YAML files the way Go programs do (docker compose reads with
// gopkg.in/yaml.v3, kubectl with a fork of gopkg.in/yaml.v2) and prints what each file holds as
// JSON, so that a test can compare it with what the writer meant.
//
// Input on stdin: a JSON array of {"name": ..., "text": ...}. Output on stdout: a JSON array, one
// entry per file and reader: {"name", "reader", "docs"} or {"name", "reader", "error"}. A value
// that is not JSON data (a map key that is not a string, a timestamp, NaN) is an error naming it.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"time"

	yamlv2 "gopkg.in/yaml.v2"
	yamlv3 "gopkg.in/yaml.v3"
)

type file struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

type result struct {
	Name   string        `json:"name"`
	Reader string        `json:"reader"`
	Docs   []interface{} `json:"docs,omitempty"`
	Error  string        `json:"error,omitempty"`
}

func main() {
	var files []file
	if err := json.NewDecoder(os.Stdin).Decode(&files); err != nil {
		fmt.Fprintln(os.Stderr, "yamlcheck: reading the request:", err)
		os.Exit(2)
	}
	out := make([]result, 0, 2*len(files))
	for _, f := range files {
		out = append(out, read(f, "yaml.v3", v3Docs))
		out = append(out, read(f, "yaml.v2", v2Docs))
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "yamlcheck: writing the answer:", err)
		os.Exit(2)
	}
}

func read(f file, reader string, docs func(string) ([]interface{}, error)) result {
	r := result{Name: f.Name, Reader: reader}
	list, err := docs(f.Text)
	if err == nil {
		for i, d := range list {
			var v interface{}
			v, err = plain(d, "")
			if err != nil {
				err = fmt.Errorf("document %d: %w", i+1, err)
				break
			}
			r.Docs = append(r.Docs, v)
		}
	}
	if err != nil {
		r.Docs = nil
		r.Error = err.Error()
	}
	return r
}

// decoder is what yaml.v3's and yaml.v2's decoders have in common.
type decoder interface{ Decode(v interface{}) error }

func allDocs(dec decoder) ([]interface{}, error) {
	var docs []interface{}
	for {
		var v interface{}
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		docs = append(docs, v)
	}
}

func v3Docs(text string) ([]interface{}, error) {
	return allDocs(yamlv3.NewDecoder(bytes.NewBufferString(text)))
}

func v2Docs(text string) ([]interface{}, error) {
	return allDocs(yamlv2.NewDecoder(bytes.NewBufferString(text)))
}

// plain turns a decoded value into JSON data, refusing what JSON cannot hold unchanged.
func plain(v interface{}, at string) (interface{}, error) {
	switch x := v.(type) {
	case nil, string, bool, int, int64, uint64:
		return x, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("%s: the float %v", where(at), x)
		}
		return x, nil
	case time.Time:
		return nil, fmt.Errorf("%s: a timestamp (%s)", where(at), x.Format(time.RFC3339Nano))
	case []interface{}:
		out := make([]interface{}, len(x))
		for i, e := range x {
			p, err := plain(e, fmt.Sprintf("%s[%d]", at, i))
			if err != nil {
				return nil, err
			}
			out[i] = p
		}
		return out, nil
	case map[string]interface{}:
		out := make(map[string]interface{}, len(x))
		for k, e := range x {
			p, err := plain(e, at+"."+k)
			if err != nil {
				return nil, err
			}
			out[k] = p
		}
		return out, nil
	case map[interface{}]interface{}:
		out := make(map[string]interface{}, len(x))
		for k, e := range x {
			s, ok := k.(string)
			if !ok {
				return nil, fmt.Errorf("%s: the map key %v is a %T, not a string", where(at), k, k)
			}
			p, err := plain(e, at+"."+s)
			if err != nil {
				return nil, err
			}
			out[s] = p
		}
		return out, nil
	default:
		return nil, fmt.Errorf("%s: a %T (%v)", where(at), x, x)
	}
}

func where(at string) string {
	if at == "" {
		return "the document"
	}
	return at
}
