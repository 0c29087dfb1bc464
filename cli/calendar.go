package cli

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2/lang"

	"tandem/app"
	"tandem/model/store"
	"tandem/reports/ical"
)

// runCalendar writes the meetings of a programme, or of one of its
// tandems, as a calendar file (.ics) that Outlook and the other calendar
// programs import; importing a newer file again updates the entries. The
// file is only read.
func runCalendar(e env, args []string) int {
	a := newOutputArgs("calendar")
	_, tandemID, okArgs := a.parse(args, 0)
	if !okArgs {
		return usage(e)
	}
	st, d, code := a.loadProgramme(e, tandemID, true, (*store.Store).ProgrammeData)
	if code != ok {
		return code
	}
	defer st.Close()
	p := d.Programme
	events := app.CalendarEvents(&d, tandemID, 0)
	if len(events) == 0 {
		return failText(e, lang.L("cli.calendar.nothing", map[string]any{"Programme": p.Name}))
	}
	if err := writeAtomically(*a.out, func(w io.Writer) error { return ical.Write(w, events) }); err != nil {
		return fail(e, err)
	}
	fmt.Fprintln(e.stdout, lang.L("cli.calendar.done", map[string]any{"Count": len(events), "File": *a.out}))
	return ok
}
