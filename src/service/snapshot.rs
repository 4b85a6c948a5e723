//! The shared snapshot of the network: read from the store when its change version moves, never
//! per request, and everything computed once per version hangs off it (the figures every page
//! shows, summaries). Exports, metrics and views of the same version share its network instead
//! of each reading the store again.
//!
//! By default every use case sees every write acknowledged before it (the snapshot is rebuilt
//! first when the store has moved on). Under a stream of writes that means nearly every analysis
//! waits for a rebuild, so a deployment may allow a bounded staleness instead: an analysis is
//! then answered on the last snapshot while one rebuild runs in the background, as long as that
//! snapshot was read from the store less than `max_staleness` ago. Every answer then holds every
//! write acknowledged more than `max_staleness` before it; past that, the analysis waits.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use tokio::sync::OnceCell;

use super::figures::Figures;
use crate::analysis::{RelayGraph, Summary};
use crate::domain::{Date, Delta, Network, Purpose, today};
use crate::export::Exportable;
use crate::store::{GraphStore, StoreError};

/// Which part of the network a use case works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Everyone (for roles that see personal data, and for counts shown to everyone).
    Whole = 0,
    /// Everyone but the migrants whose consent does not (or no longer) cover research, and
    /// their ties: what research exports hold, and everything an analyst receives is computed
    /// on.
    Research = 1,
    /// Everyone but the migrants whose consent does not cover sharing with partner
    /// organisations, and their ties: what an export for partners holds.
    Partners = 2,
}

impl Scope {
    /// The part of the network a role's analyses are computed on: analysts (and viewers) get
    /// the part that agreed to research only, so nothing they receive describes people a
    /// research export leaves out.
    pub fn of(role: crate::domain::Role) -> Self {
        if role.sees_personal_data() {
            Scope::Whole
        } else {
            Scope::Research
        }
    }

    /// The purpose that decides who is in the part (none for the whole network).
    pub fn purpose(self) -> Option<Purpose> {
        match self {
            Scope::Whole => None,
            Scope::Research => Some(Purpose::Research),
            Scope::Partners => Some(Purpose::Partners),
        }
    }
}

/// One part of the network with its relay graph.
pub struct Scoped {
    /// The whole network of the snapshot, to look actors up by id (what the scope holds is the
    /// graph's actors, and for the consenting part, [`Scoped::exportable`]).
    pub network: Arc<Network>,
    /// The relay graph of the part.
    pub graph: Arc<RelayGraph>,
    /// The part that may leave the system for the scope's purpose (none for the whole).
    pub exportable: Option<Exportable>,
}

/// One version of the network, and what has been computed on it.
pub struct Snapshot {
    /// The store's change version it was read at.
    pub version: u64,
    /// Every actor and tie.
    pub network: Arc<Network>,
    /// The relay graph of the whole network.
    pub graph: Arc<RelayGraph>,
    /// The day consent was judged on (expired consent counts as none): a snapshot of an
    /// earlier day is stale.
    pub day: Date,
    /// The parts by purpose (research, partners), while some use case holds them (each is a
    /// copy: not kept for nothing).
    parts: [Mutex<Weak<Scoped>>; 2],
    /// Figures per scope, computed at most once.
    figures: [OnceCell<Arc<Figures>>; 3],
    /// Summaries per scope and seed, computed at most once each.
    summaries: Mutex<HashMap<(Scope, u64), SummaryCell>>,
    /// The intermediaries' ranking (whole network), computed at most once.
    intermediaries: OnceCell<Arc<super::intermediaries::Intermediaries>>,
    /// Coverage reports by query text, for the activations' boards that ask again and again
    /// (at most [`PLANS_KEPT`]; the next version starts afresh).
    plans: Mutex<HashMap<String, Arc<crate::analysis::CoverageReport>>>,
    /// Reach searches by query key, each made at most once (at most [`MAX_SEARCHES`]): the
    /// pages of one query, and whoever asks the same query of this version, list from one.
    searches: Mutex<HashMap<String, SearchCell>>,
    /// The previous version's parts that were in use when this one was made from it, to
    /// update rather than build this version's parts when they are first asked for.
    seed: Mutex<Option<Seed>>,
}

