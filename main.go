// Command tandem is Tandem, the reverse-mentoring desktop app: without a
// command it opens the window, with one it does that work and exits (see
// package cli).
package main

import (
	"os"

	"tandem/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
