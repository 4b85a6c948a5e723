//! The disclosure rule: which figures a role that sees no personal data may be shown. Every
//! count, share, percentage, chart bin and per-group row that reaches a viewer or an analyst is
//! decided here, and nowhere else.
//!
//! The rule is small-cell suppression with complementary suppression, on one table per page of
//! figures that holds every cell shown together and every sum a reader knows:
//! 1. a count of people (a *sensitive* cell) from 1 to [`SMALL_CELL`] − 1 is withheld;
//! 2. then, while some known sum has exactly one withheld cell (which the sum minus the others
//!    would give away), the smallest other non-zero cell of that sum is withheld too;
//! 3. a share or percentage is shown only when its part, its whole and the rest of the whole are
//!    all shown (otherwise the share and the whole give the part away).
//!
//! Roles that see personal data are shown everything: for them the table withholds nothing.

use std::collections::BTreeMap;

use crate::domain::Role;

/// The smallest number of people a published count may stand for.
pub const SMALL_CELL: u64 = 5;

/// Who figures are shown to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// A role that sees personal data: nothing is withheld.
    Personal,
    /// Any other role: small cells are withheld.
    Restricted,
}

impl Audience {
    /// The audience of a role.
    pub fn of(role: Role) -> Self {
        if role.sees_personal_data() {
            Audience::Personal
        } else {
            Audience::Restricted
        }
    }
}

/// Figures shown together, and the sums between them that a reader knows.
#[derive(Debug, Clone)]
pub struct Table<K> {
    cells: Vec<(K, u64, bool)>,
    index: BTreeMap<K, usize>,
    groups: Vec<Vec<usize>>,
}

impl<K: Clone + Ord> Default for Table<K> {
    fn default() -> Self {
        Self {
            cells: Vec::new(),
            index: BTreeMap::new(),
            groups: Vec::new(),
        }
    }
}

impl<K: Clone + Ord> Table<K> {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a cell: its key, its count, and whether it counts people (sensitive cells are the
    /// ones withheld when small). The same key twice is the same cell.
    pub fn cell(&mut self, key: K, count: u64, sensitive: bool) -> &mut Self {
        if !self.index.contains_key(&key) {
            self.index.insert(key.clone(), self.cells.len());
            self.cells.push((key, count, sensitive));
        }
        self
    }

    /// Says that `total` is the sum of `parts` (all already added): a reader who sees all but
    /// one of them can work the last one out.
    pub fn sum(&mut self, total: &K, parts: impl IntoIterator<Item = K>) -> &mut Self {
        let mut group = vec![self.index[total]];
        group.extend(parts.into_iter().map(|k| self.index[&k]));
        self.groups.push(group);
        self
    }

    /// What an audience may see of the table.
    pub fn disclose(&self, audience: Audience) -> Disclosed<K> {
        let counts: Vec<u64> = self.cells.iter().map(|c| c.1).collect();
        let hidden = match audience {
            Audience::Personal => vec![false; counts.len()],
            Audience::Restricted => {
                let sensitive: Vec<bool> = self.cells.iter().map(|c| c.2).collect();
                withheld(&counts, &sensitive, &self.groups)
            }
        };
        Disclosed {
            audience,
            suppressed: hidden.iter().filter(|&&h| h).count(),
            shown: self
                .cells
                .iter()
                .zip(hidden)
                .map(|((key, count, _), hide)| (key.clone(), (!hide).then_some(*count)))
                .collect(),
        }
    }
}

/// A table as one audience sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Disclosed<K: Ord> {
    shown: BTreeMap<K, Option<u64>>,
    suppressed: usize,
    audience: Audience,
}

impl<K: Ord> Disclosed<K> {
    /// A cell's count, or `None` when it is withheld (or not in the table).
    pub fn count(&self, key: &K) -> Option<u64> {
        self.shown.get(key).copied().flatten()
    }

    /// `part` as a share of `whole`, from 0 to 1, shown only when the part, the whole and the
    /// rest of the whole can all be shown; `None` also when the whole is zero.
    pub fn share(&self, part: &K, whole: &K) -> Option<f64> {
        let (part, whole) = (self.count(part)?, self.count(whole)?);
        let rest = whole.checked_sub(part)?;
        if whole == 0 || self.is_withheld_count(rest) {
            return None;
        }
        Some(part as f64 / whole as f64)
    }

