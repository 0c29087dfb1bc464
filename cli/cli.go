// Package cli is Tandem's command line: the same binary that opens the
// window also runs single commands for scripts and tests. Exit codes: 0 on
// success, 1 when the work could not be done (with one sentence on stderr),
// 2 for wrong usage.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"tandem/app"
	"tandem/demo"
	"tandem/model"
	"tandem/model/store"
)

// Exit codes.
const (
	ok       = 0
	failed   = 1
	badUsage = 2
)

// env is what a command works with.
type env struct {
	stdout, stderr io.Writer
	now            func() time.Time
}

// commands are the subcommands by name.
var commands = map[string]func(e env, args []string) int{
	"version":  runVersion,
	"demo":     runDemo,
	"backup":   runBackup,
	"restore":  runRestore,
	"check":    runCheck,
	"import":   runImport,
	"export":   runExport,
	"match":    runMatch,
	"print":    runPrint,
	"calendar": runCalendar,
}

// openWindow starts the window; a variable so tests can replace it.
var openWindow = func(db string) error { return app.Run(app.Options{DB: db}) }

// Run executes the command line args (without the program name) and returns
// the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	app.UseLanguage("")
	e := env{stdout: stdout, stderr: stderr, now: time.Now}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		c, found := commands[args[0]]
		if !found {
			fmt.Fprintln(stderr, lang.L("cli.unknown", map[string]any{"Command": args[0]}))
			fmt.Fprintln(stderr, lang.L("cli.usage"))
			return badUsage
		}
		return c(e, args[1:])
	}
	fs := newFlags("tandem")
	db := fs.String("db", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usage(e)
	}
	if err := openWindow(*db); err != nil {
		return fail(e, err)
	}
	return ok
}

// newFlags returns a quiet flag set; wrong flags are reported by usage.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse reads flags that may stand before or after the positional
// arguments, and checks the number of positional ones.
func parse(fs *flag.FlagSet, args []string, positional int) ([]string, bool) {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && len(a) > 1:
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if f := fs.Lookup(name); f != nil && !strings.Contains(a, "=") && !isBool(f) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			rest = append(rest, a)
		}
	}
	if err := fs.Parse(flags); err != nil || len(rest) != positional {
		return nil, false
	}
	return rest, true
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// usage prints the synopsis and returns the exit code for wrong usage.
func usage(e env) int {
	fmt.Fprintln(e.stderr, lang.L("cli.usage"))
	return badUsage
}

// fail prints err as a sentence and returns the exit code for failure.
func fail(e env, err error) int {
	fmt.Fprintln(e.stderr, app.Message(err))
	if model.KindOf(err) == model.PasswordRequired {
		fmt.Fprintln(e.stderr, lang.L("cli.password.hint"))
	}
	return failed
}

// dbPath is the --db value or the default file.
func dbPath(db string) (string, error) {
	if db != "" {
		return db, nil
	}
	return store.DefaultPath()
}

// openStore opens the --db file (or the default one).
func openStore(db string, opt store.Options) (*store.Store, error) {
	path, err := dbPath(db)
	if err != nil {
		return nil, err
	}
	return openPath(path, opt)
}

// openPath opens a Tandem file; a password-protected one with the password
// from TANDEM_PASSWORD or, when that is not set, asked on the terminal.
// One attempt: a wrong password ends the command.
func openPath(path string, opt store.Options) (*store.Store, error) {
	opt.Password = os.Getenv("TANDEM_PASSWORD")
	st, err := store.Open(path, opt)
	if model.KindOf(err) != model.PasswordRequired {
		return st, err
	}
	if opt.Password, err = readPassword(lang.L("cli.password", map[string]any{"File": filepath.Base(path)})); err != nil {
		e := model.E("cli.open", model.PasswordRequired)
		e.Arg = path
		return nil, e
	}
	return store.Open(path, opt)
}

func runVersion(e env, args []string) int {
	if len(args) > 0 {
		return usage(e)
	}
	fmt.Fprintln(e.stdout, "Tandem "+app.Version)
	return ok
}

