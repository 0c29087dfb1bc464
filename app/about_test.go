package app

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tandem/assets"
)

func TestAboutFromSettings(t *testing.T) {
	newTestApp(t)
	st := openTestStore(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1100, 900))
	s := newSettingsScreen(st, w, &fakeSettingsActions{})
	w.SetContent(s.view())
	s.show()

	tapButton(t, w, "Über Tandem …")
	if !hasText(t, w, "Version "+Version) || !hasText(t, w, st.Path()) {
		t.Fatal("the about dialog does not show the version and the file in use")
	}
}

func TestAboutShowsVersionFileAndLicences(t *testing.T) {
	newTestApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1100, 900))
	old := Version
	Version = "1.2.3-test"
	defer func() { Version = old }()
	path := filepath.Join(t.TempDir(), "Personalabteilung Müller", "Daten Ü", "tandem.db")
	var revealed []string
	reveal := func(p string) error { revealed = append(revealed, p); return nil }
	a := newAboutDialog(w, path, reveal)
	a.show()

	if !hasText(t, w, "Version 1.2.3-test") {
		t.Error("the version is not shown")
	}
	if !hasText(t, w, path) {
		t.Errorf("the data file %q is not shown", path)
	}
	tapButton(t, w, "Im Ordner zeigen")
	if len(revealed) != 1 || revealed[0] != path {
		t.Errorf("revealed %q, want the data file", revealed)
	}

	licences, err := assets.Licences()
	if err != nil {
		t.Fatal(err)
	}
	if a.list.Length() != len(licences) || len(licences) < 10 {
		t.Fatalf("%d licences listed, want %d", a.list.Length(), len(licences))
	}
	if !hasText(t, w, "Noto Sans") || !hasText(t, w, "OFL-1.1") {
		t.Error("the font of the documents and its licence are not listed first")
	}
	for i, l := range licences {
		if l.Name != "go.etcd.io/bbolt" {
			continue
		}
		a.list.Select(i)
		want, _ := l.Text()
		if a.text.Text != reflow(want) || !strings.Contains(a.text.Text, "Permission is hereby granted, free of charge, to any person obtaining a copy of this software") {
			t.Errorf("choosing bbolt shows %.60q…", a.text.Text)
		}
	}
}

func TestAboutRevealFailureIsASentence(t *testing.T) {
	newTestApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1100, 900))
	a := newAboutDialog(w, "/nirgends/tandem.db", func(string) error { return errors.New("no file manager") })
	a.show()
	tapButton(t, w, "Im Ordner zeigen")
	if !hasTextContaining(t, w, "(no file manager)") {
		t.Error("a failure to show the folder is not reported")
	}
}

func TestReflowJoinsWrappedLines(t *testing.T) {
	in := "Copyright (c) 2013 Ben Johnson\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software.\n\n" +
		"   * Redistributions of source code must retain the above copyright\nnotice, this list of conditions.\n   * Neither the name\n" +
		"————————\nSIL OPEN FONT LICENSE\n————————\n1. First\n2) Second\n(a) third\n   continued"
	want := "Copyright (c) 2013 Ben Johnson\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software.\n\n" +
		"   * Redistributions of source code must retain the above copyright notice, this list of conditions.\n   * Neither the name\n" +
		"————————\nSIL OPEN FONT LICENSE\n————————\n1. First\n2) Second\n(a) third continued"
	if got := reflow(in); got != want {
		t.Errorf("reflow:\n%s\nwant:\n%s", got, want)
	}
}
