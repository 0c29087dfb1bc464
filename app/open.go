package app

import (
	"net/url"
	"path/filepath"
	"strings"
)

// fileURL is the file:// URL of a local path, with spaces, umlauts and the
// characters URLs reserve (#, ?, %) percent-encoded as UTF-8, so the
// program that receives it finds the file: "/home/Frau Müller/a#1.pdf"
// becomes "file:///home/Frau%20M%C3%BCller/a%231.pdf", and the Windows path
// "C:\Users\Müller\a.pdf" becomes "file:///C:/Users/M%C3%BCller/a.pdf".
func fileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return &url.URL{Scheme: "file", Path: p}
}
