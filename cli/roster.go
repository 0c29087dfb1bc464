package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/term"

	"tandem/app"
	"tandem/fsx"
	"tandem/model"
	"tandem/model/store"
	"tandem/roster"
)

// readPassword asks for a password (of a workbook or of the Tandem file) on
// the terminal without echo; it fails when standard input is not a
// terminal. Tests replace it.
var readPassword = func(prompt string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", model.E("password", model.Invalid, model.Problem{Field: "file", Code: "password_needed"})
	}
	fmt.Fprint(os.Stderr, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(os.Stderr)
	return string(b), err
}

// importReport is the JSON answer of `tandem import --json`.
type importReport struct {
	New       int              `json:"new"`
	Changed   int              `json:"changed"`
	Unchanged int              `json:"unchanged"`
	Former    int              `json:"former"`
	Rejected  []rejectedReport `json:"rejected"`
}

type rejectedReport struct {
	Row    int    `json:"row"`
	Reason string `json:"reason"`
}

func runImport(e env, args []string) int {
	fs := newFlags("import")
	db := fs.String("db", "", "")
	dryRun := fs.Bool("dry-run", false, "")
	sheet := fs.String("sheet", "", "")
	asJSON := fs.Bool("json", false, "")
	rest, okArgs := parse(fs, args, 1)
	if !okArgs {
		return usage(e)
	}
	today := model.DateOf(e.now())
	records, err := readRoster(rest[0], *sheet, today)
	if err != nil {
		return fail(e, err)
	}
	path, err := dbPath(*db)
	if err != nil {
		return fail(e, err)
	}
	var existing []model.Person
	var st *store.Store
	if _, statErr := os.Stat(path); !*dryRun || statErr == nil {
		// A dry run against a file that does not exist yet compares with nobody.
		if st, err = openPath(path, store.Options{Now: e.now, ReadOnly: *dryRun}); err != nil {
			return fail(e, err)
		}
		defer st.Close()
		if existing, err = st.Persons(); err != nil {
			return fail(e, err)
		}
	}
	plan := roster.MakePlan(records, existing, today, model.Source{File: filepath.Base(rest[0]), Imported: e.now()})
	if !*dryRun {
		if err := roster.Apply(st, plan, nil, today); err != nil {
			return fail(e, err)
		}
	}
	report := importReport{New: len(plan.New), Changed: len(plan.Changed), Unchanged: len(plan.Unchanged),
		Former: plan.Former(), Rejected: []rejectedReport{}}
	for _, r := range plan.Rejected {
		report.Rejected = append(report.Rejected, rejectedReport{Row: r.Row,
			Reason: app.FieldName(r.Problem.Field) + ": " + app.ProblemText(r.Problem)})
	}
	if *asJSON {
		return printJSON(e, report)
	}
	key := "cli.import.done"
	if *dryRun {
		key = "cli.import.dryrun"
	}
	fmt.Fprintln(e.stdout, lang.L(key, map[string]any{"New": report.New, "Changed": report.Changed,
		"Unchanged": report.Unchanged, "Former": report.Former, "Rejected": len(report.Rejected)}))
	for _, r := range report.Rejected {
		fmt.Fprintln(e.stdout, lang.L("import.row", map[string]any{"Row": r.Row})+" "+r.Reason)
	}
	return ok
}

// readRoster reads a staff list; an encrypted workbook takes its password
// from TANDEM_FILE_PASSWORD or asks on the terminal.
func readRoster(path, sheet string, today model.Date) ([]roster.Record, error) {
	opt := roster.Options{Password: os.Getenv("TANDEM_FILE_PASSWORD"), Today: today}
	_, records, err := roster.ReadAll(path, opt, sheet)
	if code := firstCode(err); code == "password_needed" && opt.Password == "" {
		if opt.Password, err = readPassword(lang.L("cli.password", map[string]any{"File": filepath.Base(path)})); err != nil {
			return nil, err
		}
		_, records, err = roster.ReadAll(path, opt, sheet)
	}
	return records, err
}

func firstCode(err error) string {
	if ps := model.ProblemsOf(err); len(ps) > 0 {
		return ps[0].Code
	}
	return ""
}

func runExport(e env, args []string) int {
	fs := newFlags("export")
	db := fs.String("db", "", "")
	rest, okArgs := parse(fs, args, 1)
	if !okArgs {
		return usage(e)
	}
	st, err := openStore(*db, store.Options{Now: e.now, ReadOnly: true})
	if err != nil {
		return fail(e, err)
	}
	defer st.Close()
	if err := writeAtomically(rest[0], func(w io.Writer) error { return roster.Export(w, st, app.Language()) }); err != nil {
		return fail(e, err)
	}
	fmt.Fprintln(e.stdout, lang.L("cli.export.done", map[string]any{"File": rest[0]}))
	return ok
}

// writeAtomically writes a file under a temporary name next to path and
// renames it into place once complete, so a failure (a full disk) leaves no
// half-written file and an existing one untouched. A failure of the file
// system is an IO error naming the file.
func writeAtomically(path string, write func(w io.Writer) error) error {
	err := fsx.WriteFile(path, write)
	if err != nil && model.KindOf(err) == model.Other {
		e := model.E("write", model.IO, err)
		e.Arg = path
		return e
	}
	return err
}

// printJSON prints v as one JSON object on stdout.
func printJSON(e env, v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fail(e, err)
	}
	return ok
}
