//! The relay graph's per-tie columns, kept small: a tie's facts in 7 bytes and its position in
//! the network in about 1. A network holds few distinct trust values (a scale, two decimals), so
//! trust is kept as a 16-bit code into them; past 65,535 distinct values the column holds the
//! values themselves. Exact either way: no value is rounded.

use std::collections::HashMap;

/// A tie's attributes, as the analyses read them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TieFacts {
    /// Trust in (0, 1].
    pub trust: f64,
    /// Days since 1970-01-01 of `last_verified`, `i32::MIN` when never verified.
    pub verified: i32,
    /// Bit `i` set when the tie uses `Channel::ALL[i]` (7 channels: bit 7 is free).
    pub channels: u8,
    /// Whether the two actors share a language.
    pub shared_language: bool,
}

const SHARED_LANGUAGE: u8 = 0x80;
/// Codes are below `u16::MAX`, which a reader may use for "none".
const MAX_CODES: usize = u16::MAX as usize;

/// A tie's flags byte: its channel bits, and `SHARED_LANGUAGE`.
fn flags(facts: &TieFacts) -> u8 {
    facts.channels
        | if facts.shared_language {
            SHARED_LANGUAGE
        } else {
            0
        }
}

/// The facts of every tie of a graph, column by column, in tie order.
#[derive(Debug, Clone)]
pub(crate) struct TieTable {
    /// The distinct trust values when `codes` is in use; otherwise each tie's trust.
    trust_values: Vec<f64>,
    /// Per tie, its trust's index in `trust_values`; unused (empty) once there are too many.
    codes: Vec<u16>,
    /// Whether `codes` is in use.
    coded: bool,
    /// Code of each trust value (by its bits), while coded.
    code_of: HashMap<u64, u16>,
    /// Whether the codes are those of the table this one succeeds (see `push_from`).
    inherited: bool,
    /// How many values the codes had when they were last made afresh (0: this table's own).
    base: usize,
    verified: Vec<i32>,
    /// Channel bits, and `SHARED_LANGUAGE`.
    flags: Vec<u8>,
}

impl PartialEq for TieTable {
    /// Equal when every tie's facts are, whatever the codes.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && (0..self.len()).all(|t| self.get(t) == other.get(t))
    }
}

