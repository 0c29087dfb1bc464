package demo

import (
	"math"
	"strconv"

	"tandem/model"
)

// score rates a pair the way matching explains it: each factor earns its
// share of the programme's weights, scaled by how well the pair fits it
// (0–1), and is explained by a message code with arguments.
//
// Codes: topics_match (args: the shared topics) or topics_none;
// interests_shared (args: the shared interests) or interests_none;
// gap_reverse (args: years the mentor is younger, levels the mentor is
// below); location_same (args: the place) or location_different (args:
// mentor's and mentee's place); language_shared (args: the shared
// languages) or language_none.
func score(w model.Weights, mentor, mentee *model.Person, me, ee *model.Enrolment) (int, []model.ScoreFactor) {
	total := float64(w.Topics + w.Interests + w.Gap + w.Location + w.Language)
	var fs []model.ScoreFactor
	sum := 0.0
	add := func(factor string, weight int, fit float64, code string, args ...string) {
		points := math.Round(1000*float64(weight)/total*fit) / 10
		sum += points
		fs = append(fs, model.ScoreFactor{Factor: factor, Points: points, Code: code, Args: args})
	}

	if topics := common(ee.Topics, me.Topics); len(topics) > 0 {
		add("topics", w.Topics, float64(len(topics))/float64(len(ee.Topics)), "topics_match", topics...)
	} else {
		add("topics", w.Topics, 0, "topics_none")
	}
	if interests := common(me.Interests, ee.Interests); len(interests) > 0 {
		add("interests", w.Interests, min(float64(len(interests))/2, 1), "interests_shared", interests...)
	} else {
		add("interests", w.Interests, 0, "interests_none")
	}
	years, levels := mentor.BirthYear-mentee.BirthYear, mentor.Level-mentee.Level
	fit := (clamp(float64(years)/25) + clamp(float64(levels)/3)) / 2
	add("gap", w.Gap, fit, "gap_reverse", strconv.Itoa(years), strconv.Itoa(levels))
	if mentor.Location == mentee.Location {
		add("location", w.Location, 1, "location_same", mentor.Location)
	} else {
		add("location", w.Location, 0, "location_different", mentor.Location, mentee.Location)
	}
	if langs := common(mentor.Languages, mentee.Languages); len(langs) > 0 {
		add("language", w.Language, 1, "language_shared", langs...)
	} else {
		add("language", w.Language, 0, "language_none")
	}
	return int(math.Round(sum)), fs
}

// clamp limits x to 0–1.
func clamp(x float64) float64 { return max(0, min(1, x)) }