func runDemo(e env, args []string) int {
	fs := newFlags("demo")
	db := fs.String("db", "", "")
	if _, okArgs := parse(fs, args, 0); !okArgs || *db == "" {
		return usage(e)
	}
	st, err := store.Open(*db, store.Options{Now: e.now})
	if err != nil {
		return fail(e, err)
	}
	defer st.Close()
	if err := demo.Load(st, model.DateOf(e.now())); err != nil {
		return fail(e, err)
	}
	if password := os.Getenv("TANDEM_PASSWORD"); password != "" {
		recovery, err := st.SetPassword(password)
		if err != nil {
			return fail(e, err)
		}
		fmt.Fprintln(e.stderr, lang.L("cli.demo.recovery", map[string]any{"Key": recovery}))
	}
	c, err := st.Counts()
	if err != nil {
		return fail(e, err)
	}
	fmt.Fprintln(e.stdout, lang.L("cli.demo.done", map[string]any{"File": st.Path(),
		"Persons": c.Persons, "Programmes": c.Programmes, "Tandems": c.Tandems}))
	return ok
}

func runBackup(e env, args []string) int {
	fs := newFlags("backup")
	db := fs.String("db", "", "")
	out := fs.String("out", "", "")
	if _, okArgs := parse(fs, args, 0); !okArgs || *out == "" {
		return usage(e)
	}
	st, err := openStore(*db, store.Options{Now: e.now})
	if err != nil {
		return fail(e, err)
	}
	defer st.Close()
	if err := st.CopyTo(*out); err != nil {
		return fail(e, err)
	}
	fmt.Fprintln(e.stdout, lang.L("cli.backup.done", map[string]any{"File": *out}))
	return ok
}

func runRestore(e env, args []string) int {
	fs := newFlags("restore")
	db := fs.String("db", "", "")
	rest, okArgs := parse(fs, args, 1)
	if !okArgs {
		return usage(e)
	}
	st, err := openStore(*db, store.Options{Now: e.now})
	if err != nil {
		return fail(e, err)
	}
	defer st.Close()
	if err := st.Restore(store.Backup{Path: rest[0]}); err != nil {
		return fail(e, err)
	}
	fmt.Fprintln(e.stdout, lang.L("cli.restore.done", map[string]any{"File": st.Path(), "Backup": rest[0]}))
	return ok
}

// checkReport is the JSON answer of `tandem check --json`.
type checkReport struct {
	OK         bool           `json:"ok"`
	Schema     int            `json:"schema"`
	File       string         `json:"file"`
	Counts     map[string]int `json:"counts"`
	Programmes []string       `json:"programmes"`
	Problems   []string       `json:"problems,omitempty"`
	// Warnings say when the file lies in a synchronised folder or on a
	// network drive.
	Warnings []string `json:"warnings,omitempty"`
}

func runCheck(e env, args []string) int {
	fs := newFlags("check")
	db := fs.String("db", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, okArgs := parse(fs, args, 0); !okArgs {
		return usage(e)
	}
	path, err := dbPath(*db)
	if err != nil {
		return fail(e, err)
	}
	report, err := check(path, e)
	warning := app.LocationWarning(path)
	if *asJSON {
		if err != nil && report.File == "" {
			report = checkReport{File: path, Problems: []string{app.Message(err)}}
		}
		if warning != "" {
			report.Warnings = []string{warning}
		}
		if code := printJSON(e, report); code != ok {
			return code
		}
		if err != nil {
			fmt.Fprintln(e.stderr, app.Message(err))
			return failed
		}
		return ok
	}
	if warning != "" {
		fmt.Fprintln(e.stderr, warning)
	}
	if err != nil {
		return fail(e, err)
	}
	fmt.Fprintln(e.stdout, lang.L("cli.check.ok", map[string]any{"File": report.File, "Schema": report.Schema,
		"Persons": report.Counts["persons"], "Programmes": len(report.Programmes)}))
	return ok
}

// check opens the file read-only and checks its integrity and figures.
func check(path string, e env) (checkReport, error) {
	st, err := openPath(path, store.Options{Now: e.now, ReadOnly: true})
	if err != nil {
		return checkReport{}, err
	}
	defer st.Close()
	r := checkReport{File: st.Path(), Schema: st.Schema(), Programmes: []string{}}
	if err := st.Check(); err != nil {
		for _, p := range model.ProblemsOf(err) {
			r.Problems = append(r.Problems, app.ProblemText(p))
		}
		return r, err
	}
	c, err := st.Counts()
	if err != nil {
		return r, err
	}
	r.Counts = map[string]int{"persons": c.Persons, "programmes": c.Programmes, "enrolments": c.Enrolments,
		"tandems": c.Tandems, "meetings": c.Meetings, "agreements": c.Agreements}
	ps, err := st.Programmes()
	if err != nil {
		return r, err
	}
	for _, p := range ps {
		r.Programmes = append(r.Programmes, p.Name)
	}
	r.OK = true
	return r, nil
}