impl Default for TieTable {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

impl TieTable {
    /// An empty table with room for `capacity` ties.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            trust_values: Vec::new(),
            codes: Vec::with_capacity(capacity),
            coded: true,
            code_of: HashMap::new(),
            inherited: false,
            base: 0,
            verified: Vec::with_capacity(capacity),
            flags: Vec::with_capacity(capacity),
        }
    }

    /// An empty table for the next version of the graph. It shares this one's codes, so that
    /// [`TieTable::push_from`] copies a code instead of looking the value up; unless values no
    /// tie may use any more have piled up (codes are only ever added), in which case it makes
    /// its codes afresh, from the values pushed into it. A table that gave up codes (too many
    /// values) tries them again the same way.
    pub(crate) fn successor(&self, capacity: usize) -> Self {
        let mut next = Self::with_capacity(capacity);
        let base = if self.base == 0 {
            self.trust_values.len()
        } else {
            self.base
        };
        if self.coded && self.trust_values.len() <= 2 * base + 256 {
            next.trust_values = self.trust_values.clone();
            next.code_of = self.code_of.clone();
            next.inherited = true;
            next.base = base;
        }
        next
    }

    pub(crate) fn len(&self) -> usize {
        self.verified.len()
    }

    /// The trust of tie `t`.
    #[inline]
    pub(crate) fn trust(&self, t: usize) -> f64 {
        if self.coded {
            self.trust_values[self.codes[t] as usize]
        } else {
            self.trust_values[t]
        }
    }

    /// Each tie's trust code and the values they stand for, when the table has codes.
    pub(crate) fn trust_codes(&self) -> Option<(&[u16], &[f64])> {
        self.coded.then_some((&self.codes, &self.trust_values))
    }

    /// The facts of tie `t`.
    #[inline]
    pub(crate) fn get(&self, t: usize) -> TieFacts {
        let flags = self.flags[t];
        TieFacts {
            trust: self.trust(t),
            verified: self.verified[t],
            channels: flags & !SHARED_LANGUAGE,
            shared_language: flags & SHARED_LANGUAGE != 0,
        }
    }

    /// Every tie's facts, in tie order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = TieFacts> + '_ {
        (0..self.len()).map(|t| self.get(t))
    }

    /// Appends a tie.
    pub(crate) fn push(&mut self, facts: TieFacts) {
        debug_assert!(facts.channels & SHARED_LANGUAGE == 0, "7 channels at most");
        match self.code(facts.trust) {
            Some(code) => self.codes.push(code),
            None => self.trust_values.push(facts.trust),
        }
        self.verified.push(facts.verified);
        self.flags.push(flags(&facts));
    }

    /// Replaces the facts of tie `t`.
    pub(crate) fn set(&mut self, t: usize, facts: TieFacts) {
        debug_assert!(facts.channels & SHARED_LANGUAGE == 0, "7 channels at most");
        match self.code(facts.trust) {
            Some(code) => self.codes[t] = code,
            None => self.trust_values[t] = facts.trust,
        }
        self.verified[t] = facts.verified;
        self.flags[t] = flags(&facts);
    }

    /// The code of a trust value, made if new; `None` when the table keeps values instead
    /// (from now on, if this value is one too many).
    fn code(&mut self, trust: f64) -> Option<u16> {
        if !self.coded {
            return None;
        }
        let bits = trust.to_bits();
        if let Some(&code) = self.code_of.get(&bits) {
            return Some(code);
        }
        if self.trust_values.len() < MAX_CODES {
            let code = self.trust_values.len() as u16;
            self.trust_values.push(trust);
            self.code_of.insert(bits, code);
            return Some(code);
        }
        self.uncode();
        None
    }

    /// Appends tie `t` of `previous` (this table's predecessor, see [`TieTable::successor`]),
    /// with `shared_language` replaced when given.
    pub(crate) fn push_from(&mut self, previous: &TieTable, t: usize, shared: Option<bool>) {
        if self.coded && self.inherited {
            self.codes.push(previous.codes[t]);
            self.verified.push(previous.verified[t]);
            let flags = previous.flags[t];
            self.flags.push(match shared {
                None => flags,
                Some(true) => flags | SHARED_LANGUAGE,
                Some(false) => flags & !SHARED_LANGUAGE,
            });
        } else {
            let mut facts = previous.get(t);
            if let Some(shared) = shared {
                facts.shared_language = shared;
            }
            self.push(facts);
        }
    }

    /// Appends ties `range` of `previous` (this table's predecessor), unchanged: column slices
    /// copied whole when the codes are shared.
    pub(crate) fn extend_from(&mut self, previous: &TieTable, range: std::ops::Range<usize>) {
        if self.coded && self.inherited {
            self.codes.extend_from_slice(&previous.codes[range.clone()]);
            self.verified
                .extend_from_slice(&previous.verified[range.clone()]);
            self.flags.extend_from_slice(&previous.flags[range]);
        } else {
            range.for_each(|t| self.push_from(previous, t, None));
        }
    }

    /// Sets whether tie `t`'s two actors share a language.
    pub(crate) fn set_shared_language(&mut self, t: usize, shared: bool) {
        if shared {
            self.flags[t] |= SHARED_LANGUAGE;
        } else {
            self.flags[t] &= !SHARED_LANGUAGE;
        }
    }

    /// Too many distinct values: keep each tie's trust instead of its code.
    fn uncode(&mut self) {
        self.inherited = false;
        let values: Vec<f64> = (0..self.codes.len()).map(|t| self.trust(t)).collect();
        self.trust_values = values;
        self.codes = Vec::new();
        self.code_of = HashMap::new();
        self.coded = false;
    }

    /// Bytes held (the lookup of codes, used while building, included).
    pub(crate) fn memory_bytes(&self) -> usize {
        self.trust_values.capacity() * 8
            + self.codes.capacity() * 2
            + self.code_of.capacity() * 16
            + self.verified.capacity() * 4
            + self.flags.capacity()
    }
}

/// An increasing sequence of positions, each kept as its gap from the previous one in a byte
/// (255: the position is in `wide`). Read in order; [`Positions::find`] finds a position from
/// a mark kept every [`MARK`] entries.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Positions {
    gaps: Vec<u8>,
    wide: Vec<u32>,
    /// Per [`MARK`] entries, the first one's position and how many wide positions come before
    /// it.
    marks: Vec<(u32, u32)>,
    last: Option<u32>,
}

