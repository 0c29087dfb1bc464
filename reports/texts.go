package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"tandem/assets"
	"tandem/model"
)

// DefaultText returns the text Tandem ships for the document name in the
// language ("de" for anything but "en"); "" for an unknown name.
func DefaultText(name, lang string) string {
	b, err := assets.Templates.ReadFile("templates/" + normLang(lang) + "/" + name + ".tmpl")
	if err != nil {
		return ""
	}
	return string(b)
}

// Text returns HR's own text for the document from the settings, or the
// default text when HR has none.
func Text(s model.Settings, name, lang string) string {
	if t, ok := s.Templates[name+"."+normLang(lang)]; ok && strings.TrimSpace(t) != "" {
		return t
	}
	return DefaultText(name, lang)
}

// TextVersion returns a short stable fingerprint of a text, eight hex
// digits, so that a printed agreement records which wording it carries.
// Line endings do not count.
func TextVersion(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:4])
}

// VersionOf returns the version of the agreement texts in use for the
// language: the fingerprint of the three agreement templates together, as
// printed in the agreements' footer and stored on printed agreements.
func VersionOf(s model.Settings, lang string) string {
	var b strings.Builder
	for _, name := range []string{Confidentiality, ConfidentialityPerson, TandemAgreement} {
		b.WriteString(Text(s, name, lang))
		b.WriteByte(0)
	}
	return TextVersion(b.String())
}

// labels are the fixed texts of the documents in one language.
type labels map[string]string

var (
	labelsOnce sync.Once
	labelSets  map[string]labels
)

// labelsFor returns the labels of a language, read once from the assets.
func labelsFor(lang string) labels {
	labelsOnce.Do(func() {
		labelSets = map[string]labels{}
		for _, l := range []string{"de", "en"} {
			m := labels{}
			if b, err := assets.Templates.ReadFile("templates/" + l + "/labels.json"); err == nil {
				_ = json.Unmarshal(b, &m) // a broken file shows raw keys, which a test catches
			}
			labelSets[l] = m
		}
	})
	return labelSets[normLang(lang)]
}

// get returns the label of key, or the key itself when it is missing.
func (l labels) get(key string) string {
	if s, ok := l[key]; ok {
		return s
	}
	return key
}

// fill returns the label with {name} placeholders replaced by pairs of
// name and value.
func (l labels) fill(key string, pairs ...string) string {
	s := l.get(key)
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// date formats a day: 27.11.2026 in German, 27 November 2026 in English;
// "–" for a day not set.
func (l labels) date(d model.Date) string {
	if d.IsZero() {
		return "–"
	}
	if l.get("lang") == "en" {
		return strconv.Itoa(d.Day) + " " + l.get("month."+strconv.Itoa(int(d.Month))) + " " + strconv.Itoa(d.Year)
	}
	return twoDigits(d.Day) + "." + twoDigits(int(d.Month)) + "." + strconv.Itoa(d.Year)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// decimal formats a number with one decimal in the language's way (4,2 or 4.2).
func (l labels) decimal(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if l.get("lang") != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// percent formats a share 0–1 as a whole percentage ("85 %" or "85%").
func (l labels) percent(share float64) string {
	return l.fill("percent", "n", strconv.Itoa(int(share*100+0.5)))
}