/// The previous version of the network, what turned it into this one, and the relay graphs of
/// its parts (by scope, research then partners) not yet brought up to date.
struct Seed {
    network: Arc<Network>,
    delta: Delta,
    graphs: [Option<Arc<RelayGraph>>; 2],
}

/// Coverage reports a snapshot keeps for the activations' boards.
const PLANS_KEPT: usize = 32;

/// Snapshots alive in this process: the latest, and older ones analyses in flight still hold
/// (each has relay graph arrays of its own). Logged with every new snapshot.
static ALIVE: AtomicUsize = AtomicUsize::new(0);

impl Drop for Snapshot {
    /// A network of a million ties is millions of allocations to free: a tenth of a second or
    /// more. Whoever lets go of a snapshot last (often a request on an async thread) hands that
    /// work to the blocking pool instead of stalling other requests with it.
    fn drop(&mut self) {
        ALIVE.fetch_sub(1, Ordering::Relaxed);
        let network = std::mem::take(&mut self.network);
        if Arc::strong_count(&network) == 1
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            runtime.spawn_blocking(move || {
                drop(network);
                release_free_memory();
            });
        }
    }
}

/// Hands the memory the allocator holds free back to the system (glibc keeps freed pages of its
/// arenas resident: after a network of a million ties is freed, hundreds of MiB would stay).
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of the allocator's arenas to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// A summary and the degree histogram of one scope, as computed (before disclosure).
pub struct SummaryFigures {
    /// The summary.
    pub summary: Summary,
    /// Relaying actors per doubling bin of degree.
    pub degrees: Vec<(String, u64)>,
}

/// A summary computed at most once, shared by whoever waits for it.
type SummaryCell = Arc<OnceCell<Arc<SummaryFigures>>>;

/// Summaries kept per version: a few seeds at most.
const MAX_SUMMARIES: usize = 8;

/// The cell kept under `key`, made empty when missing. A new key beyond `max` first forgets
/// the cells not filled yet (one being filled still gives its maker the value; it is only not
/// kept), then, if still `max`, every cell.
fn cell_under<K: std::hash::Hash + Eq, T>(
    cells: &Mutex<HashMap<K, Arc<OnceCell<T>>>>,
    key: K,
    max: usize,
) -> Arc<OnceCell<T>> {
    let mut cells = cells.lock().expect("the snapshot lock is never poisoned");
    if cells.len() >= max && !cells.contains_key(&key) {
        cells.retain(|_, cell| cell.initialized());
        if cells.len() >= max {
            cells.clear();
        }
    }
    cells.entry(key).or_default().clone()
}

/// A reach search made at most once, shared by whoever waits for it.
pub(super) type SearchCell = Arc<OnceCell<Arc<crate::analysis::ReachSearch>>>;

/// Reach searches kept per version. Each holds 13 bytes per actor and 4 more per round searched
/// (a round per hop, up to `max_hops`): at the default 3 hops about 25 bytes, so 5 MB at 100,000
/// migrants and 30 MB at a million; at 10 hops up to 55 MB at a million.
const MAX_SEARCHES: usize = 4;

impl Snapshot {
    fn new(version: u64, network: Network) -> Self {
        let graph = RelayGraph::build(&network, version);
        Self::of(version, Arc::new(network), graph, None, today())
    }

    fn of(
        version: u64,
        network: Arc<Network>,
        graph: RelayGraph,
        seed: Option<Seed>,
        day: crate::domain::Date,
    ) -> Self {
        ALIVE.fetch_add(1, Ordering::Relaxed);
        Self {
            version,
            network,
            graph: Arc::new(graph),
            day,
            parts: [Mutex::new(Weak::new()), Mutex::new(Weak::new())],
            figures: [OnceCell::new(), OnceCell::new(), OnceCell::new()],
            summaries: Mutex::new(HashMap::new()),
            intermediaries: OnceCell::new(),
            plans: Mutex::new(HashMap::new()),
            searches: Mutex::new(HashMap::new()),
            seed: Mutex::new(seed),
        }
    }

