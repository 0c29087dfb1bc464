package model

import (
	"slices"
	"strings"
	"time"
)

// The codes of the overview's "Was ist zu tun?" list, most urgent first.
// The window turns each into a sentence ("todo." + code) and a button.
const (
	TodoOverdueMeeting    = "overdue_meeting"    // Items: tandems; Due: the earliest due day
	TodoAgreementUnsigned = "agreement_unsigned" // Items: tandems; Due: programme start
	TodoNoFirstMeeting    = "no_first_meeting"   // Items: tandems; Due: the earliest first-meeting day
	TodoProgrammeEnding   = "programme_ending"   // no Items; Due: programme end; Days: days left
	TodoUnmatched         = "unmatched"          // Items: enrolments; Due: programme start
	TodoUntrained         = "untrained"          // Items: enrolments; Due: programme start
	TodoRetention         = "retention"          // Items: persons; Due: the first day after the retention period; Months: the period
	TodoNoBackup          = "no_backup"          // no Items; Due: day of the last backup (zero: never); Days: days since
)

// TodoCodes lists the codes in the order Todos sorts them.
var TodoCodes = []string{TodoOverdueMeeting, TodoAgreementUnsigned, TodoNoFirstMeeting,
	TodoProgrammeEnding, TodoUnmatched, TodoUntrained, TodoRetention, TodoNoBackup}

// The limits of the overview's rules, in days.
const (
	EndingWithinDays = 30 // a running programme ending within this many days is listed
	BackupWithinDays = 7  // no backup for this many days is listed
)

// Todo is one thing HR should do: one rule's finding for one programme.
type Todo struct {
	Code          string // one of TodoCodes
	Programme     ID     // 0 for no_backup
	ProgrammeName string // for the sentence; "" for no_backup
	Items         []ID   // the tandems, enrolments or persons concerned (see the codes), ascending
	Count         int    // len(Items)
	Due           Date   // the most urgent day concerned; zero when there is none
	Days          int    // programme_ending: days left (0 = ends today); no_backup: days since the last backup, 0 when never
	Months        int    // retention: the retention period in months
}

// Todos applies the overview's rules to the programmes and returns at most
// one Todo per rule and programme. Closed programmes only count for the
// retention rule:
//   - overdue_meeting: confirmed or active tandems overdue with a meeting (Tandem.Overdue);
//   - agreement_unsigned: confirmed or active tandems whose confidentiality
//     gate is closed (ConfidentialitySigned) — listed whether or not the
//     programme requires the agreement before the start, since what the two
//     say is confidential either way;
//   - no_first_meeting: confirmed or active tandems without a held meeting
//     three weeks after their beginning (Tandem.FirstMeetingLate);
//   - programme_ending: a running programme whose end lies within the next
//     30 days, today and the 30th day included;
//   - unmatched: confirmed or trained participants of a programme in
//     matching or running that are in no open tandem (a mentor with one
//     tandem and room for more is matched);
//   - untrained: confirmed or active participants of a programme in matching
//     or running without a training date;
//   - retention: the participants (enrolled or in a tandem) of a programme
//     closed more than retentionMonths months ago (RetentionEnd) whose
//     personal data is not erased yet — except those who take part in a
//     programme that is not closed, or closed more recently, among ps;
//   - no_backup: the last backup is 7 days old or more, or there is none.
//
// lastBackup is the time of the newest backup, zero when there is none;
// retentionMonths is Settings.Retention(); today is the local day. The list
// is ordered by the rule (as TodoCodes), then by Due (earliest first, none
// last), then by programme name.
func Todos(ps []ProgrammeData, lastBackup time.Time, retentionMonths int, today Date) []Todo {
	var out []Todo
	for i := range ps {
		out = append(out, programmeTodos(&ps[i], today)...)
	}
	out = append(out, retentionTodos(ps, retentionMonths, today)...)
	if lastBackup.IsZero() {
		out = append(out, Todo{Code: TodoNoBackup})
	} else if days := DateOf(lastBackup).DaysUntil(today); days >= BackupWithinDays {
		out = append(out, Todo{Code: TodoNoBackup, Due: DateOf(lastBackup), Days: days})
	}
	slices.SortStableFunc(out, func(a, b Todo) int {
		if c := slices.Index(TodoCodes, a.Code) - slices.Index(TodoCodes, b.Code); c != 0 {
			return c
		}
		if a.Due != b.Due {
			switch {
			case a.Due.IsZero():
				return 1
			case b.Due.IsZero():
				return -1
			}
			return a.Due.Compare(b.Due)
		}
		if c := strings.Compare(strings.ToLower(a.ProgrammeName), strings.ToLower(b.ProgrammeName)); c != 0 {
			return c
		}
		return cmpID(a.Programme, b.Programme)
	})
	return out
}

