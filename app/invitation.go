package app

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"tandem/model"
)

// invitation is an e-mail to both members of a tandem, opened in the
// user's mail program to be checked and sent from there; nothing is
// attached.
type invitation struct {
	To      []string
	Subject string
	Body    string
}

// newInvitation writes the e-mail about meeting m of a tandem of programme
// p, or about the tandem in general when m is nil or not planned.
func newInvitation(p *model.Programme, mentor, mentee model.Person, m *model.Meeting) invitation {
	inv := invitation{}
	for _, person := range []model.Person{mentor, mentee} {
		if person.Email != "" {
			inv.To = append(inv.To, person.Email)
		}
	}
	greeting := lang.L("invitation.greeting", map[string]any{"Mentor": AddressName(mentor), "Mentee": AddressName(mentee)})
	var text []string
	if m == nil || m.State != model.MeetingPlanned {
		inv.Subject = lang.L("invitation.subject.tandem")
		text = []string{greeting, lang.L("invitation.tandem", map[string]any{"Programme": p.Name}), "", ""}
	} else {
		inv.Subject = lang.L("invitation.subject.meeting", map[string]any{"Date": formatDate(model.DateOf(m.At.Local()))})
		text = []string{greeting, lang.L("invitation.meeting", map[string]any{"Programme": p.Name}), "",
			lang.L("invitation.when", map[string]any{"When": meetingWhen(m.At), "Minutes": m.Minutes})}
		if place := meetingPlace(m); place != "" {
			text = append(text, lang.L("invitation.place", map[string]any{"Place": place}))
		}
		if len(m.Topics) > 0 {
			text = append(text, lang.L("invitation.topics", map[string]any{"Topics": JoinList(m.Topics)}))
		}
		if a := model.Clean(m.Agenda); a != "" {
			text = append(text, lang.L("invitation.agenda", map[string]any{"Agenda": a}))
		}
		text = append(text, "", lang.L("invitation.change"))
	}
	text = append(text, "", lang.L("invitation.regards"))
	if p.HRContact != "" {
		text = append(text, p.HRContact)
	}
	inv.Body = strings.Join(text, "\n")
	return inv
}

// URL is the mailto: link that opens the e-mail: the addresses separated by
// commas, subject and body percent-encoded (a space as %20, not +, which
// mail programs would show; line breaks as CRLF, RFC 6068).
func (inv invitation) URL() *url.URL {
	to := make([]string, len(inv.To))
	for i, a := range inv.To {
		to[i] = url.PathEscape(a)
	}
	body := strings.ReplaceAll(inv.Body, "\n", "\r\n")
	return &url.URL{Scheme: "mailto", Opaque: strings.Join(to, ","),
		RawQuery: "subject=" + mailtoEscape(inv.Subject) + "&body=" + mailtoEscape(body)}
}

// mailtoEscape percent-encodes a header value of a mailto: link.
func mailtoEscape(s string) string {
	// QueryEscape writes a space as + and a real + as %2B, so every + left
	// is a space.
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// openInvitation opens the e-mail in the user's mail program with open
// (the app's OpenURL).
func openInvitation(win fyne.Window, inv invitation, open func(*url.URL) error) {
	if err := open(inv.URL()); err != nil {
		showError(win, model.E("mail", model.IO, err))
	}
}

// meetingWhen is "Donnerstag, 03.12.2026, 10:00 Uhr" in local time.
func meetingWhen(at time.Time) string {
	at = at.Local()
	return lang.L("meeting.when", map[string]any{"Weekday": lang.L("weekday." + strconv.Itoa(int(at.Weekday()))),
		"Date": formatDate(model.DateOf(at)), "Time": at.Format("15:04")})
}
