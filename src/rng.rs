//! A small, fast, well-mixed generator (SplitMix64) for everything seeded in relaymap: the demo
//! city, Louvain's visiting order, the sources of sampled betweenness. Its stream is stable
//! forever, unlike a library generator's, so a seed always gives the same city and the same
//! answers. Not for secrets.

/// SplitMix64.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize
    }

    /// Fisher–Yates.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }

    /// `k` distinct indices out of 0..n, uniformly (all of them when k ≥ n), sorted.
    pub(crate) fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut indices: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        // A partial Fisher–Yates: the first k slots end up a uniform sample.
        for i in 0..k {
            let j = i + self.below(n - i);
            indices.swap(i, j);
        }
        indices.truncate(k);
        indices.sort_unstable();
        indices
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn a_sample_is_distinct_in_range_and_fixed_by_the_seed() {
        let sample = Rng::new(7).sample(100, 10);
        assert_eq!(sample.len(), 10);
        assert!(sample.windows(2).all(|w| w[0] < w[1]) && sample[9] < 100);
        assert_eq!(sample, Rng::new(7).sample(100, 10));
        assert_ne!(sample, Rng::new(8).sample(100, 10));
        assert_eq!(Rng::new(1).sample(5, 9), vec![0, 1, 2, 3, 4]);
    }
}
