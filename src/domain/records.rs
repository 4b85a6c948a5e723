//! Records sorted by id, held in chunks that versions of the network share: the next version
//! ([`Records::merged`]) copies one pointer per chunk no change falls in, so bringing a network
//! of a million ties up to date after one write touches a few chunks, not a million records.
//! The relay graph keeps its node ids the same way.

use std::sync::Arc;

/// Records per chunk when records are chunked afresh; a chunk grown past twice this is split.
const CHUNK: usize = 512;

/// Items sorted by a key, in shared chunks (for the network, `T` is a shared record,
/// `Arc<StoredActor>`). Reads like a slice: [`Records::len`], [`Records::iter`], indexing,
/// [`Records::binary_search_by`].
#[derive(Debug)]
pub struct Records<T> {
    chunks: Vec<Arc<[T]>>,
    /// Per chunk, the index of its first record.
    starts: Vec<usize>,
    len: usize,
}

impl<T> Clone for Records<T> {
    fn clone(&self) -> Self {
        Self {
            chunks: self.chunks.clone(),
            starts: self.starts.clone(),
            len: self.len,
        }
    }
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Self {
            chunks: Vec::new(),
            starts: Vec::new(),
            len: 0,
        }
    }
}

impl<T: PartialEq> PartialEq for Records<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl<T: Clone> From<Vec<T>> for Records<T> {
    fn from(all: Vec<T>) -> Self {
        let mut records = Records::default();
        records.extend_chunked(&all);
        records
    }
}

impl<T: Clone> FromIterator<T> for Records<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl<T> std::ops::Index<usize> for Records<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        assert!(index < self.len, "record {index} of {}", self.len);
        let chunk = self.starts.partition_point(|&start| start <= index) - 1;
        &self.chunks[chunk][index - self.starts[chunk]]
    }
}

/// The records in order.
pub type Iter<'a, T> = std::iter::FlatMap<
    std::slice::Iter<'a, Arc<[T]>>,
    std::slice::Iter<'a, T>,
    fn(&'a Arc<[T]>) -> std::slice::Iter<'a, T>,
>;

impl<'a, T> IntoIterator for &'a Records<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.chunks.iter().flat_map(|chunk| chunk.iter())
    }
}

impl<T> Records<T> {
    /// How many records.
    pub fn len(&self) -> usize {
        self.len
    }

    /// No record.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The records in order.
    pub fn iter(&self) -> Iter<'_, T> {
        self.into_iter()
    }

    /// The records in runs, each with the index of its first record: for work split between
    /// threads.
    pub fn runs(&self) -> impl Iterator<Item = (usize, &[T])> {
        self.starts
            .iter()
            .copied()
            .zip(self.chunks.iter().map(|c| &**c))
    }

    /// As [`slice::binary_search_by`], over all records: `Ok` with the index of a record
    /// `compare` finds `Equal`, or `Err` with the index where one would go.
    pub fn binary_search_by(
        &self,
        mut compare: impl FnMut(&T) -> std::cmp::Ordering,
    ) -> Result<usize, usize> {
        use std::cmp::Ordering;
        let chunk = self
            .chunks
            .partition_point(|c| compare(c.last().expect("no chunk is empty")) == Ordering::Less);
        if chunk == self.chunks.len() {
            return Err(self.len);
        }
        let start = self.starts[chunk];
        self.chunks[chunk]
            .binary_search_by(compare)
            .map(|i| start + i)
            .map_err(|i| start + i)
    }

    /// Appends `all` as chunks of [`CHUNK`].
    fn extend_chunked(&mut self, all: &[T])
    where
        T: Clone,
    {
        for piece in all.chunks(CHUNK) {
            self.push_chunk(piece.into());
        }
    }

    fn push_chunk(&mut self, chunk: Arc<[T]>) {
        if chunk.is_empty() {
            return;
        }
        self.starts.push(self.len);
        self.len += chunk.len();
        self.chunks.push(chunk);
    }

    /// These items with `upserts` (sorted by key, each made into an item by `make`) put in
    /// place of or beside their namesakes and the `removed` keys (sorted) left out. A chunk no
    /// change falls in is shared, not copied.
    ///
    /// # Complexity
    /// O(C + d·(CHUNK + log n)) for C chunks and d changes.
    fn merged_by<U, K: Ord>(
        &self,
        upserts: &[U],
        removed: &[K],
        key: impl Fn(&T) -> &K,
        upsert_key: impl Fn(&U) -> &K,
        make: impl Fn(&U) -> T,
    ) -> Self
    where
        T: Clone,
    {
        let mut out = Records::default();
        let (mut u, mut r) = (0, 0);
        let last = self.chunks.len().saturating_sub(1);
        let empty: Arc<[T]> = Arc::new([]);
        let chunks = if self.chunks.is_empty() {
            std::slice::from_ref(&empty)
        } else {
            &self.chunks[..]
        };
        for (c, chunk) in chunks.iter().enumerate() {
            // The changes that fall in this chunk: keys up to its last (all that remain, for
            // the last chunk).
            let bound = chunk.last().map(&key).filter(|_| c < last);
            let (u_end, r_end) = match bound {
                Some(bound) => (
                    u + upserts[u..].partition_point(|x| upsert_key(x) <= bound),
                    r + removed[r..].partition_point(|k| k <= bound),
                ),
                None => (upserts.len(), removed.len()),
            };
            if u_end == u && r_end == r {
                out.push_chunk(chunk.clone());
                continue;
            }
            let merged = merged(
                chunk,
                &upserts[u..u_end],
                &removed[r..r_end],
                &key,
                &upsert_key,
                &make,
            );
            (u, r) = (u_end, r_end);
            if merged.len() > 2 * CHUNK {
                out.extend_chunked(&merged);
            } else {
                out.push_chunk(merged.into());
            }
        }
        // Deletions leave small chunks behind: chunk afresh when they are many.
        if out.chunks.len() > 2 * out.len / CHUNK + 8 {
            let all: Vec<T> = out.iter().cloned().collect();
            return Records::from(all);
        }
        out
    }
}