    /// The next version: this one with a delta from the change log applied. The network
    /// shares every record that did not change, and the relay graph is brought up to date
    /// rather than built (see [`RelayGraph::update`]); so are the parts in use, when first asked
    /// for.
    fn updated(&self, delta: Delta) -> Self {
        self.updated_on(delta, today())
    }

    /// [`Snapshot::updated`] on `day`: the parts in use are carried over only when they were
    /// judged on that same day, and the next snapshot is of that day (read once, so that an
    /// update across midnight cannot carry a part judged on the day before into a snapshot of
    /// the day after).
    fn updated_on(&self, delta: Delta, day: crate::domain::Date) -> Self {
        let network = Arc::new(self.network.apply(&delta));
        let graph = self
            .graph
            .update(&self.network, &network, &delta, |_| true)
            .unwrap_or_else(|| RelayGraph::build(&network, delta.version));
        // Consent is judged on a day: a part of another day is built afresh.
        let graphs = [0, 1].map(|i| {
            let part = self.parts[i]
                .lock()
                .expect("the snapshot lock is never poisoned");
            part.upgrade()
                .filter(|_| self.day == day)
                .map(|scoped| scoped.graph.clone())
        });
        let version = delta.version;
        let seed = graphs.iter().any(Option::is_some).then(|| Seed {
            network: self.network.clone(),
            delta,
            graphs,
        });
        Self::of(version, network, graph, seed, day)
    }

    /// The coverage report of a query (by its JSON text) on this version, if kept.
    pub(super) fn plan(&self, query: &str) -> Option<Arc<crate::analysis::CoverageReport>> {
        self.plans
            .lock()
            .expect("the plans lock is never poisoned")
            .get(query)
            .cloned()
    }

    /// Keeps a coverage report of a query on this version.
    pub(super) fn keep_plan(&self, query: String, report: Arc<crate::analysis::CoverageReport>) {
        let mut plans = self.plans.lock().expect("the plans lock is never poisoned");
        if plans.len() >= PLANS_KEPT {
            plans.clear();
        }
        plans.insert(query, report);
    }

    /// The cell a query's reach search on this version is kept in (by [`RelayQuery::key`];
    /// at most [`MAX_SEARCHES`], see [`cell_under`]).
    ///
    /// [`RelayQuery::key`]: crate::analysis::RelayQuery::key
    pub(super) fn search_cell(&self, key: String) -> SearchCell {
        cell_under(&self.searches, key, MAX_SEARCHES)
    }

    /// The part of the network a scope covers, with its relay graph. A consenting part's graph
    /// is built on demand and shared while anyone holds it. Blocking: call it on the blocking
    /// pool.
    pub fn scoped(&self, scope: Scope) -> Arc<Scoped> {
        let Some(purpose) = scope.purpose() else {
            return Arc::new(Scoped {
                network: self.network.clone(),
                graph: self.graph.clone(),
                exportable: None,
            });
        };
        let mut shared = self.parts[scope as usize - 1]
            .lock()
            .expect("the snapshot lock is never poisoned");
        if let Some(scoped) = shared.upgrade() {
            return scoped;
        }
        let day = self.day;
        let keep = |a: &crate::domain::StoredActor| Exportable::may_leave(a, purpose, day);
        let seeded = {
            let mut seed = self
                .seed
                .lock()
                .expect("the snapshot lock is never poisoned");
            let graph = seed
                .as_mut()
                .and_then(|s| s.graphs[scope as usize - 1].take());
            let updated = graph.and_then(|graph| {
                let seed = seed.as_ref().expect("a seed gave the graph");
                graph.update(&seed.network, &self.network, &seed.delta, keep)
            });
            if seed
                .as_ref()
                .is_some_and(|s| s.graphs.iter().all(Option::is_none))
            {
                *seed = None;
            }
            updated
        };
        let graph =
            seeded.unwrap_or_else(|| RelayGraph::build_part(&self.network, self.version, keep));
        let scoped = Arc::new(Scoped {
            network: self.network.clone(),
            graph: Arc::new(graph),
            exportable: Some(Exportable::of(self.network.clone(), purpose, day)),
        });
        *shared = Arc::downgrade(&scoped);
        scoped
    }

