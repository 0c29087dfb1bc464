package app

import (
	"net/url"
	"testing"
)

func TestFileURLEscapesSpacesAndUmlauts(t *testing.T) {
	tests := []struct{ path, want, slashPath string }{
		{"/tmp/Personalabteilung Müller/Daten Ü/Vereinbarung Jürgen Weiß.pdf",
			"file:///tmp/Personalabteilung%20M%C3%BCller/Daten%20%C3%9C/Vereinbarung%20J%C3%BCrgen%20Wei%C3%9F.pdf",
			"/tmp/Personalabteilung Müller/Daten Ü/Vereinbarung Jürgen Weiß.pdf"},
		// A Windows path (after filepath.ToSlash) gets a slash before the drive.
		{"C:/Users/Frau Müller/AppData/Roaming/Tandem/Bericht 2026.pdf",
			"file:///C:/Users/Frau%20M%C3%BCller/AppData/Roaming/Tandem/Bericht%202026.pdf",
			"/C:/Users/Frau Müller/AppData/Roaming/Tandem/Bericht 2026.pdf"},
		// Characters with a meaning in URLs stay part of the name.
		{"/home/hr/Tandem #2 (100% fertig)?.pdf",
			"file:///home/hr/Tandem%20%232%20%28100%25%20fertig%29%3F.pdf",
			"/home/hr/Tandem #2 (100% fertig)?.pdf"},
	}
	for _, tt := range tests {
		u := fileURL(tt.path)
		if got := u.String(); got != tt.want {
			t.Errorf("fileURL(%q) = %s, want %s", tt.path, got, tt.want)
		}
		back, err := url.Parse(u.String())
		if err != nil || back.Path != tt.slashPath || back.RawQuery != "" || back.Fragment != "" {
			t.Errorf("%s parses back to path %q (query %q, fragment %q), want %q",
				u, back.Path, back.RawQuery, back.Fragment, tt.slashPath)
		}
	}
}
