package demo

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// logo draws the example company's logo: a 256×256 PNG monogram, two
// interlocking L in white and lime on a dark green disc.
func logo() ([]byte, error) {
	const size = 256
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	green := color.NRGBA{0x0b, 0x5d, 0x4b, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	lime := color.NRGBA{0xb5, 0xd3, 0x3d, 0xff}
	const c, r = size / 2, 120
	for y := range size {
		for x := range size {
			// Pixel coverage of the disc's edge, for a smooth rim.
			d := math.Hypot(float64(x)+0.5-c, float64(y)+0.5-c)
			if a := max(0, min(1, r+0.5-d)); a > 0 {
				px := green
				px.A = uint8(math.Round(a * 255))
				img.SetNRGBA(x, y, px)
			}
		}
	}
	fill := func(x0, y0, x1, y1 int, col color.NRGBA) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				img.Set(x, y, col)
			}
		}
	}
	// The first L: stem and foot.
	fill(70, 62, 98, 176, white)
	fill(70, 148, 150, 176, white)
	// The second L, set lower and to the right.
	fill(122, 86, 150, 198, lime)
	fill(122, 170, 196, 198, lime)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