    /// The figures of a scope, computed by `compute` the first time they are asked for (every
    /// other caller meanwhile waits for that one computation).
    pub async fn figures<F, Fut>(
        &self,
        scope: Scope,
        compute: F,
    ) -> Result<Arc<Figures>, super::ServiceError>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Figures, super::ServiceError>>,
    {
        let cell = &self.figures[scope as usize];
        cell.get_or_try_init(|| async { compute().await.map(Arc::new) })
            .await
            .cloned()
    }

    /// The intermediaries' ranking, computed by `compute` the first time it is asked for.
    pub async fn intermediaries<F, Fut>(
        &self,
        compute: F,
    ) -> Result<Arc<super::intermediaries::Intermediaries>, super::ServiceError>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<
                Output = Result<Arc<super::intermediaries::Intermediaries>, super::ServiceError>,
            >,
    {
        self.intermediaries.get_or_try_init(compute).await.cloned()
    }

    /// The summary of a scope for a seed, if it has been computed for this version.
    pub fn summary_if_known(&self, scope: Scope, seed: u64) -> Option<Arc<SummaryFigures>> {
        let summaries = self
            .summaries
            .lock()
            .expect("the snapshot lock is never poisoned");
        summaries.get(&(scope, seed))?.get().cloned()
    }

    /// The summary of a scope for a seed, computed by `compute` the first time it is asked for.
    pub async fn summary<F, Fut>(
        &self,
        scope: Scope,
        seed: u64,
        compute: F,
    ) -> Result<Arc<SummaryFigures>, super::ServiceError>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<SummaryFigures, super::ServiceError>>,
    {
        let cell = cell_under(&self.summaries, (scope, seed), MAX_SUMMARIES);
        cell.get_or_try_init(|| async { compute().await.map(Arc::new) })
            .await
            .cloned()
    }
}

/// Keeps the latest snapshot and rebuilds it when the store has moved on.
#[derive(Default)]
pub struct Snapshots {
    /// How long an analysis may be answered on a snapshot the store has moved on from.
    max_staleness: Duration,
    /// The latest snapshot, and when its version was read from the store (every write
    /// acknowledged before that moment is in it).
    latest: Mutex<Option<(Arc<Snapshot>, Instant)>>,
    /// Held while a snapshot is built: one build at a time.
    building: Arc<tokio::sync::Mutex<()>>,
    rebuilds: AtomicU64,
    updates: AtomicU64,
    searches: AtomicU64,
}

/// A delta of up to this many records (beyond half the network's size) is applied rather than
/// the network read again.
const MIN_UPDATE: usize = 1_000;

/// An update from the change log of up to this many records runs at the priority of requests
/// (tens of milliseconds at 100,000 migrants); a larger one, or one the relay graph would build
/// afresh for, on the heavy pool.
const PROMPT_UPDATE: usize = 10_000;

/// Which snapshot a use case gets.
enum Decision {
    /// This one, which is current or stale within bounds; when stale, a rebuild should start.
    Serve(Arc<Snapshot>, bool),
    /// None fits: wait for a rebuild.
    Wait,
}

impl Snapshots {
    /// Snapshots that answer on one at most `max_staleness` behind the store (zero: never
    /// behind).
    pub fn new(max_staleness: Duration) -> Self {
        Self {
            max_staleness,
            ..Self::default()
        }
    }