const WIDE: u8 = u8::MAX;
/// Entries between two marks.
const MARK: usize = 64;

impl Positions {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            gaps: Vec::with_capacity(capacity),
            marks: Vec::with_capacity(capacity / MARK + 1),
            ..Self::default()
        }
    }

    /// Appends a position, greater than the last one.
    pub(crate) fn push(&mut self, position: u32) {
        debug_assert!(self.last.is_none_or(|last| last < position));
        if self.gaps.len().is_multiple_of(MARK) {
            self.marks.push((position, self.wide.len() as u32));
        }
        let gap = match self.last {
            None => position.checked_add(1),
            Some(last) => Some(position - last),
        };
        match gap {
            Some(gap) if gap < WIDE as u32 => self.gaps.push(gap as u8),
            _ => {
                self.gaps.push(WIDE);
                self.wide.push(position);
            }
        }
        self.last = Some(position);
    }

    /// The positions, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.iter_from(0, None, 0)
    }

    /// The positions from entry `start` on, given the one before it and how many wide ones
    /// come before it.
    fn iter_from(
        &self,
        start: usize,
        before: Option<u32>,
        wide_before: usize,
    ) -> impl Iterator<Item = u32> + '_ {
        let mut wide = self.wide[wide_before..].iter();
        let mut previous = before;
        self.gaps[start..].iter().map(move |&gap| {
            let position = if gap == WIDE {
                *wide.next().expect("a wide position")
            } else {
                previous.map_or(gap as u32 - 1, |p| p + gap as u32)
            };
            previous = Some(position);
            position
        })
    }

    /// The entry holding `position`, if any.
    ///
    /// # Complexity
    /// O(log(n / MARK) + MARK).
    pub(crate) fn find(&self, position: u32) -> Option<usize> {
        let mark = self
            .marks
            .partition_point(|&(p, _)| p <= position)
            .checked_sub(1)?;
        let (first, wide_before) = self.marks[mark];
        let start = mark * MARK;
        let wide_before = wide_before as usize + usize::from(self.gaps[start] == WIDE);
        std::iter::once(first)
            .chain(self.iter_from(start + 1, Some(first), wide_before))
            .take(MARK)
            .position(|p| p == position)
            .map(|i| start + i)
    }

    pub(crate) fn memory_bytes(&self) -> usize {
        self.gaps.capacity() + self.wide.capacity() * 4 + self.marks.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn facts(trust: f64, verified: i32, channels: u8, shared: bool) -> TieFacts {
        TieFacts {
            trust,
            verified,
            channels,
            shared_language: shared,
        }
    }

    #[test]
    fn past_the_codes_every_trust_is_kept_exactly() {
        let mut table = TieTable::with_capacity(0);
        let n = MAX_CODES + 10;
        let trust = |i: usize| (i + 1) as f64 / (n + 1) as f64;
        for i in 0..n {
            table.push(facts(trust(i), i as i32, (i % 128) as u8, i % 3 == 0));
        }
        assert!(!table.coded);
        for i in [0, 1, MAX_CODES - 1, MAX_CODES, n - 1] {
            assert_eq!(
                table.get(i),
                facts(trust(i), i as i32, (i % 128) as u8, i % 3 == 0)
            );
        }
        // A tie's facts replaced keep their exact value, too.
        table.set(1, facts(0.123_456_789, -3, 5, true));
        assert_eq!(table.get(1), facts(0.123_456_789, -3, 5, true));
        assert_eq!(table.get(2), facts(trust(2), 2, 2, false));
        // A successor of an uncoded table copies values.
        let mut next = table.successor(2);
        next.push_from(&table, n - 1, Some(false));
        assert_eq!(
            next.get(0),
            facts(trust(n - 1), (n - 1) as i32, ((n - 1) % 128) as u8, false)
        );
    }

    #[test]
    fn values_no_tie_uses_do_not_pile_up_over_updates() {
        // Each version keeps ten ties and gives each a trust value never seen before, as a
        // long-running server's edits might: the codes are made afresh now and then.
        let mut table = TieTable::with_capacity(10);
        (0..10).for_each(|i| table.push(facts(0.5 + i as f64 / 1e6, 0, 1, true)));
        let mut longest = 0;
        for version in 1..2_000i32 {
            let version_slot = (version % 10) as usize;
            let mut next = table.successor(10);
            for t in 0..10 {
                if t == version_slot {
                    next.push(facts(0.1 + version as f64 / 1e5, version, 2, false));
                } else {
                    next.push_from(&table, t, None);
                }
            }
            for t in 0..10 {
                let expected = if t == version_slot {
                    facts(0.1 + version as f64 / 1e5, version, 2, false)
                } else {
                    table.get(t)
                };
                assert_eq!(next.get(t), expected, "version {version}, tie {t}");
            }
            table = next;
            longest = longest.max(table.trust_values.len());
        }
        assert!(table.coded);
        assert!(longest <= 2 * 10 + 256 + 10, "{longest} values held");
    }

    proptest! {
        #[test]
        fn a_table_gives_back_what_was_pushed(
            values in prop::collection::vec((1u32..=20, any::<i32>(), 0u8..128, any::<bool>()), 0..200),
            change in any::<bool>(),
        ) {
            let mut table = TieTable::with_capacity(values.len());
            let all: Vec<TieFacts> = values
                .iter()
                .map(|&(trust, verified, channels, shared)| facts(trust as f64 / 20.0, verified, channels, shared))
                .collect();
            all.iter().for_each(|&f| table.push(f));
            prop_assert_eq!(table.iter().collect::<Vec<_>>(), all.clone());
            let mut next = table.successor(all.len());
            for t in 0..all.len() {
                next.push_from(&table, t, change.then_some(t % 2 == 0));
            }
            next.push(facts(0.123, 7, 1, true));
            let mut expected = all.clone();
            if change {
                for (t, f) in expected.iter_mut().enumerate() {
                    f.shared_language = t % 2 == 0;
                }
            }
            expected.push(facts(0.123, 7, 1, true));
            prop_assert_eq!(next.iter().collect::<Vec<_>>(), expected);
        }

        #[test]
        fn positions_give_back_what_was_pushed(gaps in prop::collection::vec(prop_oneof![1u32..5, 200u32..300, Just(100_000u32)], 0..300), first in prop_oneof![Just(0u32), 1u32..1000, Just(u32::MAX - 40_000_000)]) {
            let mut expected = Vec::new();
            let mut at = first;
            for gap in gaps {
                expected.push(at);
                at += gap;
            }
            let mut positions = Positions::with_capacity(expected.len());
            expected.iter().for_each(|&p| positions.push(p));
            prop_assert_eq!(positions.iter().collect::<Vec<_>>(), expected.clone());
            // Each position is found at its entry, and one between two is not found.
            for (i, &p) in expected.iter().enumerate() {
                prop_assert_eq!(positions.find(p), Some(i));
                if expected.get(i + 1).is_some_and(|&next| next > p + 1) {
                    prop_assert_eq!(positions.find(p + 1), None);
                }
            }
            if first > 0 {
                prop_assert_eq!(positions.find(first - 1), None);
            }
            prop_assert_eq!(positions.find(at), None);
        }

        #[test]
        fn a_run_copied_whole_reads_as_copied_tie_by_tie(
            trusts in prop::collection::vec(1u32..40, 1..200),
            cut in 0usize..200,
        ) {
            let mut table = TieTable::with_capacity(trusts.len());
            for (i, &t) in trusts.iter().enumerate() {
                table.push(facts(t as f64 / 40.0, i as i32, (i % 100) as u8, i % 3 == 0));
            }
            let cut = cut.min(trusts.len());
            let mut whole = table.successor(trusts.len());
            whole.extend_from(&table, 0..cut);
            whole.push(facts(0.999, 1, 2, false));
            whole.extend_from(&table, cut..trusts.len());
            whole.set_shared_language(0, true);
            whole.set(cut, facts(0.5, 9, 3, true));
            let mut expected: Vec<TieFacts> = table.iter().collect();
            expected.insert(cut, facts(0.5, 9, 3, true));
            expected[0].shared_language = true;
            prop_assert_eq!(whole.iter().collect::<Vec<_>>(), expected);
        }
    }
}
