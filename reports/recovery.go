package reports

import (
	"io"

	"tandem/model"
)

// Recovery names the recovery sheet printed when a password is set.
const Recovery = "recovery"

// RecoverySheet writes the sheet HR prints and locks away when it protects
// a file with a password: the recovery key, large, with the file it opens
// and what to do with it.
func RecoverySheet(w io.Writer, opt Options, file, key string) error {
	const op = "reports.RecoverySheet"
	lb := labelsFor(opt.lang())
	pw, err := newWriter(opt, lb.get("doc.recovery"))
	if err != nil {
		return model.E(op, err)
	}
	if err := newBatch(pw, opt).add(recoveryDoc(lb, opt, pw, file, key)); err != nil {
		return err
	}
	return pw.output(w)
}

// recoveryDoc is the recovery sheet's document; w may be nil.
func recoveryDoc(lb labels, opt Options, w *writer, file, key string) doc {
	return doc{name: Recovery, data: common(lb, opt, nil), dir: func(b block) []element {
		spans := []span{{text: key, bold: true}}
		var k *textBlock
		if w != nil {
			k = w.newText(spans, bold, 17, 1.3, 8)
		} else {
			k = newText(spans, bold, 17, 1.3, 8)
		}
		k.before, k.after, k.keep = 4, 3, true
		files := newList([][2]string{{lb.get("recovery.file"), file}, {lb.get("recovery.created"), lb.date(opt.today())}})
		return []element{k, files}
	}}
}
