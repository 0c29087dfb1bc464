package reports

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
)

// TemplateError says why a document's text makes no document: where it
// goes wrong and how, so the editor can say it in HR's language.
type TemplateError struct {
	Name string
	Line int // 1-based line in the template text; 0 when unknown
	// Code is one of "syntax", "unknown_field", "unknown_function",
	// "unclosed", "unknown_directive", "execution".
	Code   string
	Detail string // the offending identifier or directive, when known ("" otherwise)
	Err    error  // the underlying error (English; for logs only)
}

// TemplateErrorCodes lists every TemplateError.Code, so the window can
// have a sentence for each.
var TemplateErrorCodes = []string{"syntax", "unknown_field", "unknown_function", "unclosed",
	"unknown_directive", "execution"}

// Error renders the error for logs.
func (e *TemplateError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "template %s", e.Name)
	if e.Line > 0 {
		fmt.Fprintf(&b, " line %d", e.Line)
	}
	b.WriteString(": " + strings.ReplaceAll(e.Code, "_", " "))
	if e.Detail != "" {
		b.WriteString(" " + e.Detail)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *TemplateError) Unwrap() error { return e.Err }

// maxOutput bounds what one template may produce, so that a runaway
// {{range}} fails instead of filling the memory.
const maxOutput = 1 << 20

var errTooLong = errors.New("the text produces more than a megabyte")

// funcs are the functions templates may call besides text/template's own.
var funcs = template.FuncMap{
	"join": func(list []string, sep string) string { return strings.Join(list, sep) },
}

var dataType = reflect.TypeFor[Data]()

// compile parses a document's template text and checks that it uses only
// the document's fields and known functions.
func compile(name, text string) (*template.Template, error) {
	if name == "" || fieldsOf[name] == nil {
		return nil, &TemplateError{Name: name, Code: "execution", Detail: name, Err: errors.New("unknown document")}
	}
	if line, ok := unclosedAction(text); ok {
		return nil, &TemplateError{Name: name, Line: line, Code: "unclosed", Detail: "{{",
			Err: errors.New("action not closed with }}")}
	}
	t, err := template.New(name).Funcs(funcs).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, parseError(name, text, err)
	}
	c := fieldCheck{name: name, text: text}
	for _, sub := range t.Templates() {
		if sub.Tree == nil || sub.Tree.Root == nil {
			continue
		}
		var dot reflect.Type
		if sub.Name() == name {
			dot = dataType
		}
		c.list(sub.Tree.Root, dot)
	}
	if c.err != nil {
		return nil, c.err
	}
	return t, nil
}

// execute runs the template on the data.
func execute(t *template.Template, text string, d *Data) (string, error) {
	var b limitedBuilder
	if err := t.Execute(&b, d); err != nil {
		return "", execError(t.Name(), text, err)
	}
	return b.String(), nil
}

type limitedBuilder struct{ strings.Builder }

func (b *limitedBuilder) Write(p []byte) (int, error) {
	if b.Len()+len(p) > maxOutput {
		return 0, errTooLong
	}
	return b.Builder.Write(p)
}

var (
	parseLineRE = regexp.MustCompile(`^template: [^:]*:(\d+):\s*(.*)$`)
	execLineRE  = regexp.MustCompile(`^template: [^:]*:(\d+):\d+: executing "[^"]*" at <(.*?)>: (.*)$`)
	quotedRE    = regexp.MustCompile(`"([^"]*)"`)
)

// parseError classifies an error of template.Parse.
func parseError(name, text string, err error) *TemplateError {
	e := &TemplateError{Name: name, Code: "syntax", Err: err}
	m := parseLineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return e
	}
	e.Line, _ = strconv.Atoi(m[1])
	msg := m[2]
	switch {
	case strings.HasPrefix(msg, "function ") && strings.HasSuffix(msg, " not defined"):
		e.Code = "unknown_function"
	case msg == "unexpected EOF":
		e.Code = "unclosed"
		if line, kw, ok := unclosedBlock(text); ok {
			e.Line, e.Detail = line, "{{"+kw+"}}"
		}
		return e
	case strings.HasPrefix(msg, "unclosed") || strings.HasPrefix(msg, "unterminated"):
		e.Code = "unclosed"
	}
	if q := quotedRE.FindStringSubmatch(msg); q != nil {
		e.Detail = q[1]
	}
	return e
}

// execError classifies an error of Template.Execute.
func execError(name, text string, err error) *TemplateError {
	e := &TemplateError{Name: name, Code: "execution", Err: err}
	if errors.Is(err, errTooLong) {
		return e
	}
	m := execLineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return e
	}
	e.Line, _ = strconv.Atoi(m[1])
	e.Detail = m[2]
	if strings.Contains(m[3], "can't evaluate field") {
		e.Code = "unknown_field"
	}
	return e
}

