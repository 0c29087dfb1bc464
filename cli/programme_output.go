package cli

import (
	"flag"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"tandem/model"
	"tandem/model/store"
)

// outputArgs are the flags of the commands that write a file about one
// programme: --db, --programme, --tandem and --out.
type outputArgs struct {
	fs                      *flag.FlagSet
	db, name, tandemID, out *string
}

func newOutputArgs(command string) *outputArgs {
	fs := newFlags(command)
	return &outputArgs{fs: fs, db: fs.String("db", "", ""), name: fs.String("programme", "", ""),
		tandemID: fs.String("tandem", "", ""), out: fs.String("out", "", "")}
}

// parse reads args with the given number of positional arguments; ok is
// false for wrong usage: a missing programme or output file, or a tandem
// that is no number.
func (a *outputArgs) parse(args []string, positional int) (rest []string, tandem model.ID, ok bool) {
	rest, ok = parse(a.fs, args, positional)
	if !ok || strings.TrimSpace(*a.name) == "" || *a.out == "" {
		return nil, 0, false
	}
	if *a.tandemID != "" {
		n, err := strconv.ParseUint(*a.tandemID, 10, 64)
		if err != nil || n == 0 {
			return nil, 0, false
		}
		tandem = model.ID(n)
	}
	return rest, tandem, true
}

// loadProgramme opens the --db file and reads the --programme with read;
// the tandem, when not 0, must belong to it. On failure it has printed the
// sentence and returns the exit code; otherwise the caller closes st.
func (a *outputArgs) loadProgramme(e env, tandem model.ID, readOnly bool,
	read func(st *store.Store, programme model.ID) (model.ProgrammeData, error)) (*store.Store, model.ProgrammeData, int) {
	var d model.ProgrammeData
	st, err := openStore(*a.db, store.Options{Now: e.now, ReadOnly: readOnly})
	if err != nil {
		return nil, d, fail(e, err)
	}
	code := ok
	p, err := findProgramme(st, *a.name)
	switch {
	case err != nil:
		code = fail(e, err)
	case p.ID == 0:
		code = failText(e, unknownProgramme(st, *a.name))
	default:
		if d, err = read(st, p.ID); err != nil {
			code = fail(e, err)
		} else if tandem != 0 && d.Tandem(tandem) == nil {
			code = failText(e, lang.L("cli.print.notandem", map[string]any{"ID": tandem, "Programme": p.Name}))
		}
	}
	if code != ok {
		st.Close()
		return nil, d, code
	}
	return st, d, ok
}