impl<T: Ord + Clone> Records<T> {
    /// As [`slice::binary_search`].
    pub fn binary_search(&self, item: &T) -> Result<usize, usize> {
        self.binary_search_by(|x| x.cmp(item))
    }

    /// These items (sorted) with `inserted` (sorted, none among them) put in and `removed`
    /// (sorted) left out; chunks no change falls in shared.
    pub fn changed(&self, inserted: &[T], removed: &[T]) -> Self {
        self.merged_by(inserted, removed, |x| x, |x| x, T::clone)
    }
}

impl<R: Clone> Records<Arc<R>> {
    /// These records with `upserts` (sorted by key) put in place of or beside their namesakes
    /// and the `removed` keys (sorted) left out. A chunk no change falls in is shared, not
    /// copied, and so is every record no change names.
    ///
    /// # Complexity
    /// O(C + d·(CHUNK + log n)) for C chunks and d changes.
    pub fn merged<K: Ord>(&self, upserts: &[R], removed: &[K], key: impl Fn(&R) -> &K) -> Self {
        self.merged_by(upserts, removed, |r| key(r), &key, |u| Arc::new(u.clone()))
    }

    /// The records themselves, in order (each copied only if another version shares it).
    pub fn into_values(self) -> Vec<R> {
        let all: Vec<Arc<R>> = self.iter().cloned().collect();
        drop(self);
        all.into_iter().map(Arc::unwrap_or_clone).collect()
    }
}