// unclosedAction finds a "{{" without its "}}" before the next "{{" or the
// end, and returns its line.
func unclosedAction(text string) (int, bool) {
	pos := 0
	for {
		i := strings.Index(text[pos:], "{{")
		if i < 0 {
			return 0, false
		}
		open := pos + i
		rest := text[open+2:]
		end := strings.Index(rest, "}}")
		next := strings.Index(rest, "{{")
		if end < 0 || (next >= 0 && next < end && !strings.HasPrefix(strings.TrimLeft(rest, "- "), "/*")) {
			return lineAt(text, open), true
		}
		pos = open + 2 + end + 2
	}
}

var blockRE = regexp.MustCompile(`\{\{-?\s*(if|range|with|define|block|end)\b`)

// unclosedBlock finds the {{if}}, {{range}}, {{with}}, {{define}} or
// {{block}} that lacks its {{end}}.
func unclosedBlock(text string) (int, string, bool) {
	type open struct {
		line int
		kw   string
	}
	var stack []open
	for _, m := range blockRE.FindAllStringSubmatchIndex(text, -1) {
		kw := text[m[2]:m[3]]
		if kw == "end" {
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		stack = append(stack, open{lineAt(text, m[0]), kw})
	}
	if len(stack) == 0 {
		return 0, "", false
	}
	top := stack[len(stack)-1]
	return top.line, top.kw, true
}

// lineAt returns the 1-based line of a byte offset.
func lineAt(text string, pos int) int {
	pos = min(max(pos, 0), len(text))
	return strings.Count(text[:pos], "\n") + 1
}

// fieldCheck walks a template and finds the first field the document does
// not offer, also in branches the sample data would not take.
type fieldCheck struct {
	name, text string
	err        *TemplateError
}

func (c *fieldCheck) list(l *parse.ListNode, dot reflect.Type) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		c.node(n, dot)
	}
}

func (c *fieldCheck) node(n parse.Node, dot reflect.Type) {
	switch n := n.(type) {
	case *parse.ActionNode:
		c.pipe(n.Pipe, dot)
	case *parse.IfNode:
		c.pipe(n.Pipe, dot)
		c.list(n.List, dot)
		c.list(n.ElseList, dot)
	case *parse.RangeNode:
		t := c.pipe(n.Pipe, dot)
		if elem(t) == nil && c.err == nil {
			// A range over a number could run for hours: only lists of
			// the data may be ranged over.
			c.err = &TemplateError{Name: c.name, Line: lineAt(c.text, int(n.Position())), Code: "syntax",
				Detail: "range " + n.Pipe.String(), Err: errors.New("range only over a list of the data")}
		}
		c.list(n.List, elem(t))
		c.list(n.ElseList, dot)
	case *parse.WithNode:
		t := c.pipe(n.Pipe, dot)
		c.list(n.List, t)
		c.list(n.ElseList, dot)
	case *parse.TemplateNode:
		c.pipe(n.Pipe, dot)
	}
}

// pipe checks a pipeline and returns its type when it is a plain field.
func (c *fieldCheck) pipe(p *parse.PipeNode, dot reflect.Type) reflect.Type {
	if p == nil {
		return nil
	}
	var last reflect.Type
	for _, cmd := range p.Cmds {
		last = nil
		for _, a := range cmd.Args {
			t := c.arg(a, dot)
			if len(cmd.Args) == 1 {
				last = t
			}
		}
	}
	if len(p.Cmds) != 1 {
		return nil
	}
	return last
}

func (c *fieldCheck) arg(n parse.Node, dot reflect.Type) reflect.Type {
	switch n := n.(type) {
	case *parse.FieldNode:
		return c.resolve(dot, n.Ident, n.Position(), n.String())
	case *parse.ChainNode:
		return c.resolve(c.arg(n.Node, dot), n.Field, n.Position(), n.String())
	case *parse.VariableNode:
		if n.Ident[0] == "$" {
			return c.resolve(dataType, n.Ident[1:], n.Position(), n.String())
		}
	case *parse.PipeNode:
		return c.pipe(n, dot)
	case *parse.DotNode:
		return dot
	}
	return nil
}

// resolve follows the field names from type t; it records an error for a
// field that does not exist.
func (c *fieldCheck) resolve(t reflect.Type, idents []string, pos parse.Pos, expr string) reflect.Type {
	for _, id := range idents {
		if t == nil {
			return nil
		}
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() == reflect.Interface || t.Kind() == reflect.Map {
			return nil
		}
		f, ok := reflect.StructField{}, false
		if t.Kind() == reflect.Struct {
			f, ok = t.FieldByName(id)
		}
		if ok && t == dataType && !allowedField(c.name, id) {
			ok = false
		}
		if !ok || !f.IsExported() {
			if c.err == nil {
				c.err = &TemplateError{Name: c.name, Line: lineAt(c.text, int(pos)), Code: "unknown_field",
					Detail: expr, Err: fmt.Errorf("no field %s in %s", id, c.name)}
			}
			return nil
		}
		t = f.Type
	}
	return t
}

// elem returns the element type of what {{range}} iterates.
func elem(t reflect.Type) reflect.Type {
	if t == nil {
		return nil
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return t.Elem()
	}
	return nil
}
