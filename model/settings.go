package model

import (
	"net/http"
	"slices"
	"time"
)

// MaxLogoBytes is the largest company logo Tandem stores.
const MaxLogoBytes = 2 << 20

// Settings are the company's details and the file's preferences. They live
// in the database, so they travel with the file.
type Settings struct {
	CompanyName string `json:"companyName,omitempty"`
	Address     string `json:"address,omitempty"` // several lines
	Logo        []byte `json:"logo,omitempty"`    // PNG or JPEG
	Language    string `json:"language,omitempty"`
	// Templates holds HR's own texts of the printed documents, by document
	// name and language ("confidentiality.de"); a missing entry means the
	// text Tandem ships.
	Templates map[string]string `json:"templates,omitempty"`
	// LockMinutes is how long a password-protected file may stay open
	// without input before the window locks: 0 means DefaultLockMinutes,
	// NeverLock never; else one of LockChoices.
	LockMinutes int `json:"lockMinutes,omitempty"`
	// RetentionMonths is how long after a programme closed its
	// participants' data is kept before the overview suggests erasing it;
	// 0 means DefaultRetentionMonths.
	RetentionMonths int       `json:"retentionMonths,omitempty"`
	Updated         time.Time `json:"updated,omitzero"`
}

// The bounds of Settings.RetentionMonths.
const (
	DefaultRetentionMonths = 24
	MinRetentionMonths     = 1
	MaxRetentionMonths     = 120
)

// Retention returns the retention period in months: RetentionMonths, or
// the default when it is not set.
func (s *Settings) Retention() int {
	if s.RetentionMonths == 0 {
		return DefaultRetentionMonths
	}
	return s.RetentionMonths
}

// Validate checks the settings.
func (s *Settings) Validate() error {
	var ps problems
	if len([]rune(s.CompanyName)) > 120 {
		ps.add("companyName", "too_long", "120")
	}
	if len(s.Logo) > 0 {
		if len(s.Logo) > MaxLogoBytes {
			ps.add("logo", "logo_too_large", "2 MB")
		} else if t := http.DetectContentType(s.Logo); t != "image/png" && t != "image/jpeg" {
			ps.add("logo", "logo_type")
		}
	}
	if s.RetentionMonths != 0 && (s.RetentionMonths < MinRetentionMonths || s.RetentionMonths > MaxRetentionMonths) {
		ps.add("retentionMonths", "retention_range")
	}
	if s.LockMinutes != 0 && s.LockMinutes != NeverLock && !slices.Contains(LockChoices, s.LockMinutes) {
		ps.add("lockMinutes", "choice")
	}
	return ps.err("settings")
}

// The idle lock's choices, in minutes.
const (
	DefaultLockMinutes = 10
	NeverLock          = -1
)

// LockChoices are the times after which the window may lock.
var LockChoices = []int{5, 10, 15, 30, 60}

// IdleLock returns after how long without input the window locks; 0 for never.
func (s *Settings) IdleLock() time.Duration {
	switch s.LockMinutes {
	case 0:
		return DefaultLockMinutes * time.Minute
	case NeverLock:
		return 0
	}
	return time.Duration(s.LockMinutes) * time.Minute
}

// AuditEntry records one change: when, by which operating-system user, what
// was done to which record, and a short summary without confidential content.
type AuditEntry struct {
	Time     time.Time `json:"time"`
	User     string    `json:"user"`
	Action   string    `json:"action"` // create, update, delete, backup, restore, import, migrate, password, erase, compact
	Entity   string    `json:"entity"`
	EntityID ID        `json:"entityId,omitempty"`
	Summary  string    `json:"summary,omitempty"`
}
