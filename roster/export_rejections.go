package roster

import (
	"io"

	"tandem/model"
)

// WriteRejections writes the plan's refused rows as .xlsx (the
// "Fehlerliste"): the list's own headers with each row's values, then the
// row number ("Zeile") and the reason ("Grund"; "Row" and "Reason" for lang
// "en"), one row per refused row. reason turns a problem into a sentence
// (the app passes its ProblemText). Kept in the list's column order, the
// sheet can be corrected and imported again: the importer ignores the two
// added columns.
func WriteRejections(w io.Writer, p *Plan, headers []string, reason func(model.Problem) string, lang string) error {
	return writeBook(w, lang, func(b *workbook) error {
		type R = Rejection
		cols := make([]outColumn[R], 0, len(headers)+2)
		for j, h := range headers {
			cols = append(cols, outColumn[R]{h, 16, func(r *R) any {
				if j < len(r.Values) {
					return r.Values[j]
				}
				return ""
			}})
		}
		cols = append(cols,
			outColumn[R]{b.lang.t("rejected.row"), 8, func(r *R) any { return r.Row }},
			outColumn[R]{b.lang.t("rejected.reason"), 60, func(r *R) any { return reason(r.Problem) }})
		return writeSheet(b, b.lang.t("sheet.rejected"), cols, p.Rejected)
	})
}