    /// How many times the snapshot was built from a full read of the store since the start.
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds.load(Ordering::Relaxed)
    }

    /// How many times the snapshot was brought up to date from the change log since the start.
    pub fn updates(&self) -> u64 {
        self.updates.load(Ordering::Relaxed)
    }

    /// How many reach searches were made since the start (the pages of one query on one
    /// version share one).
    pub fn searches(&self) -> u64 {
        self.searches.load(Ordering::Relaxed)
    }

    /// Counts a reach search made.
    pub(super) fn count_search(&self) {
        self.searches.fetch_add(1, Ordering::Relaxed);
    }

    /// The latest snapshot and when it was read.
    fn latest(&self) -> Option<(Arc<Snapshot>, Instant)> {
        self.latest
            .lock()
            .expect("the snapshot lock is never poisoned")
            .clone()
    }

    fn decide(&self, version: u64) -> Decision {
        let latest = self
            .latest
            .lock()
            .expect("the snapshot lock is never poisoned");
        let Some((snapshot, read_at)) = latest.clone() else {
            return Decision::Wait;
        };
        if snapshot.day != today() {
            // Consent may have expired overnight: judge it again (from the change log, cheap).
            Decision::Wait
        } else if snapshot.version >= version {
            Decision::Serve(snapshot, false)
        } else if read_at.elapsed() < self.max_staleness {
            Decision::Serve(snapshot, true)
        } else {
            Decision::Wait
        }
    }

    /// The snapshot to answer on: the store's current version, or with a staleness allowed,
    /// possibly an older one (never older than allowed). One caller builds while the others
    /// wait, then share the result.
    #[tracing::instrument(skip_all)]
    pub async fn current(
        self: &Arc<Self>,
        store: &Arc<dyn GraphStore>,
    ) -> Result<Arc<Snapshot>, StoreError> {
        let version = store.version().await?;
        match self.decide(version) {
            Decision::Serve(snapshot, false) => return Ok(snapshot),
            Decision::Serve(snapshot, true) => {
                // Stale but within bounds: answer now, and have one rebuild start if none runs.
                if let Ok(guard) = self.building.clone().try_lock_owned() {
                    let (snapshots, store) = (self.clone(), store.clone());
                    tokio::spawn(async move {
                        let _guard = guard;
                        if let Err(error) = snapshots.build(store.as_ref()).await {
                            tracing::warn!(error = %error, "background snapshot rebuild failed");
                        }
                    });
                }
                return Ok(snapshot);
            }
            Decision::Wait => {}
        }
        // The wait and the build are not this caller's: if the caller gives up (its time budget
        // ran out, its client left), the build goes on, and whoever asks next finds it done.
        // Otherwise a network whose first read takes longer than the budget would never be
        // answered on.
        let (snapshots, store) = (self.clone(), store.clone());
        tokio::spawn(async move {
            let _guard = snapshots.building.lock().await;
            // Someone else may have built it meanwhile: a snapshot of the version this caller
            // needs, or a later one, answers it. (Judged against the store's version now, every
            // caller queued behind a build would build again whenever a write landed meanwhile,
            // one after another.)
            if let Decision::Serve(snapshot, false) = snapshots.decide(version) {
                return Ok(snapshot);
            }
            snapshots.build(store.as_ref()).await
        })
        .await
        .map_err(StoreError::backend)?
    }

    /// Builds the snapshot of the store's current version and makes it the latest. The caller
    /// holds `building`.
    async fn build(&self, store: &dyn GraphStore) -> Result<Arc<Snapshot>, StoreError> {
        let read_at = Instant::now();
        let version = store.version().await?;
        if let Decision::Serve(snapshot, false) = self.decide(version) {
            return Ok(snapshot);
        }
        // From the last snapshot and the change log when it can say what changed since (cost
        // in proportion to the change); from a full read otherwise.
        let previous = self.latest().map(|(snapshot, _)| snapshot);
        let mut update = None;
        if let Some(previous) = previous
            && let Some(delta) = store.changes_since(previous.version).await?
        {
            let size = previous.network.actors.len() + previous.network.ties.len();
            if delta.len() <= size / 2 + MIN_UPDATE {
                update = Some((previous, delta));
            }
        }
        let started = Instant::now();
        let (snapshot, changes) = match update {
            Some((previous, delta)) => {
                let changes = delta.len();
                let prompt = changes <= PROMPT_UPDATE && !previous.graph.update_builds(changes);
                let update = move || previous.updated(delta);
                // Every analysis after a write waits for this: a small update runs at the
                // requests' priority, not on the heavy pool's lower one, where a busy server
                // would keep it waiting for a core.
                let snapshot = if prompt {
                    super::budget::on_update_thread(update).await
                } else {
                    super::budget::on_heavy_pool(update).await
                }
                .map_err(StoreError::backend)?;
                self.updates.fetch_add(1, Ordering::Relaxed);
                (snapshot, Some(changes))
            }
            None => {
                let network = store.network().await?;
                let snapshot =
                    super::budget::on_heavy_pool(move || Snapshot::new(version, network))
                        .await
                        .map_err(StoreError::backend)?;
                self.rebuilds.fetch_add(1, Ordering::Relaxed);
                (snapshot, None)
            }
        };
        let version = snapshot.version;
        tracing::info!(
            version,
            actors = snapshot.graph.node_count(),
            ties = snapshot.graph.tie_count(),
            changes,
            millis = started.elapsed().as_millis() as u64,
            alive = ALIVE.load(Ordering::Relaxed),
            "relay snapshot {}",
            if changes.is_some() {
                "updated from the change log"
            } else {
                "read in full"
            }
        );
        let snapshot = Arc::new(snapshot);
        let mut latest = self
            .latest
            .lock()
            .expect("the snapshot lock is never poisoned");
        // A version read before a write may land after a newer snapshot: keep the newest.
        if latest.as_ref().is_none_or(|(s, _)| s.version <= version) {
            *latest = Some((snapshot.clone(), read_at));
        }
        Ok(snapshot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A SQLite store in a temporary folder (kept while the folder lives) holding the demo city.
    async fn demo_store(migrants: usize) -> (tempfile::TempDir, Arc<dyn GraphStore>) {
        let folder = tempfile::tempdir().unwrap();
        let config = crate::store::StoreConfig::Sqlite {
            path: folder.path().join("city.db"),
        };
        let store = crate::store::open(&config, 0).await.unwrap();
        store
            .write(crate::demo::generate(crate::demo::DEFAULT_SEED, migrants))
            .await
            .unwrap();
        (folder, store)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_build_goes_on_when_the_caller_that_started_it_gives_up() {
        let (_folder, store) = demo_store(2000).await;
        let snapshots = Arc::new(Snapshots::new(Duration::ZERO));
        // A caller starts the build, then gives up (its budget ran out, its client left).
        let caller = tokio::spawn({
            let (snapshots, store) = (snapshots.clone(), store.clone());
            async move { snapshots.current(&store).await.map(|s| s.version) }
        });
        while snapshots.building.try_lock().is_ok() && !caller.is_finished() {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        caller.abort();
        // The build is finished all the same, and kept for the next caller.
        let _built = snapshots.building.lock().await;
        let (snapshot, _) = snapshots.latest().expect("the build went on");
        assert_eq!(snapshot.version, store.version().await.unwrap());
        assert_eq!(snapshots.rebuilds(), 1);
    }

    /// Writes one new organisation.
    async fn write_one(store: &Arc<dyn GraphStore>, id: &str) {
        let document = serde_json::json!({"actors": [
            {"id": id, "kind": "organisation", "name": "Hall", "languages": ["eng"]}]});
        let batch =
            crate::document::read_json(&document.to_string(), crate::domain::WriteMode::Upsert)
                .unwrap();
        store.write(batch).await.unwrap();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn callers_queued_behind_a_build_share_it_though_writes_landed_since() {
        let (_folder, store) = demo_store(300).await;
        let snapshots = Arc::new(Snapshots::new(Duration::ZERO));
        snapshots.current(&store).await.unwrap();
        write_one(&store, "o-second").await;
        let needed = store.version().await.unwrap();
        // Two analyses after that write queue behind a build in progress.
        let building = snapshots.building.clone().lock_owned().await;
        let callers: Vec<_> = (0..2)
            .map(|_| {
                let (snapshots, store) = (snapshots.clone(), store.clone());
                tokio::spawn(async move { snapshots.current(&store).await.unwrap().version })
            })
            .collect();
        // Each caller holds the snapshots twice once it waits for the build (its own task and
        // the one that waits).
        while Arc::strong_count(&snapshots) < 5 {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        // The build in progress brings the snapshot to the version they need; then another
        // write lands before they get their turn.
        snapshots.build(store.as_ref()).await.unwrap();
        write_one(&store, "o-third").await;
        drop(building);
        for caller in callers {
            assert_eq!(
                caller.await.unwrap(),
                needed,
                "answered on the shared build"
            );
        }
        assert_eq!(
            snapshots.updates(),
            1,
            "no caller built again for a write made after it asked"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_update_on_another_day_judges_consent_again() {
        let (_folder, store) = demo_store(300).await;
        let snapshots = Arc::new(Snapshots::new(Duration::ZERO));
        let first = snapshots.current(&store).await.unwrap();
        let held = first.scoped(Scope::Research);
        write_one(&store, "o-later").await;
        let delta = store.changes_since(first.version).await.unwrap().unwrap();
        // The same day: the part in use is carried over, to be updated when asked for.
        let same = first.updated_on(delta.clone(), first.day);
        assert_eq!(same.day, first.day);
        assert!(same.seed.lock().unwrap().is_some());
        // Midnight passed: the next snapshot is of the new day, and carries no part judged on
        // the day before.
        let next_day = first.day.succ_opt().unwrap();
        let later = first.updated_on(delta, next_day);
        assert_eq!(later.day, next_day);
        assert!(later.seed.lock().unwrap().is_none());
        drop(held);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_part_in_use_is_updated_with_the_network_as_a_build_would_make_it() {
        let (_folder, store) = demo_store(300).await;
        let snapshots = Arc::new(Snapshots::new(Duration::ZERO));
        let first = snapshots.current(&store).await.unwrap();
        // An analyst's analysis holds the research part while the network changes: a migrant
        // who consents to research joins with a tie, and one who did consent leaves.
        let held = first.scoped(Scope::Research);
        let leaving = first
            .network
            .actors
            .iter()
            .find(|a| {
                a.kind == crate::domain::ActorKind::Migrant && held.graph.position(&a.id).is_some()
            })
            .unwrap()
            .id
            .clone();
        let friend = held
            .graph
            .ids
            .iter()
            .find(|id| id.as_str().starts_with("m-") && **id != leaving)
            .unwrap()
            .clone();
        let document = serde_json::json!({
            "actors": [{"id": "m-new", "kind": "migrant", "name": "New", "languages": ["tir"],
                        "consent": true}],
            "ties": [{"source": "m-new", "target": friend, "kind": "knows", "trust": 0.7}]});
        let batch =
            crate::document::read_json(&document.to_string(), crate::domain::WriteMode::Upsert)
                .unwrap();
        store.write(batch).await.unwrap();
        store.delete_actor(&leaving, false).await.unwrap();

        let second = snapshots.current(&store).await.unwrap();
        assert_eq!(
            snapshots.updates(),
            1,
            "brought up to date from the change log"
        );
        let part = second.scoped(Scope::Research);
        let built = RelayGraph::build_part(&second.network, second.version, |a| {
            Exportable::may_leave(a, Purpose::Research, second.day)
        });
        assert_eq!(*part.graph, built);
        assert!(
            part.graph
                .position(&crate::domain::ActorId::parse("m-new").unwrap())
                .is_some()
        );
        assert!(part.graph.position(&leaving).is_none());
        drop(held);
    }
}
