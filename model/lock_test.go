package model

import (
	"testing"
	"time"
)

func TestIdleLockSetting(t *testing.T) {
	for _, tc := range []struct {
		minutes int
		want    time.Duration
		valid   bool
	}{
		{0, 10 * time.Minute, true},
		{5, 5 * time.Minute, true},
		{60, time.Hour, true},
		{NeverLock, 0, true},
		{7, 0, false},
		{-5, 0, false},
	} {
		s := Settings{LockMinutes: tc.minutes}
		if err := s.Validate(); (err == nil) != tc.valid {
			t.Errorf("%d minutes: valid %v, error %v", tc.minutes, tc.valid, err)
		}
		if tc.valid && s.IdleLock() != tc.want {
			t.Errorf("%d minutes: lock after %v, want %v", tc.minutes, s.IdleLock(), tc.want)
		}
	}
}
