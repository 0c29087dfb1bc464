package cli

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"tandem/app"
	"tandem/model"
	"tandem/model/store"
	"tandem/reports/ical"
)

// runCalendar writes the meetings of a programme, or of one of its
// tandems, as a calendar file (.ics) that Outlook and the other calendar
// programs import; importing a newer file again updates the entries. The
// file is only read.
func runCalendar(e env, args []string) int {
	fs := newFlags("calendar")
	db := fs.String("db", "", "")
	name := fs.String("programme", "", "")
	tandem := fs.String("tandem", "", "")
	out := fs.String("out", "", "")
	if _, okArgs := parse(fs, args, 0); !okArgs || strings.TrimSpace(*name) == "" || *out == "" {
		return usage(e)
	}
	var tandemID model.ID
	if *tandem != "" {
		n, err := strconv.ParseUint(*tandem, 10, 64)
		if err != nil || n == 0 {
			return usage(e)
		}
		tandemID = model.ID(n)
	}
	st, err := openStore(*db, store.Options{Now: e.now, ReadOnly: true})
	if err != nil {
		return fail(e, err)
	}
	defer st.Close()
	p, err := findProgramme(st, *name)
	if err != nil {
		return fail(e, err)
	}
	if p.ID == 0 {
		return failText(e, unknownProgramme(st, *name))
	}
	d, err := st.ProgrammeData(p.ID)
	if err != nil {
		return fail(e, err)
	}
	if tandemID != 0 && d.Tandem(tandemID) == nil {
		return failText(e, lang.L("cli.print.notandem", map[string]any{"ID": tandemID, "Programme": p.Name}))
	}
	events := app.CalendarEvents(&d, tandemID, 0)
	if len(events) == 0 {
		return failText(e, lang.L("cli.calendar.nothing", map[string]any{"Programme": p.Name}))
	}
	if err := writeAtomically(*out, func(f *os.File) error { return ical.Write(f, events) }); err != nil {
		return fail(e, err)
	}
	fmt.Fprintln(e.stdout, lang.L("cli.calendar.done", map[string]any{"Count": len(events), "File": *out}))
	return ok
}
