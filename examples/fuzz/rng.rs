//! A small deterministic generator (SplitMix64): each case draws from its own seed, so a case
//! the watchdog or a check stops on can be run again alone with `--replay`.

pub struct Rng(u64);

impl Rng {
    /// The generator of case `index` of a run started with `seed`.
    pub fn for_case(seed: u64, index: u64) -> Rng {
        let mut rng = Rng(seed ^ index.wrapping_mul(0xA076_1D64_78BD_642F));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A number of any magnitude or sign, often an awkward one.
    pub fn awkward_number(&mut self) -> f64 {
        const AWKWARD: [f64; 14] = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            1e-9,
            5e-324,
            1e15,
            9007199254740993.0,
            1.7e308,
            -1.7e308,
            f64::MAX,
            f64::MIN_POSITIVE,
            1e300,
        ];
        if self.chance(0.4) {
            *self.pick(&AWKWARD)
        } else {
            let magnitude = 10f64.powi(self.below(40) as i32 - 20);
            let sign = if self.chance(0.2) { -1.0 } else { 1.0 };
            sign * self.unit() * magnitude
        }
    }

    /// Text that is often hostile: empty, blank, very long, control characters, markup,
    /// mixed scripts and direction marks, lone surrogate escapes (as JSON text), emoji.
    pub fn awkward_text(&mut self) -> String {
        const PIECES: [&str; 16] = [
            "",
            " ",
            "\u{0}",
            "\t\n",
            "<script>alert(1)</script>",
            "资本开支",
            "資本開支",
            "\u{202e}evil",
            "👩‍💻",
            "\\ud800",
            "%00",
            "../",
            "javascript:",
            "NaN",
            "1e309",
            "__proto__",
        ];
        let mut text = String::new();
        for _ in 0..self.below(4) {
            let piece = *self.pick(&PIECES);
            text.push_str(piece);
        }
        if self.chance(0.05) {
            text.push_str(&"x".repeat(self.below(20_000)));
        }
        text
    }
}