    /// How many cells are withheld.
    pub fn suppressed(&self) -> usize {
        self.suppressed
    }

    /// Whether a count would have been withheld had it been a cell of its own: a derived figure
    /// (the rest of a whole) that could single out a few people.
    fn is_withheld_count(&self, count: u64) -> bool {
        self.audience == Audience::Restricted && count > 0 && count < SMALL_CELL
    }
}

/// Which cells to withhold: every sensitive count from 1 to [`SMALL_CELL`] − 1, then, while
/// some known sum holds exactly one withheld cell, the smallest other non-zero cell of that sum
/// too (otherwise the sum minus the others would give the withheld one away).
fn withheld(counts: &[u64], sensitive: &[bool], groups: &[Vec<usize>]) -> Vec<bool> {
    let mut hidden: Vec<bool> = counts
        .iter()
        .zip(sensitive)
        .map(|(&c, &s)| s && c > 0 && c < SMALL_CELL)
        .collect();
    loop {
        let mut changed = false;
        for group in groups {
            if group.iter().filter(|&&i| hidden[i]).count() != 1 {
                continue;
            }
            let other = group
                .iter()
                .copied()
                .filter(|&i| !hidden[i] && counts[i] > 0)
                .min_by_key(|&i| (counts[i], i));
            if let Some(i) = other {
                hidden[i] = true;
                changed = true;
            }
        }
        if !changed {
            return hidden;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(
        counts: &[(&'static str, u64)],
        sums: &[(&str, &[&'static str])],
    ) -> Table<&'static str> {
        let mut table = Table::new();
        for &(key, count) in counts {
            table.cell(key, count, true);
        }
        for (total, parts) in sums {
            let total = counts.iter().find(|(k, _)| k == total).unwrap().0;
            table.sum(&total, parts.iter().copied());
        }
        table
    }

    #[test]
    fn a_lone_small_cell_takes_a_second_cell_with_it() {
        let t = table(
            &[("all", 20), ("a", 3), ("b", 7), ("c", 10)],
            &[("all", &["a", "b", "c"])],
        );
        let shown = t.disclose(Audience::Restricted);
        assert_eq!(
            ["all", "a", "b", "c"].map(|k| shown.count(&k)),
            [Some(20), None, None, Some(10)]
        );
        assert_eq!(shown.suppressed(), 2);
    }

    #[test]
    fn large_cells_stay_and_personal_audiences_see_everything() {
        let t = table(
            &[("all", 30), ("a", 10), ("b", 20)],
            &[("all", &["a", "b"])],
        );
        assert_eq!(t.disclose(Audience::Restricted).suppressed(), 0);
        let t = table(&[("all", 20), ("a", 3), ("b", 17)], &[("all", &["a", "b"])]);
        assert_eq!(t.disclose(Audience::Personal).count(&"a"), Some(3));
    }

    #[test]
    fn every_sum_with_a_lone_withheld_cell_is_fixed() {
        // all = x + y; x = p + q; y = r + s; p is small.
        let t = table(
            &[
                ("all", 40),
                ("x", 20),
                ("y", 20),
                ("p", 2),
                ("q", 18),
                ("r", 9),
                ("s", 11),
            ],
            &[("all", &["x", "y"]), ("x", &["p", "q"]), ("y", &["r", "s"])],
        );
        let shown = t.disclose(Audience::Restricted);
        for group in [["all", "x", "y"], ["x", "p", "q"], ["y", "r", "s"]] {
            let withheld = group.iter().filter(|k| shown.count(k).is_none()).count();
            assert_ne!(withheld, 1, "{group:?}");
        }
        assert_eq!(shown.count(&"p"), None);
    }

    #[test]
    fn a_share_is_shown_only_when_neither_side_is_small() {
        let t = table(
            &[("all", 40), ("reached", 37), ("left", 3)],
            &[("all", &["reached", "left"])],
        );
        let shown = t.disclose(Audience::Restricted);
        assert_eq!(shown.share(&"reached", &"all"), None);
        // Without the rest as a cell of its own, the share still does not give it away.
        let mut t = Table::new();
        t.cell("all", 40, true).cell("reached", 37, true);
        assert_eq!(
            t.disclose(Audience::Restricted).share(&"reached", &"all"),
            None
        );
        assert_eq!(
            t.disclose(Audience::Personal).share(&"reached", &"all"),
            Some(37.0 / 40.0)
        );
    }
}