/// `all` (sorted by key) with `upserts` (sorted, made into items by `make`) put in place of
/// or beside their namesakes and the `removed` keys left out. The items of `all` kept are
/// cloned (for shared records, a pointer): the runs between two changes are copied whole,
/// found by binary search.
fn merged<T: Clone, U, K: Ord>(
    all: &[T],
    upserts: &[U],
    removed: &[K],
    key: impl Fn(&T) -> &K,
    upsert_key: impl Fn(&U) -> &K,
    make: impl Fn(&U) -> T,
) -> Vec<T> {
    // Every change as (position in `all`, the item put there if any, replaces `all`'s).
    let find = |k: &K| all.binary_search_by(|old| key(old).cmp(k));
    let mut changes: Vec<(usize, Option<&U>, bool)> = upserts
        .iter()
        .map(|new| match find(upsert_key(new)) {
            Ok(at) => (at, Some(new), true),
            Err(at) => (at, Some(new), false),
        })
        .chain(
            removed
                .iter()
                .filter_map(|k| find(k).ok().map(|at| (at, None, true))),
        )
        .collect();
    // At one position: insertions (sorted by key, as `upserts` is) before the change of the
    // item there.
    changes.sort_by_key(|&(at, _, replaces)| (at, replaces));
    let mut out = Vec::with_capacity(all.len() + upserts.len());
    let mut from = 0;
    for (at, new, replaces) in changes {
        if at >= from {
            out.extend_from_slice(&all[from..at]);
            from = at;
        }
        if replaces {
            from = from.max(at + 1);
        }
        if let Some(new) = new {
            out.push(make(new));
        }
    }
    out.extend_from_slice(&all[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn plain(records: &Records<Arc<(u32, u32)>>) -> Vec<(u32, u32)> {
        records.iter().map(|r| **r).collect()
    }

    proptest! {
        /// Merging into chunks gives what merging into one sorted list gives, whatever the
        /// sizes; and lookups find every record at its index.
        #[test]
        fn chunked_records_merge_and_search_as_a_sorted_list_does(
            keys in proptest::collection::btree_set(0u32..6000, 0..3000),
            changes in proptest::collection::vec((0u32..6000, any::<bool>()), 0..1500),
            rounds in 1usize..4,
        ) {
            let mut expected: std::collections::BTreeMap<u32, u32> =
                keys.iter().map(|&k| (k, 0)).collect();
            let mut records: Records<Arc<(u32, u32)>> =
                keys.iter().map(|&k| Arc::new((k, 0))).collect();
            let per_round = changes.len() / rounds + 1;
            for (round, part) in changes.chunks(per_round).enumerate() {
                let mut upserts = std::collections::BTreeMap::new();
                let mut removed = std::collections::BTreeSet::new();
                for &(k, remove) in part {
                    if remove {
                        upserts.remove(&k);
                        removed.insert(k);
                    } else {
                        removed.remove(&k);
                        upserts.insert(k, round as u32 + 1);
                    }
                }
                for k in &removed {
                    expected.remove(k);
                }
                expected.extend(upserts.iter().map(|(&k, &v)| (k, v)));
                let upserts: Vec<(u32, u32)> = upserts.into_iter().collect();
                let removed: Vec<u32> = removed.into_iter().collect();
                records = records.merged(&upserts, &removed, |r| &r.0);
                let want: Vec<(u32, u32)> = expected.iter().map(|(&k, &v)| (k, v)).collect();
                prop_assert_eq!(plain(&records), want.clone());
                prop_assert_eq!(records.len(), want.len());
                for probe in [0u32, 1, 2999, 3000, 5999, 6000] {
                    let found = records.binary_search_by(|r| r.0.cmp(&probe));
                    let wanted = want.binary_search_by(|r| r.0.cmp(&probe));
                    prop_assert_eq!(found, wanted);
                }
                for (i, record) in want.iter().enumerate().step_by(97) {
                    prop_assert_eq!(*records[i], *record);
                }
            }
        }
    }

    #[test]
    fn a_merge_shares_every_chunk_no_change_falls_in() {
        let records: Records<Arc<(u32, u32)>> = (0..10 * CHUNK as u32)
            .map(|k| Arc::new((2 * k, 0)))
            .collect();
        // One record replaced and one inserted beside it, both in the fourth chunk.
        let at = 3 * CHUNK as u32 + 5;
        let next = records.merged(&[(2 * at, 1), (2 * at + 1, 1)], &[], |r| &r.0);
        assert_eq!(next.len(), records.len() + 1);
        let shared = |c: usize| Arc::ptr_eq(&records.chunks[c], &next.chunks[c]);
        assert!((0..10).filter(|&c| c != 3).all(shared));
        assert!(!shared(3));
        // The records outside it are the very same allocations.
        assert!(Arc::ptr_eq(&records[0], &next[0]));
        assert_eq!(*next[at as usize], (2 * at, 1));
        assert_eq!(*next[at as usize + 1], (2 * at + 1, 1));
    }

    #[test]
    fn records_no_other_version_holds_are_moved_out_not_copied() {
        let records: Records<Arc<String>> =
            (0..1500).map(|i| Arc::new(format!("{i:04}"))).collect();
        let held = records[700].clone();
        let address = |s: &String| s.as_ptr();
        let before: Vec<*const u8> = records.iter().map(|r| address(r)).collect();
        let values = records.into_values();
        assert_eq!(values.len(), 1500);
        // The text of a record nobody else holds is the same allocation; the held one is a copy.
        assert_eq!(address(&values[699]), before[699]);
        assert_ne!(address(&values[700]), before[700]);
        assert_eq!(values[700], *held);
    }

    #[test]
    fn deletions_that_empty_chunks_leave_them_out() {
        let records: Records<Arc<(u32, u32)>> =
            (0..4 * CHUNK as u32).map(|k| Arc::new((k, 0))).collect();
        let removed: Vec<u32> = (0..4 * CHUNK as u32).filter(|k| k % 700 != 0).collect();
        let next = records.merged(&[], &removed, |r| &r.0);
        assert_eq!(plain(&next), [(0, 0), (700, 0), (1400, 0)]);
        assert!(next.chunks.iter().all(|c| !c.is_empty()));
        let none = next.merged(&[], &[0, 700, 1400], |r| &r.0);
        assert!(none.is_empty());
        assert_eq!(none.binary_search_by(|r| r.0.cmp(&5)), Err(0));
        // Records go into an empty list, too.
        assert_eq!(plain(&none.merged(&[(9, 1)], &[], |r| &r.0)), [(9, 1)]);
    }
}