// finding collects one rule's items for one programme.
type finding struct {
	items []ID
	due   Date
}

// add records an item and keeps the earliest day.
func (f *finding) add(id ID, due Date) {
	f.items = append(f.items, id)
	if !due.IsZero() && (f.due.IsZero() || due.Before(f.due)) {
		f.due = due
	}
}

// programmeTodos applies the rules of one programme.
func programmeTodos(d *ProgrammeData, today Date) []Todo {
	p := &d.Programme
	if p.State == ProgrammeClosed {
		return nil
	}
	found := map[string]*finding{}
	add := func(code string, id ID, due Date) {
		if found[code] == nil {
			found[code] = &finding{}
		}
		found[code].add(id, due)
	}
	inTandem := map[ID]bool{} // persons in an open tandem
	for i := range d.Tandems {
		t := &d.Tandems[i]
		if t.Open() {
			inTandem[t.MentorID], inTandem[t.MenteeID] = true, true
		}
		if !t.running() {
			continue
		}
		ms := d.Meetings[t.ID]
		if due, late := t.Overdue(p, ms, today); late {
			add(TodoOverdueMeeting, t.ID, due)
		}
		if !ConfidentialitySigned(t, d.Agreements) {
			add(TodoAgreementUnsigned, t.ID, p.Start)
		}
		if due, late := t.FirstMeetingLate(ms, today); late {
			add(TodoNoFirstMeeting, t.ID, due)
		}
	}
	if p.State == ProgrammeMatching || p.State == ProgrammeRunning {
		for i := range d.Enrolments {
			e := &d.Enrolments[i]
			if (e.State == EnrolmentConfirmed || e.State == EnrolmentTrained) && !inTandem[e.PersonID] {
				add(TodoUnmatched, e.ID, p.Start)
			}
			if (e.State == EnrolmentConfirmed || e.State == EnrolmentActive) && e.TrainedOn.IsZero() {
				add(TodoUntrained, e.ID, p.Start)
			}
		}
	}
	var out []Todo
	if p.State == ProgrammeRunning && !p.End.IsZero() {
		if days := today.DaysUntil(p.End); days >= 0 && days <= EndingWithinDays {
			out = append(out, Todo{Code: TodoProgrammeEnding, Due: p.End, Days: days})
		}
	}
	for code, f := range found {
		slices.Sort(f.items)
		out = append(out, Todo{Code: code, Items: f.items, Count: len(f.items), Due: f.due})
	}
	for i := range out {
		out[i].Programme, out[i].ProgrammeName = p.ID, p.Name
	}
	return out
}

// RetentionEnd returns the day from which the overview suggests erasing
// the participants of a closed programme, the first day after the
// retention period: the day after the programme's end date (or, without
// one, the day it was last changed) plus months. It is zero for a
// programme that is not closed.
func RetentionEnd(p *Programme, months int) Date {
	if p.State != ProgrammeClosed {
		return Date{}
	}
	closed := p.End
	if closed.IsZero() {
		closed = DateOf(p.Updated)
	}
	return DateOf(closed.Time().AddDate(0, months, 1))
}

// RetentionDue reports whether the retention period of a closed programme
// has run out on today.
func RetentionDue(p *Programme, months int, today Date) bool {
	end := RetentionEnd(p, months)
	return !end.IsZero() && !today.Before(end)
}

// Participants returns everybody enrolled in the programme or a member of
// one of its tandems, ascending.
func (d *ProgrammeData) Participants() []ID {
	ids := make([]ID, 0, len(d.Enrolments)+2*len(d.Tandems))
	for _, e := range d.Enrolments {
		ids = append(ids, e.PersonID)
	}
	for _, t := range d.Tandems {
		ids = append(ids, t.MentorID, t.MenteeID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// retentionTodos applies the retention rule (see Todos).
func retentionTodos(ps []ProgrammeData, months int, today Date) []Todo {
	if months <= 0 {
		months = DefaultRetentionMonths
	}
	var due []*ProgrammeData
	keep := map[ID]bool{} // persons in a programme whose data is still needed
	for i := range ps {
		d := &ps[i]
		if RetentionDue(&d.Programme, months, today) {
			due = append(due, d)
			continue
		}
		for _, id := range d.Participants() {
			keep[id] = true
		}
	}
	var out []Todo
	for _, d := range due {
		var items []ID
		for _, id := range d.Participants() {
			if p, ok := d.Persons[id]; ok && p.Erased.IsZero() && !keep[id] {
				items = append(items, id)
			}
		}
		if len(items) > 0 {
			out = append(out, Todo{Code: TodoRetention, Programme: d.Programme.ID, ProgrammeName: d.Programme.Name,
				Items: items, Count: len(items), Due: RetentionEnd(&d.Programme, months), Months: months})
		}
	}
	return out
}
